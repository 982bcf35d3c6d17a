/**
 * The ingest module owns durable ingest jobs: the uploaded file (kept in the data directory
 * until the job ends), progress, the checkpoint and the per-row error report. Parsing is in
 * parsers/, validation and writing in the runner; records belong to the records module.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, desc, eq, gt, lt, lte } from 'drizzle-orm';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.ts';
import { ownAgencyUnlessAdmin } from '../../access/agency-scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { getSource } from '../sources/sources.service.ts';
import { sources } from '../sources/sources.table.ts';
import { jobNotFound, mappingRequired, notYourSource, sourceInactive } from './ingest.errors.ts';
import { ingestErrors, ingestJobs, type IngestFormat } from './ingest.table.ts';

export type NewIngestJob = {
  sourceId: string;
  format: IngestFormat;
  fileName: string;
  mapping: string | null;
  dryRun: boolean;
  /** Writes the upload to the given path; throws (e.g. 413) to abandon the job. */
  writeFile: (path: string) => Promise<void>;
};

export async function createIngestJob(ctx: ServiceContext, dataDir: string, input: NewIngestJob) {
  const source = await getSource(ctx, input.sourceId);
  // The agency itself, or the center's administrators importing on a partner's behalf.
  const v = ctx.viewer;
  const allowed =
    v.kind === 'system' || v.roles.includes('admin') || source.agencyId === v.agencyId;
  if (!allowed) throw notYourSource();
  if (!source.active) throw sourceInactive();
  if (input.format === 'csv' && !input.mapping) throw mappingRequired();
  const id = newId();
  const dir = join(dataDir, 'ingest');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const filePath = join(dir, id);
  try {
    await input.writeFile(filePath);
  } catch (err) {
    await rm(filePath, { force: true });
    throw err;
  }
  return ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .insert(ingestJobs)
      .values({
        id,
        sourceId: source.id,
        format: input.format,
        fileName: input.fileName,
        filePath,
        mapping: input.mapping,
        dryRun: input.dryRun,
        createdByUserId: ctx.viewer.userId,
      })
      .returning();
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'ingest.create',
        objectType: 'ingest_job',
        objectIds: [id],
        details: {
          sourceId: source.id,
          format: input.format,
          fileName: input.fileName,
          dryRun: input.dryRun,
        },
      },
    ]);
    return job!;
  });
}

const scope = (ctx: ServiceContext) => ownAgencyUnlessAdmin(ctx.viewer, sources.agencyId);

export async function getIngestJob(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select({ job: ingestJobs })
    .from(ingestJobs)
    .innerJoin(sources, eq(sources.id, ingestJobs.sourceId))
    .where(and(eq(ingestJobs.id, id), scope(ctx)));
  if (!row) throw jobNotFound();
  return row.job;
}

export async function listIngestJobs(ctx: ServiceContext, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select({ job: ingestJobs })
    .from(ingestJobs)
    .innerJoin(sources, eq(sources.id, ingestJobs.sourceId))
    .where(and(scope(ctx), after ? lt(ingestJobs.id, after) : undefined))
    .orderBy(desc(ingestJobs.id))
    .limit(page.limit + 1);
  return toPage(
    rows.map((r) => r.job),
    page.limit,
  );
}

/**
 * The error report in file order, a page at a time (the cursor is the last line seen). A page
 * ends at a line boundary — all of a line's errors or none — so resuming after the last line
 * never skips one; it may run past `limit` by the errors of its last line. Its messages can
 * quote the file's values, so each page read is audited.
 */
export async function listIngestErrors(
  ctx: ServiceContext,
  id: string,
  afterLine: number,
  limit: number,
) {
  await getIngestJob(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const after = and(eq(ingestErrors.jobId, id), gt(ingestErrors.line, afterLine));
    const [boundary] = await tx
      .select({ line: ingestErrors.line })
      .from(ingestErrors)
      .where(after)
      .orderBy(asc(ingestErrors.line))
      .offset(limit - 1)
      .limit(1);
    const rows = await tx
      .select()
      .from(ingestErrors)
      .where(and(after, boundary ? lte(ingestErrors.line, boundary.line) : undefined))
      .orderBy(asc(ingestErrors.line), asc(ingestErrors.field));
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'ingest.errors_read',
        objectType: 'ingest_job',
        objectIds: [id],
        details: { afterLine, rows: rows.length },
      },
    ]);
    return rows;
  });
}
