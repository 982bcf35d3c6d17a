/**
 * The users module owns accounts: agency, roles, attributes, activity, passwords. What a
 * role or attribute allows is decided in access/; sign-in and tokens live in auth/.
 */
import { and, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import {
  conflict,
  defineError,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { createApiToken, revokeAllCredentials } from '../auth/auth.service.ts';
import { generateOneTimePassword, hashPassword } from '../auth/secrets.ts';
import { agencyNotFound } from '../agencies/agencies.service.ts';
import { findCenter } from '../center/center.service.ts';
import type { CreateUserBody, UpdateUserBody } from './users.schemas.ts';
import { users } from './users.table.ts';

export const userNotFound = defineError({
  code: 'users.not_found',
  status: 404,
  title: 'No such user',
});

const { passwordHash: _omit, ...publicColumns } = getTableColumns(users);

export async function listUsers(
  ctx: ServiceContext,
  page: PageQuery & { agencyId?: string | undefined; username?: string | undefined },
) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select(publicColumns)
    .from(users)
    .where(
      and(
        after ? lt(users.id, after) : undefined,
        page.agencyId ? eq(users.agencyId, page.agencyId) : undefined,
        page.username ? eq(users.username, page.username) : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

export async function getUser(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select(publicColumns).from(users).where(eq(users.id, id));
  if (!row) throw userNotFound();
  return row;
}

export async function createUser(ctx: ServiceContext, body: CreateUserBody) {
  const { password, ...fields } = body;
  const oneTimePassword = password === undefined ? generateOneTimePassword() : undefined;
  const passwordHash = await hashPassword(password ?? oneTimePassword!);
  const id = newId();
  try {
    const created = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          id,
          originCenterId: ctx.centerId,
          ...fields,
          passwordHash,
          mustChangePassword: oneTimePassword !== undefined,
        })
        .returning(publicColumns);
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'user.create',
          objectType: 'user',
          objectIds: [id],
          details: {
            username: body.username,
            agencyId: body.agencyId,
            roles: body.roles,
            attributes: body.attributes,
          },
        },
      ]);
      return row!;
    });
    return { ...created, ...(oneTimePassword ? { oneTimePassword } : {}) };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`The username '${body.username}' is taken`);
    if (isForeignKeyViolation(err)) throw agencyNotFound();
    throw err;
  }
}

export const systemAccountProtected = defineError({
  code: 'users.system_account',
  status: 409,
  title: "The center's system account cannot be changed, deleted or given tokens through the API",
});

async function assertNotSystem(ctx: ServiceContext, id: string) {
  if ((await findCenter(ctx.db))?.systemUserId === id) throw systemAccountProtected();
}

export async function updateUser(ctx: ServiceContext, id: string, body: UpdateUserBody) {
  await assertNotSystem(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...body, version: sql`${users.version} + 1`, updatedAt: ctx.clock.now() })
      .where(eq(users.id, id))
      .returning(publicColumns);
    if (!row) throw userNotFound();
    if (body.active === false) await revokeAllCredentials(tx, [id], ctx.clock.now());
    const action =
      body.active === false
        ? 'user.suspend'
        : body.active === true
          ? 'user.reinstate'
          : 'user.update';
    await appendAudit(tx, auditActor(ctx), [
      { action, objectType: 'user', objectIds: [id], details: { changes: body } },
    ]);
    return row;
  });
}

/** CI-16: the privacy officer (or an admin) suspends; sessions and tokens end at once. */
export function setUserActive(ctx: ServiceContext, id: string, active: boolean) {
  return updateUser(ctx, id, { active });
}

export async function deleteUser(ctx: ServiceContext, id: string) {
  await assertNotSystem(ctx, id);
  try {
    await ctx.db.transaction(async (tx) => {
      const deleted = await tx.delete(users).where(eq(users.id, id)).returning({ id: users.id });
      if (deleted.length === 0) throw userNotFound();
      await appendAudit(tx, auditActor(ctx), [
        { action: 'user.delete', objectType: 'user', objectIds: [id] },
      ]);
    });
  } catch (err) {
    if (isForeignKeyViolation(err))
      throw conflict('The user has authored records; suspend the account instead');
    throw err;
  }
}

export async function createTokenForUser(
  ctx: ServiceContext,
  userId: string,
  input: { name: string; expiresInDays: number | null },
) {
  await getUser(ctx, userId);
  await assertNotSystem(ctx, userId);
  return createApiToken(ctx.db, auditActor(ctx), { userId, ...input });
}
