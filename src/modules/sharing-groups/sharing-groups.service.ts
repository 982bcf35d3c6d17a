/**
 * The sharing-groups module owns named groups of agencies and users. A marking's
 * releasableTo may name a group; the visibility rule reads the viewer's memberships.
 */
import { desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import {
  conflict,
  defineError,
  isForeignKeyViolation,
  isUniqueViolation,
  unprocessable,
} from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { CreateSharingGroupBody, UpdateSharingGroupBody } from './sharing-groups.schemas.ts';
import { sharingGroupMembers, sharingGroups } from './sharing-groups.table.ts';

export const sharingGroupNotFound = defineError({
  code: 'sharing_groups.not_found',
  status: 404,
  title: 'No such sharing group',
});

type Members = { agencyIds: string[]; userIds: string[] };

export async function listSharingGroups(ctx: ServiceContext, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(sharingGroups)
    .where(after ? lt(sharingGroups.id, after) : undefined)
    .orderBy(desc(sharingGroups.id))
    .limit(page.limit + 1);
  const members = await membersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows.map((r) => ({ ...r, members: members.get(r.id) ?? { agencyIds: [], userIds: [] } })),
    page.limit,
  );
}

export async function getSharingGroup(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(sharingGroups).where(eq(sharingGroups.id, id));
  if (!row) throw sharingGroupNotFound();
  const members = await membersOf(ctx.db, [id]);
  return { ...row, members: members.get(id) ?? { agencyIds: [], userIds: [] } };
}

export async function createSharingGroup(ctx: ServiceContext, body: CreateSharingGroupBody) {
  const id = newId();
  await write(ctx, async (tx) => {
    await tx
      .insert(sharingGroups)
      .values({ id, originCenterId: ctx.centerId, name: body.name, description: body.description });
    await replaceMembers(tx, id, body.members);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'sharing_group.create',
        objectType: 'sharing_group',
        objectIds: [id],
        details: { name: body.name, members: body.members },
      },
    ]);
  });
  return getSharingGroup(ctx, id);
}

export async function updateSharingGroup(
  ctx: ServiceContext,
  id: string,
  body: UpdateSharingGroupBody,
) {
  await write(ctx, async (tx) => {
    const { members, ...fields } = body;
    const updated = await tx
      .update(sharingGroups)
      .set({ ...fields, version: sql`${sharingGroups.version} + 1`, updatedAt: ctx.clock.now() })
      .where(eq(sharingGroups.id, id))
      .returning({ id: sharingGroups.id });
    if (updated.length === 0) throw sharingGroupNotFound();
    if (members) await replaceMembers(tx, id, members);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'sharing_group.update',
        objectType: 'sharing_group',
        objectIds: [id],
        details: { changes: body },
      },
    ]);
  });
  return getSharingGroup(ctx, id);
}

export async function deleteSharingGroup(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sharingGroups)
      .where(eq(sharingGroups.id, id))
      .returning({ id: sharingGroups.id });
    if (deleted.length === 0) throw sharingGroupNotFound();
    await appendAudit(tx, auditActor(ctx), [
      { action: 'sharing_group.delete', objectType: 'sharing_group', objectIds: [id] },
    ]);
  });
}

async function write(ctx: ServiceContext, fn: (tx: Tx) => Promise<void>) {
  try {
    await ctx.db.transaction((tx) => fn(tx));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A sharing group with this name exists already');
    if (isForeignKeyViolation(err))
      throw unprocessable('A member agency or user does not exist', {
        errors: [{ path: 'body.members', message: 'unknown agency or user id' }],
      });
    throw err;
  }
}

async function replaceMembers(tx: Db, groupId: string, members: Members) {
  await tx.delete(sharingGroupMembers).where(eq(sharingGroupMembers.groupId, groupId));
  const rows = [
    ...[...new Set(members.agencyIds)].map((agencyId) => ({ groupId, agencyId })),
    ...[...new Set(members.userIds)].map((userId) => ({ groupId, userId })),
  ];
  if (rows.length > 0) await tx.insert(sharingGroupMembers).values(rows);
}

async function membersOf(db: Db, groupIds: string[]) {
  const result = new Map<string, Members>();
  if (groupIds.length === 0) return result;
  const rows = await db
    .select()
    .from(sharingGroupMembers)
    .where(inArray(sharingGroupMembers.groupId, groupIds));
  for (const row of rows) {
    const m = result.get(row.groupId) ?? { agencyIds: [], userIds: [] };
    if (row.agencyId) m.agencyIds.push(row.agencyId);
    if (row.userId) m.userIds.push(row.userId);
    result.set(row.groupId, m);
  }
  return result;
}
