import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { unsafeFindBySourceRecordIds } from '../records/records.repository.ts';
import {
  combineStaged,
  insertedIds,
  resolveStaged,
  stageRecords,
  stageRewrites,
} from '../records/records.writer.ts';
import { ingestErrors, ingestJobs } from './ingest.table.ts';
import type { RowError, ValidRow } from './row-validation.ts';

export type Batch = {
  rows: ValidRow[];
  errors: RowError[];
  rowsRead: number;
  /** How many rows of the file are committed once this batch is. */
  rowsThrough: number;
  bytesRead: number;
};

export type BatchOutcome = { created: string[]; updated: string[]; unchanged: number };

/**
 * Commits one batch: new rows inserted set-based, changed rows as new versions, unchanged
 * rows left alone, the located errors, and the job's counters and checkpoint — all in the
 * caller's transaction, so the checkpoint never runs ahead of what was written.
 *
 * `previousCommitted` settles when the batch before this one has committed. New rows are
 * staged before it (their inserts wait for no lock the batch before holds); changed rows,
 * resolution, the checkpoint and the audit only after it, so each batch resolves against
 * everything before it and batches commit in file order. A failed batch before rejects it,
 * and this transaction rolls back with it.
 */
export async function commitBatch(
  tx: Tx,
  job: { id: string; sourceId: string; dryRun: boolean },
  context: { centerId: string; actor: AuditActor },
  batch: Batch,
  previousCommitted: Promise<unknown> = Promise.resolve(),
): Promise<BatchOutcome> {
  const outcome = job.dryRun
    ? { created: [], updated: [], unchanged: batch.rows.length }
    : await writeRows(tx, job.sourceId, context, batch.rows, previousCommitted);
  await previousCommitted;
  await bulkInsert(
    tx,
    ingestErrors,
    batch.errors.map((e) => ({
      jobId: job.id,
      line: e.line,
      field: e.field,
      message: e.message,
      sourceRecordId: e.sourceRecordId ?? null,
    })),
  );
  const failedLines = new Set(batch.errors.map((e) => e.line)).size;
  await tx
    .update(ingestJobs)
    .set({
      checkpointRow: batch.rowsThrough,
      bytesRead: batch.bytesRead,
      rowsRead: sql`${ingestJobs.rowsRead} + ${batch.rowsRead}`,
      rowsCreated: sql`${ingestJobs.rowsCreated} + ${outcome.created.length}`,
      rowsUpdated: sql`${ingestJobs.rowsUpdated} + ${outcome.updated.length}`,
      rowsUnchanged: sql`${ingestJobs.rowsUnchanged} + ${outcome.unchanged}`,
      rowsFailed: sql`${ingestJobs.rowsFailed} + ${failedLines}`,
      heartbeatAt: context.actor.now,
    })
    .where(eq(ingestJobs.id, job.id));
  if (outcome.created.length + outcome.updated.length > 0) {
    await appendAudit(tx, context.actor, [
      {
        action: 'ingest.batch',
        objectType: 'record',
        objectIds: [...outcome.created, ...outcome.updated],
        details: {
          jobId: job.id,
          created: outcome.created.length,
          updated: outcome.updated.length,
          unchanged: outcome.unchanged,
          failed: failedLines,
        },
      },
    ]);
  }
  return outcome;
}

async function writeRows(
  tx: Tx,
  sourceId: string,
  context: { centerId: string; actor: AuditActor },
  rows: ValidRow[],
  previousCommitted: Promise<unknown>,
): Promise<BatchOutcome> {
  const existing = new Map(
    (
      await unsafeFindBySourceRecordIds(
        tx,
        sourceId,
        rows.map((r) => r.record.sourceRecordId ?? ''),
      )
    ).map((e) => [e.sourceRecordId, e]),
  );
  const fresh: ValidRow[] = [];
  const changed: { id: string; version: number; row: ValidRow }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const found = existing.get(row.record.sourceRecordId);
    if (!found) fresh.push(row);
    else if (found.contentHash === row.contentHash) unchanged++;
    else changed.push({ id: found.id, version: found.version, row });
  }
  const now = context.actor.now;
  const inserted = await stageRecords(
    tx,
    context.centerId,
    now,
    fresh.map((r) => ({ ...r.record, contentHash: r.contentHash })),
  );
  await previousCommitted;
  const rewritten = await stageRewrites(
    tx,
    context.centerId,
    now,
    changed.map((c) => ({
      id: c.id,
      version: c.version,
      prepared: { ...c.row.record, contentHash: c.row.contentHash },
    })),
  );
  await resolveStaged(tx, now, combineStaged(inserted, rewritten));
  return {
    created: insertedIds(inserted).map((i) => i.id),
    updated: changed.map((c) => c.id),
    unchanged,
  };
}
