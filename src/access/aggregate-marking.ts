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

/** Aggregate select-list columns over the rows of a query; read the row with toAggregateMarking. */
export function aggregateMarkingColumns(
  viewer: Viewer,
  t: Pick<MarkedColumns, 'ownerAgencyId' | 'tlp' | 'caveats'>,
): SQL {
  const levels = `{${TLP_LEVELS.map((l) => `"${l}"`).join(',')}}`;
  // One boolean per caveat: a fixed list, so no unnest and no array_agg over every row.
  const caveats = CAVEATS.map(
    (c, i) => sql`bool_or(${c} = any(${t.caveats})) as ${sql.raw(`caveat_${i}`)}`,
  );
  return sql.join(
    [
      sql`max(array_position(${levels}::text[], ${t.tlp})) as tlp_rank`,
      sql`bool_and(${t.ownerAgencyId} = ${viewer.agencyId}::uuid) as own_agency_only`,
      ...caveats,
    ],
    sql`, `,
  );
}

/**
 * Over the groups of a grouped query that selected aggregateMarkingColumns: the same columns
 * rolled up across every group (window aggregates, computed before any ORDER BY or LIMIT), so
 * each row of the counts also carries the marking of all of them — one scan, not two.
 */
export function aggregateMarkingRollup(): SQL {
  return sql.raw(
    [
      'max(tlp_rank) over () as tlp_rank',
      'bool_and(own_agency_only) over () as own_agency_only',
      ...CAVEATS.map((_, i) => `bool_or(caveat_${i}) over () as caveat_${i}`),
    ].join(', '),
  );
}

export type AggregateMarkingRow = {
  tlp_rank: number | string | null;
  own_agency_only: boolean | null;
} & {
  [column: `caveat_${number}`]: boolean | null;
};

export function toAggregateMarking(row: AggregateMarkingRow | undefined): AggregateMarking {
  if (!row || row.tlp_rank === null) return null;
  return {
    // array_position is 1-based.
    tlp: TLP_LEVELS[Number(row.tlp_rank) - 1] ?? 'RED',
    caveats: CAVEATS.filter((_, i) => row[`caveat_${i}`] === true).sort(),
    ownAgencyOnly: row.own_agency_only === true,
  };
}
