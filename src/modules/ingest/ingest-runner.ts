/**
 * Runs one ingest job from its checkpoint to the end. A file that cannot be parsed at all
 * fails the job before anything is written: a first pass reads the whole file for
 * structure only (no validation, no database), then the second pass validates and commits
 * in batches. Rows up to the checkpoint were committed by an earlier run and are skipped, so a job resumed after a crash neither loses nor duplicates anything.
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import { systemViewer, type CenterInfo } from '../center/center.service.ts';
import { sources } from '../sources/sources.table.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import { commitBatch, type Batch } from './ingest-batch.ts';
import { ingestJobs } from './ingest.table.ts';
import { parseFile, UnparseableFileError } from './formats.ts';
import { validateRow, type SourceContext } from './row-validation.ts';

export type RunnerDeps = { db: Db; clock: Clock; center: CenterInfo; batchSize?: number };
type Job = typeof ingestJobs.$inferSelect;

export async function runIngestJob(deps: RunnerDeps, job: Job): Promise<void> {
  const [source] = await deps.db.select().from(sources).where(eq(sources.id, job.sourceId));
  if (!source) return failJob(deps, job, 'The source of this job no longer exists');
  try {
    const bytesTotal = (await stat(job.filePath)).size;
    await deps.db
      .update(ingestJobs)
      .set({ bytesTotal, startedAt: job.startedAt ?? deps.clock.now() })
      .where(eq(ingestJobs.id, job.id));
    for await (const _row of parseFile(job, createReadStream(job.filePath))) {
      // Structure only: any UnparseableFileError surfaces here, before a single write.
    }
    const context: SourceContext = {
      sourceId: source.id,
      agencyId: source.agencyId,
      defaultMarkings: source.defaultMarkings,
      authorUserId: job.createdByUserId,
    };
    await streamBatches(deps, job, context);
    await finishJob(deps, job);
  } catch (err) {
    if (err instanceof UnparseableFileError || isMissingFile(err))
      return failJob(deps, job, (err as Error).message);
    throw err;
  }
}

async function streamBatches(deps: RunnerDeps, job: Job, context: SourceContext) {
  const batchSize = deps.batchSize ?? 1000;
  const input = createReadStream(job.filePath);
  let batch = emptyBatch();
  const seen = new Set<string>();
  const flush = async () => {
    batch.bytesRead = input.bytesRead;
    const current = batch;
    const actor = await jobActor(deps, job);
    await deps.db.transaction((tx) =>
      commitBatch(tx, job, { centerId: deps.center.id, actor }, current),
    );
    batch = emptyBatch();
    seen.clear();
  };
  // Rows are counted, not lines: a minified STIX bundle or XML file is one line.
  let ordinal = 0;
  for await (const row of parseFile(job, input)) {
    if (++ordinal <= job.checkpointRow) continue;
    // The same record twice in one batch: commit the first so the second becomes its update.
    if (row.ok && seen.has(row.sourceRecordId)) await flush();
    batch.rowsRead++;
    batch.rowsThrough = ordinal;
    if (!row.ok)
      batch.errors.push(...row.errors.map((e) => ({ ...e, sourceRecordId: row.sourceRecordId })));
    else {
      seen.add(row.sourceRecordId);
      const valid = validateRow(row, context);
      if (Array.isArray(valid)) batch.errors.push(...valid);
      else batch.rows.push(valid);
    }
    if (batch.rowsRead >= batchSize) await flush();
  }
  if (batch.rowsRead > 0) await flush();
}

function emptyBatch(): Batch {
  return { rows: [], errors: [], rowsRead: 0, rowsThrough: 0, bytesRead: 0 };
}

/** Batches are audited as the user who started the job, at the time of each commit. */
async function jobActor(deps: RunnerDeps, job: Job): Promise<AuditActor> {
  const viewer =
    (await loadViewer(deps.db, job.createdByUserId, `ingest job ${job.id}`)) ??
    systemViewer(deps.center, `ingest job ${job.id}`);
  return { viewer, clientIp: null, now: deps.clock.now() };
}

async function finishJob(deps: RunnerDeps, job: Job) {
  const actor = await jobActor(deps, job);
  await deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(ingestJobs)
      .set({ status: 'succeeded', finishedAt: actor.now, heartbeatAt: actor.now })
      .where(eq(ingestJobs.id, job.id))
      .returning();
    await appendAudit(tx, actor, [
      {
        action: 'ingest.finish',
        objectType: 'ingest_job',
        objectIds: [job.id],
        details: {
          created: done?.rowsCreated,
          updated: done?.rowsUpdated,
          unchanged: done?.rowsUnchanged,
          failed: done?.rowsFailed,
          dryRun: job.dryRun,
        },
      },
    ]);
  });
  await rm(job.filePath, { force: true });
}

async function failJob(deps: RunnerDeps, job: Job, message: string) {
  const actor = await jobActor(deps, job);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(ingestJobs)
      .set({ status: 'failed', errorMessage: message, finishedAt: actor.now })
      .where(eq(ingestJobs.id, job.id));
    await appendAudit(tx, actor, [
      {
        action: 'ingest.finish',
        objectType: 'ingest_job',
        objectIds: [job.id],
        decision: 'deny',
        reason: message,
      },
    ]);
  });
  await rm(job.filePath, { force: true });
}

function isMissingFile(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
