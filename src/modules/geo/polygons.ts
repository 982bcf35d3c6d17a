/**
 * Plain-array polygons read from the us-atlas Census TopoJSON that ships in node_modules (no
 * network at run time): rings as flat [lon0, lat0, lon1, lat1, …] arrays, tested by even-odd
 * ray casting — cheap enough to place a million records.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type GeoPoint = { lat: number; lon: number };
/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

export type CountyTopology = Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
}>;

let topology: CountyTopology | undefined;

/** us-atlas counties-10m: every US county and independent city, parsed once per process. */
export function countyTopology(): CountyTopology {
  topology ??= JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('us-atlas/counties-10m.json'), 'utf8'),
  ) as CountyTopology;
  return topology;
}

export function ringsOf(geometry: Polygon | MultiPolygon): Float64Array[] {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .flat()
    .map((ring) => Float64Array.from(ring.flatMap((p) => [p[0] ?? 0, p[1] ?? 0])));
}

/** Even-odd ray casting over all rings: a point inside a hole crosses twice and is outside. */
export function ringsContain(rings: readonly Float64Array[], lon: number, lat: number): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = r[i] as number;
      const yi = r[i + 1] as number;
      const xj = r[j] as number;
      const yj = r[j + 1] as number;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  }
  return inside;
}

export function bboxOf(rings: readonly Float64Array[]): BBox {
  const box: BBox = [180, 90, -180, -90];
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      box[0] = Math.min(box[0], r[i] as number);
      box[1] = Math.min(box[1], r[i + 1] as number);
      box[2] = Math.max(box[2], r[i] as number);
      box[3] = Math.max(box[3], r[i + 1] as number);
    }
  }
  return box;
}

export function bboxContains(b: BBox, lon: number, lat: number): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}
