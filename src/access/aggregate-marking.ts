import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CAVEATS, TLP_LEVELS, type Caveat, type Tlp } from './markings.ts';
import type { Viewer } from './viewer.ts';
import type { MarkedColumns } from './visibility.ts';

/**
 * The marking of an aggregate built from many records (a hotspot count, a weekly series): the
 * most restrictive union of theirs, as a banner combines its portions (DOMAIN-REFERENCE
 * MRK-06) — the strictest TLP and every caveat any of them carries — and whether every one of
 * them is the viewer's own agency's (if not, the viewer verifies with the owners before use).
 * Null when nothing was counted. Computed from the same rows as the aggregate, so it covers
 * only what the viewer may see and says nothing about anything else.
 */
export type AggregateMarking = { tlp: Tlp; caveats: Caveat[]; ownAgencyOnly: boolean } | null;

export const aggregateMarkingSchema = z
  .object({
    tlp: z.enum(TLP_LEVELS),
    caveats: z.array(z.enum(CAVEATS)),
    ownAgencyOnly: z.boolean(),
  })
  .nullable()
  .meta({
    id: 'AggregateMarking',
    description:
      'The most restrictive union of the markings of the records counted (strictest TLP, every caveat); null when none',
  });

/**
 * Aggregate select-list columns over the rows of a query on `records`; read the row with
 * toAggregateMarking. The TLP and caveats come from the record's stored bits (migration 0018:
 * `record_marking_bits`), one bit_or for all of them.
 */
export function aggregateMarkingColumns(
  viewer: Viewer,
  t: Pick<MarkedColumns, 'ownerAgencyId'>,
): SQL {
  return sql`bit_or("records"."marking_bits") as marking_bits, bool_and(${t.ownerAgencyId} = ${viewer.agencyId}::uuid) as own_agency_only`;
}

/**
 * Over the groups of a grouped query that selected aggregateMarkingColumns: the same columns
 * rolled up across every group (window aggregates, computed before any ORDER BY or LIMIT), so
 * each row of the counts also carries the marking of all of them — one scan, not two.
 */
export function aggregateMarkingRollup(): SQL {
  return sql.raw(
    'bit_or(marking_bits) over () as marking_bits, bool_and(own_agency_only) over () as own_agency_only',
  );
}

/** Bit of a TLP level and of a caveat in `records.marking_bits` (record_marking_bits in SQL). */
export const tlpBit = (tlp: Tlp) => 1 << TLP_LEVELS.indexOf(tlp);
export const caveatBit = (caveat: Caveat) => 1 << (8 + CAVEATS.indexOf(caveat));

export type AggregateMarkingRow = {
  marking_bits: number | string | null;
  own_agency_only: boolean | null;
};

export function toAggregateMarking(row: AggregateMarkingRow | undefined): AggregateMarking {
  if (!row || row.marking_bits === null) return null;
  const bits = Number(row.marking_bits);
  const strictest = TLP_LEVELS.findLast((l) => (bits & tlpBit(l)) !== 0);
  return {
    tlp: strictest ?? 'RED',
    caveats: CAVEATS.filter((c) => (bits & caveatBit(c)) !== 0).sort(),
    ownAgencyOnly: row.own_agency_only === true,
  };
}
