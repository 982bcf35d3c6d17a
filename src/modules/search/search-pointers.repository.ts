import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo, type MarkedColumns } from '../../access/visibility.ts';
import { newId } from '../../shared/ids.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { records } from '../records/records.table.ts';
import { users } from '../users/users.table.ts';
import { nameMatchRows, type NameMatch } from './search-sql.ts';
import { searchPointerNotices } from './search.table.ts';

/** At most this many pointers answer one search: enough to say "ask these agencies". */
export const MAX_POINTERS = 20;

export type PointerCandidate = {
  id: string;
  owner_agency_id: string;
  occurred_from: Date | string | null;
  entered_at: Date | string;
  notify_owner_on_hit: boolean;
  tlp: string;
  caveats: string[];
  partner_share: string;
  network_share: string;
  releasable_to: string[];
  entity_type: string;
  score: number;
};

/**
 * The records' markings as the visibility rule reads them, but as if shared in full: the
 * SQL side of `accessLevel() === 'pointer'` (the rule fails only because of partnerShare).
 */
const asIfSharedInFull: MarkedColumns = {
  ownerAgencyId: records.ownerAgencyId,
  tlp: records.tlp,
  caveats: records.caveats,
  releasableTo: records.releasableTo,
  // A constant where the rule reads a column; the rule only compares it to 'full'.
  partnerShare: sql`'full'::text` as unknown as AnyPgColumn,
};

/** SQL form of "the viewer gets a pointer to this record" (ADR 0003 point 6, XS-02). */
export function pointerTo(viewer: Viewer): SQL {
  return sql`(${records.partnerShare} = 'pointer' and not ${visibleTo(viewer, records)} and ${visibleTo(viewer, asIfSharedInFull)})`;
}

export function createSearchPointersRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  return {
    /**
     * The newest pointer-level records among the name matches, with their match. Matched
     * only on names and identifiers, never on title or narrative (XS-02).
     */
    candidates(matches: readonly NameMatch[], scope: SQL | undefined): Promise<PointerCandidate[]> {
      if (matches.length === 0) return Promise.resolve([]);
      return queryRows<PointerCandidate>(
        db,
        sql`select ${records.id} as id,
            ${records.ownerAgencyId} as owner_agency_id, ${records.occurredFrom} as occurred_from,
            ${records.enteredAt} as entered_at, ${records.notifyOwnerOnHit} as notify_owner_on_hit,
            ${records.tlp} as tlp, ${records.caveats} as caveats,
            ${records.partnerShare} as partner_share, ${records.networkShare} as network_share,
            ${records.releasableTo} as releasable_to, m.type as entity_type, m.score
          from ${nameMatchRows(matches, 'm')} join records on ${records.id} = m.record_id
          where ${and(pointerTo(viewer), scope)}
          order by m.record_at desc, ${records.id} desc limit ${MAX_POINTERS}`,
      );
    },

    /** XS-03 notices, once per record, searcher and UTC day; returns the records notified. */
    async notifyOwners(rows: { recordId: string; ownerAgencyId: string }[], now: Date) {
      if (rows.length === 0) return [];
      const day = now.toISOString().slice(0, 10);
      return db
        .insert(searchPointerNotices)
        .values(
          rows.map((r) => ({
            id: newId(),
            recordId: r.recordId,
            ownerAgencyId: r.ownerAgencyId,
            searcherUserId: viewer.userId,
            searcherAgencyId: viewer.agencyId,
            purpose: viewer.purpose,
            day,
            createdAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: searchPointerNotices.id, recordId: searchPointerNotices.recordId });
    },

    /** Which of these records the viewer may see. */
    async visibleRecordIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: records.id })
        .from(records)
        .where(and(inArray(records.id, [...ids]), visibleTo(viewer, records)));
      return new Set(rows.map((r) => r.id));
    },

    /** The notices about the viewer's agency's records, newest first. */
    noticesForOwner(before: string | undefined, limit: number) {
      return db
        .select({
          id: searchPointerNotices.id,
          recordId: searchPointerNotices.recordId,
          createdAt: searchPointerNotices.createdAt,
          purpose: searchPointerNotices.purpose,
          searcher: { id: users.id, username: users.username, displayName: users.displayName },
          searcherAgency: { id: agencies.id, name: agencies.name },
        })
        .from(searchPointerNotices)
        .innerJoin(users, eq(users.id, searchPointerNotices.searcherUserId))
        .innerJoin(agencies, eq(agencies.id, searchPointerNotices.searcherAgencyId))
        .where(
          and(
            eq(searchPointerNotices.ownerAgencyId, viewer.agencyId),
            before ? sql`${searchPointerNotices.id} < ${before}::uuid` : undefined,
          ),
        )
        .orderBy(desc(searchPointerNotices.id))
        .limit(limit);
    },
  };
}
