import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import {
  aggregateMarkingColumns,
  aggregateMarkingRollup,
  toAggregateMarking,
  type AggregateMarking,
  type AggregateMarkingRow,
} from '../../access/aggregate-marking.ts';
import { records } from '../records/records.table.ts';
import { inVisibleClassList, inVisibleClasses } from '../records/marking-classes.ts';
import type { RegionLevel, SeriesDimension } from './trends.schemas.ts';
import { FIRST_MONDAY_SECONDS, WEEK_SECONDS, weekStartIso } from './weeks.ts';

export type CountFilter = {
  series: SeriesDimension;
  category?: string | undefined;
  kind?: string | undefined;
  region: RegionLevel;
  regionId?: string | undefined;
  /** Weeks [firstWeek, endWeek), numbered as in weeks.ts. */
  firstWeek: number;
  endWeek: number;
};

type RawCount = { week: number | string; key: string; region: string; count: number | string };

/** One cell of the sparse count table: weeks with no records have no row. */
export type WeekCount = { week: number; key: string; region: string; count: number };

/** A week's start as a timestamptz literal, so the planner can read it against the histogram. */
const weekStartSql = (week: number) => sql`${weekStartIso(week)}::timestamptz`;

/** The week number (weeks.ts) of an instant. */
const weekNumber = (instant: SQL) =>
  sql`floor((extract(epoch from ${instant}) - ${FIRST_MONDAY_SECONDS}) / ${WEEK_SECONDS})::int`;

/**
 * The Monday 00:00 UTC that starts a record's week. date_bin works on the instant in integer
 * arithmetic, whatever the session time zone, and costs far less per row than the epoch
 * numerics of weekNumber (a third of the whole query on PostgreSQL at 100,000 records), so
 * rows are grouped by it and numbered after grouping.
 */
const WEEK_START_OF = sql`date_bin('7 days', ${records.occurredFrom}, timestamptz '1970-01-05 00:00:00+00')`;

/** The region column: a county FIPS, or the H3 parent cell (decimal text; hex in the service). */
function regionColumn(region: RegionLevel): SQL {
  return region.type === 'county'
    ? sql`${records.countyFips}`
    : sql`h3_parent(${records.h3Cell}, ${region.resolution}::int)::text`;
}

function regionConditions(region: RegionLevel, regionId: string | undefined): SQL[] {
  if (region.type === 'county')
    return [
      sql`${records.countyFips} is not null`,
      ...(regionId ? [sql`${records.countyFips} = ${regionId}`] : []),
    ];
  return [
    sql`${records.h3Cell} is not null`,
    ...(regionId
      ? [
          sql`h3_parent(${records.h3Cell}, ${region.resolution}::int) = ${BigInt(`0x${regionId}`).toString()}::bigint`,
        ]
      : []),
  ];
}

/**
 * Reads for trends, for one viewer: weekly counts of the records the viewer may see, never
 * anything about the others. A SAR with two behaviour categories counts once in each.
 */
export function createTrendsRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  /** The week of the viewer's first visible record in weeks [from, to), or null. */
  async function firstWeekIn(from: number, to: number): Promise<number | null> {
    const [row] = await queryRows<{ week: number | string | null }>(
      db,
      sql`select ${weekNumber(sql`min(${records.occurredFrom})`)} as week from ${records}
          where ${inVisibleClassList(viewer)} and ${records.occurredFrom} >= ${weekStartSql(from)}
          and ${records.occurredFrom} < ${weekStartSql(to)}`,
    );
    return row?.week == null ? null : Number(row.week);
  }

  return {
    /**
     * Where the viewer's history begins, seen from `fromWeek`: `fromWeek` itself when they may
     * see a record in the week before it, else the first week up to `endWeek` in which they
     * may see any record (any kind, anywhere), else null. Searched in doubling ranges of the
     * occurred_from index from `fromWeek`, so the work grows with the distance to that week:
     * the planner cannot estimate the visibility rule's selectivity, and a single "first
     * visible row" query would sort every row of the window.
     */
    async historyStart(fromWeek: number, endWeek: number): Promise<number | null> {
      if ((await firstWeekIn(fromWeek - 1, fromWeek)) !== null) return fromWeek;
      for (let lo = fromWeek, span = 1; lo < endWeek; lo += span, span *= 2) {
        const week = await firstWeekIn(lo, Math.min(endWeek, lo + span));
        if (week !== null) return week;
      }
      return null;
    },

    /**
     * Visible records per week, series key and region, and the marking of everything counted
     * (the strictest union of their markings; null when nothing was counted).
     */
    async weeklyCounts(
      f: CountFilter,
    ): Promise<{ counts: WeekCount[]; marking: AggregateMarking }> {
      const { from, where, key } = countedRows(viewer, f);
      const rows = await queryRows<RawCount & AggregateMarkingRow>(
        db,
        sql`select ${weekNumber(sql`c.week_start`)} as week, c.key, c.region, c.count,
                   ${aggregateMarkingRollup()} from (
              select ${WEEK_START_OF} as week_start, ${key} as key, ${regionColumn(f.region)} as region,
                     count(*)::int as count, ${aggregateMarkingColumns(viewer, records)}
              from ${from} where ${where}
              group by 1, 2, 3) c`,
      );
      return {
        counts: rows.map((r) => ({
          week: Number(r.week),
          key: r.key,
          region: r.region,
          count: Number(r.count),
        })),
        marking: toAggregateMarking(rows[0]),
      };
    },
  };
}

/**
 * The rows a count is made of: the viewer's visible records of the weeks and region, SARs
 * crossed with their behaviour codes when series are per category (`b.code` is the key).
 */
function countedRows(viewer: Viewer, f: CountFilter): { from: SQL; where: SQL; key: SQL } {
  const byCategory = f.series === 'category';
  const conditions: SQL[] = [
    // Counts read every record of their weeks: the rule is read off the marking classes.
    inVisibleClasses(viewer),
    sql`${records.occurredFrom} >= ${weekStartSql(f.firstWeek)}`,
    sql`${records.occurredFrom} < ${weekStartSql(f.endWeek)}`,
    ...regionConditions(f.region, f.regionId),
  ];
  if (byCategory || f.category) conditions.push(sql`${records.kind} = 'sar'`);
  if (f.kind) conditions.push(sql`${records.kind} = ${f.kind}`);
  if (f.category)
    conditions.push(
      sql`${records.payload} -> 'behaviours' @> ${JSON.stringify([f.category])}::jsonb`,
    );
  if (byCategory && f.category) conditions.push(sql`b.code = ${f.category}`);
  const categories = byCategory
    ? sql`cross join lateral jsonb_array_elements_text(${records.payload} -> 'behaviours') as b(code)`
    : sql``;
  return {
    from: sql`${records} ${categories}`,
    where: sql.join(conditions, sql` and `),
    key: byCategory ? sql`b.code` : sql`${records.kind}`,
  };
}
