import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.table.ts';
import { invalidCredentials, weakPassword } from './auth.errors.ts';
import { apiTokens, sessions } from './auth.table.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

export const tokenNotFound = defineError({
  code: 'auth.token_not_found',
  status: 404,
  title: 'No such token',
});

/** Changing the password ends every other session of the account. */
export async function changePassword(
  ctx: ServiceContext,
  keepSessionHash: string | null,
  current: string,
  next: string,
) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.viewer.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current)))
    throw invalidCredentials('The current password is wrong');
  if (next === current) throw weakPassword('The new password must differ from the current one');
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    const others = keepSessionHash ? ne(sessions.tokenHash, keepSessionHash) : undefined;
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), others));
    await appendAudit(tx, auditActor(ctx), [
      { action: 'auth.password_change', objectType: 'user', objectIds: [user.id] },
    ]);
  });
}

export function listTokens(ctx: ServiceContext) {
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.viewer.userId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(
        and(
          eq(apiTokens.id, id),
          eq(apiTokens.userId, ctx.viewer.userId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw tokenNotFound();
    await appendAudit(tx, auditActor(ctx), [
      { action: 'auth.token_revoke', objectType: 'api_token', objectIds: [id] },
    ]);
  });
}
