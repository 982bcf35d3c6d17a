/**
 * The auth module owns sign-in, sessions and API tokens: proving who is asking. It does not
 * decide what they may see (access/) nor manage accounts (users/).
 */
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { Viewer } from '../../access/viewer.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import { users } from '../users/users.table.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import {
  accountLocked,
  accountSuspended,
  invalidCredentials,
  sessionExpired,
} from './auth.errors.ts';
import { apiTokens, sessions } from './auth.table.ts';
import { DUMMY_HASH, deriveCsrfToken, newSecret, sha256, verifyPassword } from './secrets.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginInput = {
  username: string;
  password: string;
  clientIp: string | null;
  userAgent: string | null;
};
export type LoginResult = {
  sessionToken: string;
  csrfToken: string;
  viewer: Viewer;
  mustChangePassword: boolean;
  expiresAt: Date;
};

export async function login(
  db: Db,
  clock: Clock,
  sessionHours: number,
  input: LoginInput,
): Promise<LoginResult> {
  const now = clock.now();
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const actor: AuditActor = {
    viewer: null,
    username: input.username,
    clientIp: input.clientIp,
    now,
  };
  // While locked, every attempt answers the same, right password or not: no guessing on.
  if (user?.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(DUMMY_HASH, input.password);
    await auditDenied(db, actor, 'account locked');
    throw accountLocked(undefined, {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user?.passwordHash || !ok) {
    await recordFailedLogin(db, actor, user?.id);
    throw invalidCredentials();
  }
  const viewer = await loadViewer(db, user.id, null);
  if (!viewer?.active || !viewer.agencyActive) {
    await auditDenied(db, actor, 'account or agency suspended');
    throw accountSuspended();
  }
  const sessionToken = newSecret('wfs_');
  const csrfToken = deriveCsrfToken(sessionToken);
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      csrfTokenHash: sha256(csrfToken),
      userId: user.id,
      expiresAt,
      clientIp: input.clientIp,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await appendAudit(tx, { ...actor, viewer }, [
      { action: 'auth.login', objectType: 'user', objectIds: [user.id] },
    ]);
  });
  return {
    sessionToken,
    csrfToken,
    viewer,
    mustChangePassword: user.mustChangePassword,
    expiresAt,
  };
}

async function recordFailedLogin(db: Db, actor: AuditActor, userId: string | undefined) {
  await db.transaction(async (tx) => {
    if (userId) {
      // Lock after MAX_FAILED_LOGINS consecutive failures; the counter restarts after the lock.
      await tx
        .update(users)
        .set({
          failedLogins: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then ${new Date(actor.now.getTime() + LOCKOUT_MINUTES * 60_000)} else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, userId));
    }
    await appendAudit(tx, actor, [
      {
        action: 'auth.login',
        decision: 'deny',
        reason: 'wrong username or password',
        objectType: 'user',
        objectIds: userId ? [userId] : [],
      },
    ]);
  });
}

async function auditDenied(db: Db, actor: AuditActor, reason: string) {
  await db.transaction((tx) =>
    appendAudit(tx, actor, [{ action: 'auth.login', decision: 'deny', reason }]),
  );
}

export type Authenticated = {
  viewer: Viewer;
  via: 'session' | 'token';
  csrfTokenHash: string | null;
  sessionTokenHash: string | null;
};

/** Resolves a session cookie or bearer token to a fresh viewer; throws 401/403 otherwise. */
export async function authenticate(
  db: Db,
  clock: Clock,
  creds: {
    sessionToken?: string | undefined;
    bearerToken?: string | undefined;
    purpose: string | null;
  },
): Promise<Authenticated> {
  const now = clock.now();
  let found:
    | {
        userId: string;
        csrfTokenHash: string | null;
        sessionTokenHash: string | null;
        via: 'session' | 'token';
      }
    | undefined;
  if (creds.bearerToken) {
    const [t] = await db
      .select({ id: apiTokens.id, userId: apiTokens.userId })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, sha256(creds.bearerToken)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    if (t) {
      found = { userId: t.userId, csrfTokenHash: null, sessionTokenHash: null, via: 'token' };
      // At most one write a minute per token, not one per request.
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, t.id),
            or(
              isNull(apiTokens.lastUsedAt),
              lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)),
            ),
          ),
        );
    }
  } else if (creds.sessionToken) {
    const tokenHash = sha256(creds.sessionToken);
    const [s] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    if (s)
      found = {
        userId: s.userId,
        csrfTokenHash: s.csrfTokenHash,
        sessionTokenHash: tokenHash,
        via: 'session',
      };
  }
  if (!found) throw sessionExpired();
  const viewer = await loadViewer(db, found.userId, creds.purpose);
  if (!viewer) throw sessionExpired();
  if (!viewer.active || !viewer.agencyActive) throw accountSuspended();
  return {
    viewer,
    via: found.via,
    csrfTokenHash: found.csrfTokenHash,
    sessionTokenHash: found.sessionTokenHash,
  };
}

export async function logout(db: Db, actor: AuditActor, sessionTokenHash: string | null) {
  await db.transaction(async (tx) => {
    if (sessionTokenHash) await tx.delete(sessions).where(eq(sessions.tokenHash, sessionTokenHash));
    await appendAudit(tx, actor, [{ action: 'auth.logout' }]);
  });
}

export type CreatedToken = {
  id: string;
  name: string;
  prefix: string;
  token: string;
  expiresAt: Date | null;
  createdAt: Date;
};

/** A new API token for a user; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: AuditActor,
  input: { userId: string; name: string; expiresInDays: number | null },
): Promise<CreatedToken> {
  const token = newSecret('wf_');
  const id = newId();
  const expiresAt = input.expiresInDays
    ? new Date(actor.now.getTime() + input.expiresInDays * 86_400_000)
    : null;
  const row = {
    id,
    userId: input.userId,
    name: input.name,
    prefix: token.slice(0, 10),
    tokenHash: sha256(token),
    expiresAt,
    createdAt: actor.now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values(row);
    await appendAudit(tx, actor, [
      {
        action: 'auth.token_create',
        objectType: 'api_token',
        objectIds: [id],
        details: { userId: input.userId, name: input.name },
      },
    ]);
  });
  return { id, name: row.name, prefix: row.prefix, token, expiresAt, createdAt: row.createdAt };
}

/** Ends every session and token of a user, e.g. on suspension (CI-16). */
export async function revokeAllCredentials(tx: Db, userIds: readonly string[], now: Date) {
  if (userIds.length === 0) return;
  await tx.delete(sessions).where(inArray(sessions.userId, [...userIds]));
  await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(inArray(apiTokens.userId, [...userIds]), isNull(apiTokens.revokedAt)));
}
