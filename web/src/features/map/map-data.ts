/** GeoJSON for the map's sources, from what the API answers. */
import type { Bbox, RecordPoint, Site } from './geo-queries.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
export const emptyCollection = (): GeoJSON.FeatureCollection => ({ ...EMPTY, features: [] });

/** Record points with only what the map needs to draw and open them (no markings, no text). */
export function pointsToGeoJson(points: readonly RecordPoint[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: p.geometry,
      properties: { id: p.properties.id, title: p.properties.title, kind: p.properties.kind },
    })),
  };
}

export function sitesToGeoJson(sites: readonly Site[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { id: s.id, name: s.name, sector: s.sector, address: s.address },
    })),
  };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Each site's watch circle (its own radius), as a 64-sided polygon. */
export function siteAreasToGeoJson(sites: readonly Site[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites
      .filter((s) => s.radiusKm)
      .map((s) => ({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [circleRing(s.lat, s.lon, s.radiusKm ?? 0)] },
        properties: { id: s.id },
      })),
  };
}

/** Points at `radiusKm` around a centre (destination-point formula on the sphere), closed. */
export function circleRing(lat: number, lon: number, radiusKm: number, sides = 64): number[][] {
  const d = radiusKm / EARTH_RADIUS_KM;
  const lat1 = (lat * Math.PI) / 180;
  const lon1 = (lon * Math.PI) / 180;
  const ring = Array.from({ length: sides }, (_, i) => {
    const bearing = (2 * Math.PI * i) / sides;
    const lat2 = Math.asin(
      Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing),
    );
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
        Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
      );
    return [(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI];
  });
  return [...ring, ring[0] ?? [lon, lat]];
}

/** The box around some points, or null for none. */
export function extentOf(points: readonly RecordPoint[]): Bbox | null {
  if (points.length === 0) return null;
  const box: Bbox = [180, 90, -180, -90];
  for (const { geometry } of points) {
    const [lon = 0, lat = 0] = geometry.coordinates;
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}
