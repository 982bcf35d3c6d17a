/**
 * Cross-agency correlation at write time: after resolution, every new observation whose
 * entity also holds observations from another agency's records makes a hit, in the same
 * transaction as the record. Each side gets a notification; the owner's "someone touched
 * your subject" notice is skipped where the owner turned it off for that record (XS-03).
 */
import { inArray, or, sql } from 'drizzle-orm';
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
  const entityIds = [
    ...new Set(fresh.map((f) => entityOf.get(f.id)).filter((e) => e !== undefined)),
  ].filter((e) => spansAgencies || heldBefore.has(e));
  if (entityIds.length === 0) return 0;
  const holders = await queryRows<Holder>(
    tx,
    sql`
    select o.id, o.entity_id, o.record_id, r.owner_agency_id, r.notify_owner_on_hit
    from observations o join records r on r.id = o.record_id
    where o.entity_id in (select jsonb_array_elements_text(${JSON.stringify(entityIds)}::jsonb)::uuid)`,
  );
  const byEntity = new Map<string, Holder[]>();
  for (const h of holders) byEntity.set(h.entity_id, [...(byEntity.get(h.entity_id) ?? []), h]);
  const known = await knownPairs(tx, [...new Set(fresh.map((f) => f.recordId))]);
  const newHits: (typeof hits.$inferInsert)[] = [];
  const newNotices: (typeof notifications.$inferInsert)[] = [];
  for (const f of fresh) {
    const entityId = entityOf.get(f.id);
    const agencyId = ownerOf.get(f.recordId);
    if (!entityId || !agencyId) continue;
    const others = (byEntity.get(entityId) ?? []).filter(
      (h) => h.record_id !== f.recordId && h.owner_agency_id !== agencyId,
    );
    for (const other of others.slice(0, MAX_HITS_PER_OBSERVATION)) {
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
