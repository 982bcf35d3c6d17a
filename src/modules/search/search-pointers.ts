/**
 * Pointers in search (XS-02, XS-03; docs/search.md "Pointers"). A record the viewer may know
 * of only as a pointer is matched on the names and identifiers the viewer typed, never on its
 * words; it is shown as the allow-listed pointer fields only, counted nowhere, and its owner
 * is told who searched (unless the owner opted out for that record).
 */
import { accessLevel } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Tx } from '../../db/client.ts';
import type { Caveat, ShareLevel, Tlp } from '../../access/markings.ts';
import type { SQL } from 'drizzle-orm';
import {
  createSearchPointersRepository,
  MAX_POINTERS,
  type PointerCandidate,
} from './search-pointers.repository.ts';
import { slicedNewestFirst, type DateSpan } from './search-slices.ts';
import { agencyCards } from '../correlation/correlation.service.ts';
import { datedFromSince, newestMatchBefore } from './search-sql.ts';
import type { SearchPlan } from './search.repository.ts';
import type { SearchResult } from './search.schemas.ts';

export type SearchPointer = SearchResult['pointers'][number];
export type FoundPointers = { pointers: SearchPointer[]; recordIds: string[]; notified: string[] };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Scores of name_obs (search-sql.ts): 1 exact, 0.8 a similar name, 0.6 part of an identifier. */
function strength(score: number): SearchPointer['matchStrength'] {
  if (score >= 1) return 'exact';
  return score >= 0.7 ? 'similar' : 'partial';
}

/** Confirms with the pure rule what the SQL selected: a pointer, and nothing more. */
function isPointer(viewer: Viewer, c: PointerCandidate): boolean {
  return (
    accessLevel(viewer, {
      ownerAgencyId: c.owner_agency_id,
      tlp: c.tlp as Tlp,
      caveats: c.caveats as Caveat[],
      partnerShare: c.partner_share as ShareLevel,
      networkShare: c.network_share as ShareLevel,
      releasableTo: c.releasable_to,
    }) === 'pointer'
  );
}

/** Exact matches before similar ones before parts of identifiers; newest first among equals. */
function bestMatchFirst(a: PointerCandidate, b: PointerCandidate): number {
  return b.score - a.score || dateOf(b).getTime() - dateOf(a).getTime() || (a.id < b.id ? 1 : -1);
}

const dateOf = (c: PointerCandidate) => new Date(c.occurred_from ?? c.entered_at);

export async function findPointers(
  tx: Tx,
  viewer: Viewer,
  plan: SearchPlan,
  scope: SQL | undefined,
  span: DateSpan | null,
  now: Date,
): Promise<FoundPointers> {
  const repo = createSearchPointersRepository({ db: tx, viewer });
  const newest = await slicedNewestFirst(span, {
    run: (since) => repo.candidates(datedFromSince(plan.nameMatches, since), scope),
    count: (rows) => rows.length,
    wanted: MAX_POINTERS,
    // Pointer-level records are invisible to the viewer: their dates come with the matches.
    newestBefore: (date) => Promise.resolve(newestMatchBefore(plan.nameMatches, date)),
  });
  const candidates = newest.sort(bestMatchFirst);
  const found = candidates.filter((c) => isPointer(viewer, c));
  const cards = await agencyCards(tx, [...new Set(found.map((c) => c.owner_agency_id))]);
  const toNotify = found.filter((c) => c.notify_owner_on_hit);
  const notified = await repo.notifyOwners(
    toNotify.map((c) => ({ recordId: c.id, ownerAgencyId: c.owner_agency_id })),
    now,
  );
  const pointers = found.flatMap((c): SearchPointer[] => {
    const agency = cards.get(c.owner_agency_id);
    if (!agency) return [];
    return [
      {
        matchType: plan.names.identifierLike ? 'identifier' : 'name',
        entityType: c.entity_type,
        ownerAgency: { id: agency.id, name: agency.name },
        pointOfContact: agency.pointOfContact,
        recordDate: isoDay(dateOf(c)),
        matchStrength: strength(c.score),
        ownerNotified: c.notify_owner_on_hit,
      },
    ];
  });
  return {
    pointers,
    recordIds: found.map((c) => c.id),
    notified: notified.map((n) => n.recordId),
  };
}
