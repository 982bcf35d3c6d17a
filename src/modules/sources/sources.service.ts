/**
 * The sources module owns where records come from: each source belongs to one agency and
 * carries the default markings for what it brings. Records it brings are owned by that
 * agency. It does not run ingests (ingest/) or hold records.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import {
  conflict,
  defineError,
  forbidden,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.ts';
import { ownAgencyUnlessAdmin } from '../../access/agency-scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { agencyNotFound } from '../agencies/agencies.service.ts';
import type { CreateSourceBody, UpdateSourceBody } from './sources.schemas.ts';
import { sources } from './sources.table.ts';

export const sourceNotFound = defineError({
  code: 'sources.not_found',
  status: 404,
  title: 'No such source',
});

export type Source = typeof sources.$inferSelect;

/** Admins and the system manage any agency's sources; supervisors only their own agency's. */
function canManage(ctx: ServiceContext, agencyId: string): boolean {
  const v = ctx.viewer;
  return v.kind === 'system' || v.roles.includes('admin') || v.agencyId === agencyId;
}

const scope = (ctx: ServiceContext) => ownAgencyUnlessAdmin(ctx.viewer, sources.agencyId);

export async function listSources(ctx: ServiceContext, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(sources)
    .where(and(scope(ctx), after ? lt(sources.id, after) : undefined))
    .orderBy(desc(sources.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

export async function getSource(ctx: ServiceContext, id: string): Promise<Source> {
  const [row] = await ctx.db
    .select()
    .from(sources)
    .where(and(eq(sources.id, id), scope(ctx)));
  if (!row) throw sourceNotFound();
  return row;
}

export async function createSource(ctx: ServiceContext, body: CreateSourceBody) {
  if (!canManage(ctx, body.agencyId))
    throw forbidden('You may create sources only for your own agency');
  const id = newId();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sources)
        .values({ id, originCenterId: ctx.centerId, ...body })
        .returning();
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'source.create',
          objectType: 'source',
          objectIds: [id],
          details: { name: body.name, agencyId: body.agencyId },
        },
      ]);
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(`The agency already has a source named '${body.name}'`);
    if (isForeignKeyViolation(err)) throw agencyNotFound();
    throw err;
  }
}

export async function updateSource(ctx: ServiceContext, id: string, body: UpdateSourceBody) {
  const current = await getSource(ctx, id);
  if (!canManage(ctx, current.agencyId))
    throw forbidden('You may change only your own agency’s sources');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(sources)
        .set({ ...body, version: sql`${sources.version} + 1`, updatedAt: ctx.clock.now() })
        .where(eq(sources.id, id))
        .returning();
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'source.update',
          objectType: 'source',
          objectIds: [id],
          details: { fields: Object.keys(body) },
        },
      ]);
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('The agency already has a source with this name');
    throw err;
  }
}
