/**
 * Cross-agency correlation at write time: after resolution, every new observation whose
 * entity also holds observations from another agency's records makes a hit, in the same
 * transaction as the record. Each side gets a notification; the owner's "someone touched
 * your subject" notice is skipped where the owner turned it off for that record (XS-03).
 */
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { queryRows } from '../../db/raw.ts';
import { newId } from '../../shared/ids.ts';
import { hits, notifications } from './correlation.table.ts';
import { signalNewNotifications } from './notification-signal.ts';

export type FreshObservation = { id: string; recordId: string; type: string };
type Holder = {
  id: string;
  entity_id: string;
  record_id: string;
  owner_agency_id: string;
  notify_owner_on_hit: boolean;
};

/** At most this many other records per new observation: a hot entity must not flood inboxes. */
const MAX_HITS_PER_OBSERVATION = 50;

/** Where resolution put a batch's observations (see `ResolutionOutcome`). */
export type Resolved = {
  entityOf: ReadonlyMap<string, string>;
  heldBefore: ReadonlySet<string>;
};

export async function detectHits(
  tx: Db,
  fresh: readonly FreshObservation[],
  { entityOf, heldBefore }: Resolved,
  ownerOf: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  // An entity holding only this batch's observations has another agency's record only when
  // the batch spans agencies; an ingest batch (one source) never does, and most of its
  // observations are such entities, so their holders are not looked up.
  const spansAgencies = new Set(ownerOf.values()).size > 1;
  const asked = new Map<string, { entity: string; agency: string }>();
  for (const f of fresh) {
    const entity = entityOf.get(f.id);
    const agency = ownerOf.get(f.recordId);
    if (entity && agency && (spansAgencies || heldBefore.has(entity)))
      asked.set(holderKey(entity, agency), { entity, agency });
  }
  if (asked.size === 0) return 0;
  const othersOf = Map.groupBy(await otherAgencyHolders(tx, [...asked.values()]), (h) =>
    holderKey(h.entity_id, h.asking_agency_id),
  );
  const known = await knownPairs(tx, [...new Set(fresh.map((f) => f.recordId))]);
  const newHits: (typeof hits.$inferInsert)[] = [];
  const newNotices: (typeof notifications.$inferInsert)[] = [];
  for (const f of fresh) {
    const entityId = entityOf.get(f.id);
    const agencyId = ownerOf.get(f.recordId);
    if (!entityId || !agencyId) continue;
    for (const other of othersOf.get(holderKey(entityId, agencyId)) ?? []) {
      const key = pairKey(entityId, f.recordId, other.record_id);
      if (known.has(key)) continue;
      known.add(key);
      const id = newId();
      newHits.push({
        id,
        entityId,
        entityType: f.type,
        recordId: f.recordId,
        agencyId,
        observationId: f.id,
        otherRecordId: other.record_id,
        otherAgencyId: other.owner_agency_id,
        otherObservationId: other.id,
        createdAt: now,
      });
      newNotices.push({ id: newId(), agencyId, kind: 'hit', hitId: id, createdAt: now });
      if (other.notify_owner_on_hit)
        newNotices.push({
          id: newId(),
          agencyId: other.owner_agency_id,
          kind: 'subject_touched',
          hitId: id,
          createdAt: now,
        });
    }
  }
  await bulkInsert(tx, hits, newHits);
  await bulkInsert(tx, notifications, newNotices);
  if (newNotices.length > 0) await signalNewNotifications(tx);
  return newHits.length;
}

/**
 * For each (entity, agency) asked, up to `MAX_HITS_PER_OBSERVATION` observations of the
 * entity in records of any other agency: two ranges of the (entity, owner agency) index, so
 * an entity the asking agency itself holds thousands of times costs no more than a rare one.
 */
function otherAgencyHolders(tx: Db, asked: readonly { entity: string; agency: string }[]) {
  const holders = (range: SQL) => sql`(
    select o.id, o.entity_id, o.record_id, o.owner_agency_id from observations o
    where o.entity_id = w.entity and ${range} limit ${MAX_HITS_PER_OBSERVATION})`;
  return queryRows<Holder & { asking_agency_id: string }>(
    tx,
    sql`
    select h.id, h.entity_id, h.record_id, h.owner_agency_id, r.notify_owner_on_hit,
           w.agency as asking_agency_id
    from jsonb_to_recordset(${JSON.stringify(asked)}::jsonb) as w(entity uuid, agency uuid)
    cross join lateral (
      select * from (
        ${holders(sql`o.owner_agency_id < w.agency`)}
        union all
        ${holders(sql`o.owner_agency_id > w.agency`)}
      ) both_sides limit ${MAX_HITS_PER_OBSERVATION}
    ) h
    join records r on r.id = h.record_id`,
  );
}

const holderKey = (entityId: string, agencyId: string) => `${entityId}|${agencyId}`;

/** One hit per entity and pair of records, whichever record arrived first. */
function pairKey(entityId: string, a: string, b: string): string {
  return a < b ? `${entityId}|${a}|${b}` : `${entityId}|${b}|${a}`;
}

async function knownPairs(tx: Db, recordIds: string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await tx
    .select({ entityId: hits.entityId, a: hits.recordId, b: hits.otherRecordId })
    .from(hits)
    .where(or(inArray(hits.recordId, recordIds), inArray(hits.otherRecordId, recordIds)));
  return new Set(rows.map((r) => pairKey(r.entityId, r.a, r.b)));
}
