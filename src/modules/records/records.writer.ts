/**
 * Writes records set-based (record-rows.ts builds the rows): new records with their
 * observations, first entities, blocking keys and version 1; rewrites of changed source rows;
 * next versions; then resolution and cross-agency hits over what was written.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { detectHits } from '../correlation/detect.ts';
import {
  resolveNewObservations,
  writeBlockingKeys,
  type KeysOf,
} from '../resolution/incremental.ts';
import type { Db } from '../../db/client.ts';
import { entities, observations } from '../entities/entities.table.ts';
import {
  firstEntities,
  recordDate,
  snapshotOf,
  toRows,
  type ObservationRow,
  type PreparedRecord,
} from './record-rows.ts';
import { records, recordVersions } from './records.table.ts';

const CHUNK = 1000; // One JSON parameter per table per chunk; bounds statement size.
const OBSERVATION_CHUNK = 3 * CHUNK; // About a chunk of records' observations.

export type InsertedRecord = { id: string; observationIds: string[] };

/**
 * Records written with everything that is only theirs — observations, first entities,
 * blocking keys, version 1 — but not yet resolved against what the center holds.
 */
export type StagedRecords = {
  rows: readonly RecordRows[];
  keysOf: KeysOf;
};

/**
 * Writes records with their observations, first entities and version 1, set-based: one
 * multi-row INSERT per table per chunk, each chunk resolved before the next is written.
 * Returns the new ids in input order.
 */
export async function insertRecords(
  tx: Db,
  centerId: string,
  now: Date,
  prepared: readonly PreparedRecord[],
): Promise<InsertedRecord[]> {
  const ids: InsertedRecord[] = [];
  for (let i = 0; i < prepared.length; i += CHUNK) {
    const staged = await stageRecords(tx, centerId, now, prepared.slice(i, i + CHUNK));
    await resolveStaged(tx, now, staged);
    ids.push(...insertedIds(staged));
  }
  return ids;
}

/**
 * The first half of `insertRecords` for all of `prepared` at once (one resolution unit):
 * only inserts of new rows, which wait for no other transaction's locks, so a bulk writer
 * may stage a batch while the one before it is still resolving, and resolve it after that
 * one has committed.
 */
export async function stageRecords(
  tx: Db,
  centerId: string,
  now: Date,
  prepared: readonly PreparedRecord[],
): Promise<StagedRecords> {
  const rows = prepared.map((p) => toRows(p, centerId, now));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await bulkInsert(
      tx,
      records,
      rows.slice(i, i + CHUNK).map((c) => c.record),
    );
  }
  return stageContent(tx, centerId, now, rows);
}

export function insertedIds(staged: StagedRecords): InsertedRecord[] {
  return staged.rows.map((c) => ({
    id: c.record.id,
    observationIds: c.observations.map((o) => o.id),
  }));
}

type RecordRows = {
  record: typeof records.$inferInsert & { id: string; version: number };
  observations: ObservationRow[];
};

/**
 * What follows a record row, set-based: its observations (each first its own entity), their
 * blocking keys, and the version's entry in record_versions.
 */
async function stageContent(
  tx: Db,
  centerId: string,
  now: Date,
  rows: readonly RecordRows[],
): Promise<StagedRecords> {
  const keysOf = await insertNewObservations(
    tx,
    centerId,
    now,
    rows.flatMap((c) => c.observations),
  );
  // The version's state is the live rows just written: its snapshot waits for a successor.
  for (let i = 0; i < rows.length; i += CHUNK) {
    await bulkInsert(
      tx,
      recordVersions,
      rows.slice(i, i + CHUNK).map((c) => ({
        recordId: c.record.id,
        version: c.record.version,
        changedByUserId: c.record.createdByUserId,
        changedAt: now,
      })),
    );
  }
  return { rows, keysOf };
}

/**
 * New observations written set-based, each first its own entity, with their blocking keys:
 * ready for `resolveAndCorrelate`. Whoever adds observations to a record goes through here.
 */
export async function insertNewObservations(
  tx: Db,
  centerId: string,
  now: Date,
  obs: readonly ObservationRow[],
): Promise<KeysOf> {
  for (let i = 0; i < obs.length; i += OBSERVATION_CHUNK) {
    const chunk = obs.slice(i, i + OBSERVATION_CHUNK);
    await bulkInsert(tx, entities, firstEntities(chunk, centerId, now));
    await bulkInsert(tx, observations, chunk);
  }
  return writeBlockingKeys(tx, obs);
}

/** The second half: resolution against what the center holds, then cross-agency hits. */
export async function resolveStaged(tx: Db, now: Date, staged: StagedRecords): Promise<void> {
  const owners = new Map(staged.rows.map((c) => [c.record.id, c.record.ownerAgencyId]));
  const obs = staged.rows.flatMap((c) => c.observations);
  await resolveAndCorrelate(tx, now, obs, staged.keysOf, owners);
}

