/**
 * Critical-infrastructure sites: a small reference table an administrator loads from CSV or
 * GeoJSON, all or nothing, audited. Sites are not protected records (every signed-in user may
 * list them); the records near a site are, and geo.service.ts reads those for a viewer.
 */
import { asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { countyFipsAt } from './counties.ts';
import { readSitesFile, type SiteFileFormat, type SiteInput } from './sites-file.ts';
import { infrastructureSites } from './sites.table.ts';

export const siteNotFound = defineError({
  code: 'sites.not_found',
  status: 404,
  title: 'No such site',
});
export const sitesFileInvalid = defineError({
  code: 'sites.invalid_file',
  status: 422,
  title: 'The site file has errors; nothing was loaded',
});

export type Site = typeof infrastructureSites.$inferSelect;
export type LoadSitesBody = { format: SiteFileFormat; content: string; replace: boolean };

/** Validates the whole file, then creates or updates every site by name in one transaction. */
export async function loadSites(ctx: ServiceContext, body: LoadSitesBody) {
  const { sites, errors } = readSitesFile(body.format, body.content);
  if (errors.length > 0)
    throw sitesFileInvalid(`${errors.length} problem(s); the first: ${describe(errors[0]!)}`, {
      errors: errors.slice(0, 200),
    });
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const rows: { id: string; created: boolean }[] = [];
    // Chunked: 13 columns a row must stay under PostgreSQL's 65,535 bind parameters.
    for (let i = 0; i < sites.length; i += CHUNK)
      rows.push(
        ...(await upsertSites(
          tx,
          sites.slice(i, i + CHUNK).map((s) => siteRow(ctx, s, now)),
        )),
      );
    const removed = body.replace
      ? await tx
          .delete(infrastructureSites)
          .where(
            sites.length === 0
              ? sql`true`
              : notInArray(
                  infrastructureSites.name,
                  sites.map((s) => s.name),
                ),
          )
          .returning({ id: infrastructureSites.id })
      : [];
    const created = rows.filter((r) => r.created).length;
    const summary = { created, updated: rows.length - created, removed: removed.length };
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'site.load',
        objectType: 'infrastructure_site',
        objectIds: [...rows.map((r) => r.id), ...removed.map((r) => r.id)],
        details: { format: body.format, replace: body.replace, ...summary },
      },
    ]);
    return { ...summary, ids: rows.map((r) => r.id) };
  });
}

const CHUNK = 2000;

function upsertSites(tx: Tx, values: (typeof infrastructureSites.$inferInsert)[]) {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  return tx
    .insert(infrastructureSites)
    .values(values)
    .onConflictDoUpdate({
      target: infrastructureSites.name,
      set: {
        sector: excluded('sector'),
        lat: excluded('lat'),
        lon: excluded('lon'),
        address: excluded('address'),
        radiusKm: excluded('radius_km'),
        countyFips: excluded('county_fips'),
        loadedByUserId: excluded('loaded_by_user_id'),
        loadedAt: excluded('loaded_at'),
        updatedAt: excluded('updated_at'),
        version: sql`${infrastructureSites.version} + 1`,
      },
    })
    .returning({ id: infrastructureSites.id, created: sql<boolean>`(xmax = 0)` });
}

function siteRow(ctx: ServiceContext, s: SiteInput, now: Date) {
  return {
    ...s,
    id: newId(),
    originCenterId: ctx.centerId,
    countyFips: countyFipsAt(s.lat, s.lon),
    loadedByUserId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
    loadedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

function describe(e: { path: string; message: string }) {
  return `${e.path}: ${e.message}`;
}

export function listSites(ctx: ServiceContext): Promise<Site[]> {
  return ctx.db.select().from(infrastructureSites).orderBy(asc(infrastructureSites.name));
}

export async function getSite(ctx: ServiceContext, id: string): Promise<Site> {
  const [row] = await ctx.db
    .select()
    .from(infrastructureSites)
    .where(eq(infrastructureSites.id, id));
  if (!row) throw siteNotFound();
  return row;
}

export async function deleteSite(ctx: ServiceContext, id: string): Promise<void> {
  const deleted = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(infrastructureSites)
      .where(eq(infrastructureSites.id, id))
      .returning({ id: infrastructureSites.id, name: infrastructureSites.name });
    if (row)
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'site.delete',
          objectType: 'infrastructure_site',
          objectIds: [row.id],
          details: { name: row.name },
        },
      ]);
    return row;
  });
  if (!deleted) throw siteNotFound();
}
