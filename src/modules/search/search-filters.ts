/**
 * The search filters as SQL predicates on `records`. Each is a plain condition on an indexed
 * column or expression (kind, owner, occurred_from, county, lat/lon, the SAR payload arrays)
 * so the planner can combine index scans. Geography has no PostGIS: a lat/lon box prefilters,
 * and a radius (haversine) or a polygon (PostgreSQL's own polygon @> point) decides exactly.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { records } from '../records/records.table.ts';
import type { SearchInput } from './search.schemas.ts';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

type Box = { west: number; south: number; east: number; north: number };

/** Latitude band and longitudes; west > east wraps across the antimeridian. */
function inBox(b: Box): SQL {
  const lon =
    b.west <= b.east
      ? sql`${records.lon} between ${b.west} and ${b.east}`
      : sql`(${records.lon} >= ${b.west} or ${records.lon} <= ${b.east})`;
  return sql`(${records.lat} between ${b.south} and ${b.north} and ${lon})`;
}

/** The smallest box holding every point within `km` of (lat, lon). */
export function boxAround(lat: number, lon: number, km: number): Box {
  const dLat = km / KM_PER_DEGREE;
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  const cos = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const dLon = cos < 1e-9 ? 180 : dLat / cos;
  if (dLon >= 180) return { west: -180, south, east: 180, north };
  const wrap = (x: number) => (x < -180 ? x + 360 : x > 180 ? x - 360 : x);
  return { west: wrap(lon - dLon), south, east: wrap(lon + dLon), north };
}

function withinRadius(near: NonNullable<SearchInput['near']>): SQL {
  const { lat, lon, radiusKm } = near;
  const distance = sql`2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
      power(sin(radians(${records.lat} - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(${records.lat}))
        * power(sin(radians(${records.lon} - ${lon}::float8) / 2), 2))))`;
  return sql`(${inBox(boxAround(lat, lon, radiusKm))} and ${distance} <= ${radiusKm}::float8)`;
}

function withinPolygon(points: NonNullable<SearchInput['polygon']>): SQL {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const box = {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
  const literal = `(${points.map(([x, y]) => `(${x},${y})`).join(',')})`;
  return sql`(${inBox(box)} and ${literal}::polygon @> point(${records.lon}, ${records.lat}))`;
}

/** Any of the codes in a SAR payload array (`behaviours`, `targetSectors`). */
function payloadHasAny(key: 'behaviours' | 'targetSectors', codes: readonly string[]): SQL {
  const each = codes.map(
    (c) => sql`(${records.payload} -> ${sql.raw(`'${key}'`)}) @> ${JSON.stringify([c])}::jsonb`,
  );
  return sql`(${sql.join(each, sql` or `)})`;
}

/** Every filter of the search but the text and the entity (those select candidates). */
export function filterConditions(input: SearchInput): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    input.kind && inArray(records.kind, input.kind),
    input.agency && inArray(records.ownerAgencyId, input.agency),
    input.category && payloadHasAny('behaviours', input.category),
    input.sector && payloadHasAny('targetSectors', input.sector),
    input.status && inArray(records.status, input.status),
    input.tlp && inArray(records.tlp, input.tlp),
    input.caveat && sql`${records.caveats} && ${`{${input.caveat.join(',')}}`}::text[]`,
    input.from ? sql`${records.occurredFrom} >= ${input.from}::timestamptz` : undefined,
    input.to ? sql`${records.occurredFrom} < ${input.to}::timestamptz` : undefined,
    input.bbox &&
      inBox({
        west: input.bbox[0],
        south: input.bbox[1],
        east: input.bbox[2],
        north: input.bbox[3],
      }),
    input.near && withinRadius(input.near),
    input.polygon && withinPolygon(input.polygon),
    input.county && inArray(records.countyFips, input.county),
  ];
  return and(...parts);
}

/**
 * Filters that say something about a record's content. A pointer-level record may not be
 * selected by them (that would disclose its kind, place or markings): with any of these set,
 * a search returns no pointers. Agency and date are what a pointer shows anyway.
 */
export function hasContentFilters(input: SearchInput): boolean {
  const { q: _q, agency: _a, from: _f, to: _t, sort: _s, ...content } = input;
  return Object.values(content as Record<string, unknown>).some((v) => v !== undefined);
}