/** New observations (their keys stored) resolved, and the hits they make; owners by record. */
export async function resolveAndCorrelate(
  tx: Db,
  now: Date,
  obs: readonly ObservationRow[],
  keysOf: KeysOf,
  owners: ReadonlyMap<string, string>,
): Promise<void> {
  const { entityOf, heldBefore } = await resolveNewObservations(tx, obs, keysOf, now);
  await detectHits(tx, obs, { entityOf, heldBefore }, owners, now);
}

/**
 * Keeps the state of records about to change as the snapshot of their current version, so
 * the history shows it once the live rows move on (ADR 0011). Whoever changes a record calls
 * this first with the live rows it read, before anything of the record (its observations
 * included) changes; set-based.
 */
export async function keepSupersededStates(
  tx: Db,
  live: readonly (typeof records.$inferSelect)[],
): Promise<void> {
  if (live.length === 0) return;
  const obs = await tx
    .select()
    .from(observations)
    .where(
      inArray(
        observations.recordId,
        live.map((r) => r.id),
      ),
    )
    .orderBy(asc(observations.id));
  const byRecord = Map.groupBy(obs, (o) => o.recordId);
  const states = live.map((r) => ({
    record_id: r.id,
    version: r.version,
    snapshot: snapshotOf(r, byRecord.get(r.id) ?? []),
  }));
  // A version stored before ADR 0011 already holds its snapshot, equal to these live rows.
  await tx.execute(sql`
    update record_versions v set snapshot = s.snapshot
    from jsonb_to_recordset(${JSON.stringify(states)}::jsonb)
      as s(record_id uuid, version integer, snapshot jsonb)
    where v.record_id = s.record_id and v.version = s.version and v.snapshot is null`);
}

/**
 * Stores a changed record as its next version: the row itself, and who made the version and
 * when. `next.version` is already the new number; the caller kept the superseded state first
 * (`keepSupersededStates`).
 */
export async function writeNextVersion(
  tx: Db,
  next: typeof records.$inferSelect,
  changedByUserId: string,
  now: Date,
): Promise<void> {
  await tx.update(records).set(next).where(eq(records.id, next.id));
  const at = recordDate(next);
  await tx
    .update(observations)
    .set({ recordAt: at })
    .where(and(eq(observations.recordId, next.id), ne(observations.recordAt, at)));
  await tx.insert(recordVersions).values({
    recordId: next.id,
    version: next.version,
    changedByUserId,
    changedAt: now,
  });
}

/**
 * Replaces the content of existing records with a new version (ingest of a changed row),
 * staged for `resolveStaged` like `stageRecords`: each record row moves to version + 1 (one
 * UPDATE each: their values differ); its observations are replaced and the version's full
 * state kept, set-based. Unlike `stageRecords` this changes existing rows, whose locks
 * another transaction's resolution may wait for.
 */
export async function stageRewrites(
  tx: Db,
  centerId: string,
  now: Date,
  changes: readonly { id: string; version: number; prepared: PreparedRecord }[],
): Promise<StagedRecords> {
  if (changes.length === 0) return { rows: [], keysOf: new Map() };
  const live = await tx
    .select()
    .from(records)
    .where(
      inArray(
        records.id,
        changes.map((c) => c.id),
      ),
    );
  await keepSupersededStates(tx, live);
  const stored = new Map(live.map((r) => [r.id, r]));
  const rows = changes.map((change) => {
    const was = stored.get(change.id)!;
    const { record, observations: obs } = toRows(change.prepared, centerId, now, was.enteredAt);
    const { createdAt: _c, enteredAt: _e, ...content } = record;
    // SAR-03: a new version from the source changes a SAR's content, never where it stands
    // in vetting (only transitions move it).
    const status = was.kind === 'sar' && content.kind === 'sar' ? was.status : content.status;
    const next = { ...content, status, id: change.id, version: change.version + 1 };
    return { record: next, observations: obs.map((o) => ({ ...o, recordId: change.id })) };
  });
  // Who created the record stays; who made this version is its record_versions row.
  for (const { record } of rows) {
    const { createdByUserId: _author, ...changed } = record;
    await tx.update(records).set(changed).where(eq(records.id, record.id));
  }
  await tx.delete(observations).where(
    inArray(
      observations.recordId,
      rows.map((r) => r.record.id),
    ),
  );
  return stageContent(tx, centerId, now, rows);
}

/** Two staged sets as one resolution unit: each resolves against the other in memory. */
export function combineStaged(a: StagedRecords, b: StagedRecords): StagedRecords {
  return { rows: [...a.rows, ...b.rows], keysOf: new Map([...a.keysOf, ...b.keysOf]) };
}
