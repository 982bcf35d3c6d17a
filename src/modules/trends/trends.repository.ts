import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { records } from '../records/records.table.ts';
import type { RegionLevel, SeriesDimension } from './trends.schemas.ts';
import { FIRST_MONDAY_SECONDS, WEEK_SECONDS } from './weeks.ts';

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

const weekStartSql = (week: number) =>
  sql`to_timestamp(${FIRST_MONDAY_SECONDS + week * WEEK_SECONDS}::double precision)`;

/** The week number (weeks.ts) of a record's occurred_from. */
const WEEK_OF = sql`floor((extract(epoch from ${records.occurredFrom}) - ${FIRST_MONDAY_SECONDS}) / ${WEEK_SECONDS})::int`;

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
  return {
    /**
     * Where the viewer's history begins, seen from `fromWeek`: `fromWeek` itself when they
     * may see a record before it, else the week of their first visible record at or after it
     * (any kind, anywhere), else null. Each probe walks the occurred_from index from
     * `fromWeek` and stops at the first visible row.
     */
    async historyStart(fromWeek: number): Promise<number | null> {
      const visible = visibleTo(viewer, records);
      const at = weekStartSql(fromWeek);
      const earlier = await db.execute(
        sql`select 1 from ${records} where ${visible} and ${records.occurredFrom} < ${at}
            order by ${records.occurredFrom} desc limit 1`,
      );
      if (rowsOf(earlier).length > 0) return fromWeek;
      const later = await db.execute(
        sql`select ${WEEK_OF} as week from ${records} where ${visible} and ${records.occurredFrom} >= ${at}
            order by ${records.occurredFrom} limit 1`,
      );
      const [row] = rowsOf<{ week: number | string }>(later);
      return row ? Number(row.week) : null;
    },

    async weeklyCounts(f: CountFilter): Promise<WeekCount[]> {
      const byCategory = f.series === 'category';
      const key = byCategory ? sql`b.code` : sql`${records.kind}`;
      const conditions: SQL[] = [
        visibleTo(viewer, records),
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
      const result = await db.execute(
        sql`select ${WEEK_OF} as week, ${key} as key, ${regionColumn(f.region)} as region, count(*)::int as count
            from ${records} ${categories}
            where ${sql.join(conditions, sql` and `)}
            group by 1, 2, 3`,
      );
      return rowsOf<RawCount>(result).map((r) => ({
        week: Number(r.week),
        key: r.key,
        region: r.region,
        count: Number(r.count),
      }));
    },
  };
}

/** node-postgres answers `{ rows }`, PGlite too; Drizzle passes either through. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
