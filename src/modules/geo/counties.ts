/**
 * Which US county (or independent city) a point lies in, by its five-digit FIPS code: the
 * region trends are counted in and analysts filter by. A one-degree grid narrows the 3,231
 * county polygons to the few whose box covers the point before any ray is cast.
 */
import { feature } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  bboxContains,
  bboxOf,
  countyTopology,
  ringsContain,
  ringsOf,
  type BBox,
} from './polygons.ts';

type Shape = { fips: string; name: string; bbox: BBox; rings: Float64Array[] };

let index: { grid: Map<string, Shape[]>; byFips: Map<string, Shape> } | undefined;

const cellKey = (lon: number, lat: number) => `${Math.floor(lon)},${Math.floor(lat)}`;

function buildIndex() {
  const t = countyTopology();
  const grid = new Map<string, Shape[]>();
  const byFips = new Map<string, Shape>();
  for (const f of feature(t, t.objects.counties).features) {
    const rings = ringsOf(f.geometry as Polygon | MultiPolygon);
    if (rings.length === 0) continue;
    const shape = { fips: String(f.id), name: f.properties.name, bbox: bboxOf(rings), rings };
    byFips.set(shape.fips, shape);
    for (let x = Math.floor(shape.bbox[0]); x <= Math.floor(shape.bbox[2]); x++)
      for (let y = Math.floor(shape.bbox[1]); y <= Math.floor(shape.bbox[3]); y++) {
        const key = `${x},${y}`;
        grid.set(key, [...(grid.get(key) ?? []), shape]);
      }
  }
  return { grid, byFips };
}

/** The FIPS code of the county containing the point, or null outside the United States. */
export function countyFipsAt(lat: number, lon: number): string | null {
  index ??= buildIndex();
  const found = index.grid
    .get(cellKey(lon, lat))
    ?.find((c) => bboxContains(c.bbox, lon, lat) && ringsContain(c.rings, lon, lat));
  return found?.fips ?? null;
}

/** The Census short name of a county ("Fairfax"), for labelling a region. */
export function countyName(fips: string): string | undefined {
  index ??= buildIndex();
  return index.byFips.get(fips)?.name;
}
