/**
 * The search filters as SQL predicates on `records`. Each is a plain condition on an indexed
 * column or expression (kind, owner, occurred_from, county, lat/lon, the SAR payload arrays)
 * so the planner can combine index scans. Geography has no PostGIS: a lat/lon box prefilters,
 * and a radius (haversine) or a polygon (PostgreSQL's own polygon @> point) decides exactly.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { areaAroundPoint, areaOfBox } from '../geo/area.ts';
import { distanceFrom, inArea } from '../geo/geo.sql.ts';
import { records } from '../records/records.table.ts';
import type { SearchInput } from './search.schemas.ts';

function withinRadius(near: NonNullable<SearchInput['near']>): SQL {
  const { lat, lon, radiusKm } = near;
  return sql`(${inArea(areaAroundPoint(lat, lon, radiusKm))} and ${distanceFrom(lat, lon)} <= ${radiusKm}::float8)`;
}

function withinPolygon(points: NonNullable<SearchInput['polygon']>): SQL {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const box = areaOfBox([
    Math.min(...lons),
    Math.min(...lats),
    Math.max(...lons),
    Math.max(...lats),
  ]);
  const literal = `(${points.map(([x, y]) => `(${x},${y})`).join(',')})`;
  return sql`(${inArea(box)} and ${literal}::polygon @> point(${records.lon}, ${records.lat}))`;
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
    input.bbox && inArea(areaOfBox(input.bbox)),
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
