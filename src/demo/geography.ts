/**
 * Virginia's real counties and independent cities, read from the us-atlas Census TopoJSON
 * that ships inside node_modules (no network at run time). Each county keeps its rings as
 * flat coordinate arrays and a bounding box, so sampling a point is a few rejection rounds
 * of a plain even-odd ray test — cheap enough for a million records.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  bboxOf,
  countyTopology,
  ringsContain,
  ringsOf,
  type GeoPoint,
} from '../modules/geo/polygons.ts';
import type { Random } from './random.ts';
import { WeightedPicker } from './random.ts';
import {
  COUNTY_POPULATION_K,
  DEFAULT_CITY_POPULATION_K,
  DEFAULT_COUNTY_POPULATION_K,
  METRO_REGIONS,
  VIRGINIA_STATE_FIPS,
  type RegionKey,
} from './places.ts';

export type County = {
  /** Five-digit state+county FIPS, e.g. "51059"; names repeat (Fairfax County and city). */
  fips: string;
  /** Census short name without the kind, e.g. "Fairfax". */
  name: string;
  /** "Fairfax County" or "City of Fairfax". */
  label: string;
  isIndependentCity: boolean;
  region: RegionKey;
  /** 0 for the places the 1:10m map draws as a line (Falls Church): none are placed there. */
  populationK: number;
  centroid: { lat: number; lon: number };
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: readonly [number, number, number, number];
  /** Every ring of every polygon as [lon0, lat0, lon1, lat1, …]; even-odd handles holes. */
  rings: readonly Float64Array[];
};

/** Area-weighted centroid of the first (outer) ring; only used to name regions and towns. */
/**
 * The centroid and area of a county's largest ring. Some counties' first ring is a sliver
 * left by simplification (Prince William's has zero area), and holes (independent cities
 * inside a county) are always smaller than the outline around them.
 */
function centroidOf(rings: readonly Float64Array[]): GeoPoint & { area: number } {
  let best: GeoPoint & { area: number } = { lat: 0, lon: 0, area: 0 };
  for (const r of rings) {
    const c = ringCentroid(r);
    if (c.area > best.area || (best.area === 0 && best.lat === 0)) best = c;
  }
  return best;
}

function ringCentroid(r: Float64Array): GeoPoint & { area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const f = (r[j] as number) * (r[i + 1] as number) - (r[i] as number) * (r[j + 1] as number);
    a += f;
    cx += ((r[j] as number) + (r[i] as number)) * f;
    cy += ((r[j + 1] as number) + (r[i + 1] as number)) * f;
  }
  if (Math.abs(a) < 1e-9) return { lat: r[1] ?? 0, lon: r[0] ?? 0, area: 0 };
  return { lat: cy / (3 * a), lon: cx / (3 * a), area: Math.abs(a) / 2 };
}

/** Outside the three metros, regions follow the map: the far west, the valley, Southside. */
function regionOf(fips: string, c: GeoPoint): RegionKey {
  for (const [region, list] of Object.entries(METRO_REGIONS)) {
    if (list.includes(fips)) return region as RegionKey;
  }
  if (c.lon < -79.7 && c.lat < 37.6) return 'southwest';
  if ((c.lon < -78.3 && c.lat > 37.6) || (c.lon < -77.9 && c.lat > 38.8)) return 'valley';
  if (c.lat < 37.15 && c.lon < -76.9) return 'southside';
  return 'central';
}

export { ringsContain, type GeoPoint };

type CountyProperties = { name: string };

function buildCounties(): County[] {
  const topology = countyTopology();
  const collection = topology.objects.counties;
  const virginia: GeometryCollection<CountyProperties> = {
    ...collection,
    geometries: collection.geometries.filter((g) => String(g.id).startsWith(VIRGINIA_STATE_FIPS)),
  };
  const features = feature(topology, virginia).features;
  return features.map((f) => {
    const fips = String(f.id);
    const isIndependentCity = Number(fips.slice(2)) >= 500;
    const rings = ringsOf(f.geometry as Polygon | MultiPolygon);
    const { area, ...centroid } = centroidOf(rings);
    const name = f.properties.name;
    const fallback = isIndependentCity ? DEFAULT_CITY_POPULATION_K : DEFAULT_COUNTY_POPULATION_K;
    return {
      fips,
      name,
      label: isIndependentCity ? `City of ${name}` : `${name} County`,
      isIndependentCity,
      region: regionOf(fips, centroid),
      populationK: area === 0 ? 0 : (COUNTY_POPULATION_K.get(fips) ?? fallback),
      centroid,
      bbox: bboxOf(rings),
      rings,
    };
  });
}

let cache: { list: County[]; byFips: Map<string, County> } | undefined;

/** All 133 Virginia counties and independent cities, parsed once per process. */
export function virginiaCounties(): readonly County[] {
  cache ??= (() => {
    const list = buildCounties();
    return { list, byFips: new Map(list.map((c) => [c.fips, c])) };
  })();
  return cache.list;
}

export function getCounty(fips: string): County {
  virginiaCounties();
  const county = cache?.byFips.get(fips);
  if (!county) throw new Error(`no Virginia county with FIPS ${fips}`);
  return county;
}

/** The county containing the point, or undefined outside Virginia. */
export function findCounty(lat: number, lon: number): County | undefined {
  return virginiaCounties().find(
    (c) =>
      lon >= c.bbox[0] &&
      lon <= c.bbox[2] &&
      lat >= c.bbox[1] &&
      lat <= c.bbox[3] &&
      ringsContain(c.rings, lon, lat),
  );
}

/**
 * A uniform point inside the county. Coordinates are rounded to 6 places (~0.1 m) and the
 * rounded point is tested, so what the record stores is itself inside the polygon.
 */
export function samplePointIn(rng: Random, county: County): GeoPoint {
  const [minLon, minLat, maxLon, maxLat] = county.bbox;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const lon = Math.round((minLon + rng.next() * (maxLon - minLon)) * 1e6) / 1e6;
    const lat = Math.round((minLat + rng.next() * (maxLat - minLat)) * 1e6) / 1e6;
    if (ringsContain(county.rings, lon, lat)) return { lat, lon };
  }
  throw new Error(`could not sample a point inside ${county.label}`);
}

/** A population-weighted picker over the given counties (all of Virginia by default). */
export function countyPicker(fipsList?: readonly string[]): WeightedPicker<County> {
  const counties = (fipsList ? fipsList.map(getCounty) : virginiaCounties()).filter(
    (c) => c.populationK > 0,
  );
  return new WeightedPicker(counties.map((c) => [c, c.populationK] as const));
}

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (a.lat - b.lat) * 111.2;
  const dLon = (a.lon - b.lon) * 111.2 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dLat * dLat + dLon * dLon);
}
