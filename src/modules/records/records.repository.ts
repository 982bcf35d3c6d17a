import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { MarkedObject } from '../../access/markings.ts';
import { visibleTo } from '../../access/visibility.ts';
import { observations } from '../entities/entities.table.ts';
import { records, recordVersions } from './records.table.ts';
import type { ListRecordsQuery } from './records.schemas.ts';

export type RecordRow = typeof records.$inferSelect;

/**
 * Reads of records for one viewer. Every query joins the visibility rule: an invisible
 * record and a missing one look the same to the caller.
 */
export function createRecordsRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const visible = visibleTo(viewer, records);
  return {
    async findById(id: string, opts: { forUpdate?: boolean } = {}): Promise<RecordRow | undefined> {
      const q = db
        .select()
        .from(records)
        .where(and(eq(records.id, id), visible));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async list(
      filter: Omit<ListRecordsQuery, 'cursor' | 'limit'>,
      after: string | undefined,
      limit: number,
    ) {
      const conditions: (SQL | undefined)[] = [
        visible,
        after ? lt(records.id, after) : undefined,
        filter.kind ? eq(records.kind, filter.kind) : undefined,
        filter.status ? eq(records.status, filter.status) : undefined,
        filter.ownerAgencyId ? eq(records.ownerAgencyId, filter.ownerAgencyId) : undefined,
        filter.occurredAfter
          ? gte(records.occurredFrom, new Date(filter.occurredAfter))
          : undefined,
        filter.occurredBefore
          ? lte(records.occurredFrom, new Date(filter.occurredBefore))
          : undefined,
      ];
      return db
        .select()
        .from(records)
        .where(and(...conditions))
        .orderBy(desc(records.id))
        .limit(limit);
    },

    /** Observations of records already shown visible: they inherit the record's markings. */
    observationsOf(recordIds: readonly string[]) {
      if (recordIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(observations)
        .where(inArray(observations.recordId, [...recordIds]))
        .orderBy(asc(observations.id));
    },

    versionsOf(recordId: string) {
      return db
        .select({
          version: recordVersions.version,
          changedAt: recordVersions.changedAt,
          changedByUserId: recordVersions.changedByUserId,
          snapshot: recordVersions.snapshot,
        })
        .from(recordVersions)
        .where(eq(recordVersions.recordId, recordId))
        .orderBy(desc(recordVersions.version));
    },
  };
}

/**
 * Reads a record's marking WITHOUT the visibility rule. Used only to decide between 404 and
 * the CI-07 "state your purpose" 403 for a viewer who would otherwise be entitled.
 */
export async function unsafeFindRecordMarking(
  db: Db,
  id: string,
): Promise<MarkedObject | undefined> {
  const [row] = await db
    .select({
      ownerAgencyId: records.ownerAgencyId,
      tlp: records.tlp,
      caveats: records.caveats,
      partnerShare: records.partnerShare,
      networkShare: records.networkShare,
      releasableTo: records.releasableTo,
    })
    .from(records)
    .where(eq(records.id, id));
  return row;
}

/**
 * Existing records of one source by their source record ids, WITHOUT the visibility rule:
 * ingest writes for the source's own agency and must recognise what it wrote before.
 * One unique-index probe per id: with `source_record_id in (…)` the planner, its statistics
 * stale in the middle of a large import, scanned every record of the source (0.5 s a batch
 * at 180,000 records, growing with the source).
 */
export function unsafeFindBySourceRecordIds(
  db: Db,
  source: string,
  sourceRecordIds: readonly string[],
) {
  if (sourceRecordIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: records.id,
      version: records.version,
      contentHash: records.contentHash,
      sourceRecordId: records.sourceRecordId,
    })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(sourceRecordIds)}::jsonb) as wanted(id)`)
    .innerJoin(
      records,
      and(eq(records.source, source), eq(records.sourceRecordId, sql`wanted.id`)),
    );
}

export type RecordHead = {
  id: string;
  kind: string;
  title: string;
  occurredFrom: Date | null;
  enteredAt: Date;
  ownerAgencyId: string;
  tlp: MarkedObject['tlp'];
  caveats: MarkedObject['caveats'];
  partnerShare: MarkedObject['partnerShare'];
  networkShare: MarkedObject['networkShare'];
  releasableTo: MarkedObject['releasableTo'];
};

/**
 * Heads (markings, title, dates) of records WITHOUT the visibility rule. The caller must
 * pass each through `accessLevel` before showing anything: used to decide, per viewer,
 * whether a hit shows content, a pointer, or nothing.
 */
export function unsafeRecordHeads(db: Db, ids: readonly string[]): Promise<RecordHead[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: records.id,
      kind: records.kind,
      title: records.title,
      occurredFrom: records.occurredFrom,
      enteredAt: records.enteredAt,
      ownerAgencyId: records.ownerAgencyId,
      tlp: records.tlp,
      caveats: records.caveats,
      partnerShare: records.partnerShare,
      networkShare: records.networkShare,
      releasableTo: records.releasableTo,
    })
    .from(records)
    .where(inArray(records.id, [...ids]));
}
