/**
 * Runs one ingest job from its checkpoint to the end. A file that cannot be parsed at all
 * fails the job before anything is written: a first pass reads the whole file for
 * structure only (no validation, no database), then the second pass validates and commits
 * in batches — prepared on a worker thread, committed here in file order. Rows up to the
 * checkpoint were committed by an earlier run and are skipped, so a job resumed after a
 * crash neither loses nor duplicates anything.
 */
import { rm, stat } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, DatabaseKind } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import { systemViewer, type CenterInfo } from '../center/center.service.ts';
import { addToVocabulary } from '../search/vocabulary.ts';
import { sources } from '../sources/sources.table.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import { addMarkingClasses } from '../records/marking-classes.ts';
import { commitBatch, type Batch, type BatchOutcome } from './ingest-batch.ts';
import { ingestJobs } from './ingest.table.ts';
import { UnparseableFileError } from './parsers/types.ts';
import { preparedBatches } from './prepared-batches.ts';
import { tableStatistics } from './table-statistics.ts';
import type { SourceContext } from './row-validation.ts';

export type RunnerDeps = {
  db: Db;
  clock: Clock;
  center: CenterInfo;
  batchSize?: number;
  /** Embedded PGlite has one connection: the job then leaves it idle between batches. */
  kind?: DatabaseKind;
};

/**
 * On one connection, back-to-back batch transactions would queue every interactive request
 * (each a few short queries) behind whole batches; pausing for this share of each batch's
 * commit time lets requests through at a bounded cost to the job.
 */
const SHARED_CONNECTION_PAUSE = 0.2;
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

/**
 * Commits the batches in file order. On PostgreSQL two batches are open at once, each on
 * its own connection: while one resolves and commits, the next already writes its new rows
 * (commitBatch), so the server's index work overlaps resolution on this thread. A batch
 * that holds a record of the batch before waits for its commit before it starts: it must
 * find that record to know the row as an update. As the center grows, the planner's
 * statistics follow (table-statistics.ts).
 */
async function streamBatches(deps: RunnerDeps, job: Job, context: SourceContext) {
  const batches = preparedBatches({ job, context, batchSize: deps.batchSize ?? 1000 });
  const overlap = deps.kind !== 'pglite' && !job.dryRun;
  let previous: { committed: Promise<BatchOutcome>; ids: Set<string> } | undefined;
  const statistics = await tableStatistics(deps.db);
  try {
    for await (const batch of batches) {
      const ids = new Set(batch.rows.map((r) => r.record.sourceRecordId ?? ''));
      const before = previous;
      if (before && (!overlap || [...ids].some((id) => before.ids.has(id)))) await before.committed;
      const started = performance.now();
      if (overlap) await addSharedRows(deps.db, batch);
      const actor = await jobActor(deps, job);
      const committed = deps.db.transaction((tx) =>
        commitBatch(tx, job, { centerId: deps.center.id, actor }, batch, before?.committed),
      );
      // Its failure is handled where it is awaited, possibly after the next batch is read.
      committed.catch(() => undefined);
      previous = { committed, ids };
      // At most two open: this one staging, the one before resolving.
      if (before) await statistics.added((await before.committed).created.length);
      if (!overlap) await committed;
      if (deps.kind === 'pglite')
        await sleep((performance.now() - started) * SHARED_CONNECTION_PAUSE);
    }
    if (previous) await statistics.added((await previous.committed).created.length);
  } catch (err) {
    // The batch after a failed one fails with it: wait for its rollback, not its result.
    await previous?.committed.catch(() => undefined);
    throw err;
  }
}

/**
 * What a batch adds to tables every writer shares — search words, marking classes — committed
 * before the batch opens, so the triggers that would add them inside it find them there and
 * take no lock that the batch after it would wait on.
 */
async function addSharedRows(db: Db, batch: Batch) {
  const prepared = batch.rows.map((r) => r.record);
  await addToVocabulary(
    db,
    prepared.flatMap((r) => r.observations.map((o) => o.attributes)),
  );
  await addMarkingClasses(db, prepared);
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
  // Embedded PGlite has no autovacuum: without fresh statistics after a load its planner
  // guesses, and the analysis queries lose their index plans.
  if (deps.kind === 'pglite' && !job.dryRun) await deps.db.execute(sql`analyze`);
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
