/**
 * SQL fragments over the records table shared by the geo and timeline queries: area, time
 * window, kind and behaviour category. Each is a plain predicate on indexed columns (lat/lon,
 * occurred_from, kind, payload->'behaviours') so the planner can use the indexes of
 * migration <geo-sites>.
 */
import { sql, type SQL } from 'drizzle-orm';
import { records } from '../records/records.table.ts';
import { EARTH_RADIUS_KM, type Area } from './area.ts';

export function inArea(area: Area): SQL {
  const lon = area.lonRanges.map(([w, e]) => sql`${records.lon} between ${w} and ${e}`);
  return sql`(${records.lat} between ${area.minLat} and ${area.maxLat} and (${sql.join(lon, sql` or `)}))`;
}

/** A record is in the window when it began in it: `from` inclusive, `to` exclusive. */
export function inWindow(window: { from?: Date | undefined; to?: Date | undefined }): SQL[] {
  return [
    ...(window.from ? [sql`${records.occurredFrom} >= ${window.from.toISOString()}`] : []),
    ...(window.to ? [sql`${records.occurredFrom} < ${window.to.toISOString()}`] : []),
  ];
}

export type RecordFilter = {
  kind?: string | undefined;
  /** An ISE-SAR behaviour code, held in the SAR payload's `behaviours`. */
  category?: string | undefined;
};

export function matchesFilter(f: RecordFilter): SQL[] {
  return [
    ...(f.kind ? [sql`${records.kind} = ${f.kind}`] : []),
    ...(f.category
      ? [sql`(${records.payload} -> 'behaviours') @> ${JSON.stringify([f.category])}::jsonb`]
      : []),
  ];
}

/** Haversine distance in km from a point to the record's point (null without one). */
export function distanceFrom(lat: number, lon: number): SQL<number> {
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(${records.lat} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${records.lat}))
      * power(sin(radians(${records.lon} - ${lon}::float8) / 2), 2)))))`;
}

export const andAll = (parts: readonly SQL[]): SQL =>
  parts.length === 0
    ? sql`true`
    : sql.join(
        parts.map((p) => sql`(${p})`),
        sql` and `,
      );
