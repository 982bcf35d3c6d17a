/**
 * The agencies module owns partner agencies: discipline, level, ORI, jurisdiction, points
 * of contact and whether the agency is active. Suspending an agency ends its users' sessions
 * and tokens at once (CI-16). It does not own users.
 */
import { desc, eq, lt, sql } from 'drizzle-orm';
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
import { findCenter } from '../center/center.service.ts';
import { revokeAllCredentials } from '../auth/auth.service.ts';
import { users } from '../users/users.table.ts';
import type { CreateAgencyBody, UpdateAgencyBody } from './agencies.schemas.ts';
import { agencies } from './agencies.table.ts';

export const agencyNotFound = defineError({
  code: 'agencies.not_found',
  status: 404,
  title: 'No such agency',
});

export async function listAgencies(ctx: ServiceContext, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(agencies)
    .where(after ? lt(agencies.id, after) : undefined)
    .orderBy(desc(agencies.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

export async function getAgency(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(agencies).where(eq(agencies.id, id));
  if (!row) throw agencyNotFound();
  return row;
}

export async function createAgency(ctx: ServiceContext, body: CreateAgencyBody) {
  const row = { id: newId(), originCenterId: ctx.centerId, ...body };
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx.insert(agencies).values(row).returning();
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'agency.create',
          objectType: 'agency',
          objectIds: [row.id],
          details: { name: body.name },
        },
      ]);
      return created!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('An agency with this name or ORI exists already');
    throw err;
  }
}

export const hostAgencyProtected = defineError({
  code: 'agencies.host_protected',
  status: 409,
  title: "The center's own agency cannot be suspended or deleted",
});

async function assertNotHost(ctx: ServiceContext, id: string) {
  if ((await findCenter(ctx.db))?.hostAgencyId === id) throw hostAgencyProtected();
}

export async function updateAgency(ctx: ServiceContext, id: string, body: UpdateAgencyBody) {
  if (body.active === false) await assertNotHost(ctx, id);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(agencies)
        .set({ ...body, version: sql`${agencies.version} + 1`, updatedAt: ctx.clock.now() })
        .where(eq(agencies.id, id))
        .returning();
      if (!updated) throw agencyNotFound();
      if (body.active === false) {
        const members = await tx.select({ id: users.id }).from(users).where(eq(users.agencyId, id));
        await revokeAllCredentials(
          tx,
          members.map((m) => m.id),
          ctx.clock.now(),
        );
      }
      const action =
        body.active === false
          ? 'agency.suspend'
          : body.active === true
            ? 'agency.reinstate'
            : 'agency.update';
      await appendAudit(tx, auditActor(ctx), [
        { action, objectType: 'agency', objectIds: [id], details: { fields: Object.keys(body) } },
      ]);
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('An agency with this name or ORI exists already');
    throw err;
  }
}

/** CI-16: suspending an agency ends every session and token of its users at once. */
export function setAgencyActive(ctx: ServiceContext, id: string, active: boolean) {
  return updateAgency(ctx, id, { active });
}

/** Only an agency nothing refers to can be deleted; otherwise suspend it. */
export async function deleteAgency(ctx: ServiceContext, id: string) {
  await assertNotHost(ctx, id);
  try {
    await ctx.db.transaction(async (tx) => {
      const deleted = await tx
        .delete(agencies)
        .where(eq(agencies.id, id))
        .returning({ id: agencies.id });
      if (deleted.length === 0) throw agencyNotFound();
      await appendAudit(tx, auditActor(ctx), [
        { action: 'agency.delete', objectType: 'agency', objectIds: [id] },
      ]);
    });
  } catch (err) {
    if (isForeignKeyViolation(err))
      throw conflict('The agency has users or records; suspend it instead (PATCH active=false)');
    throw err;
  }
}
