/**
 * The areas geo queries select by: a bounding box (RFC 7946 5: west, south, east, north; a
 * box whose west edge is east of its east edge crosses the antimeridian) and the box around
 * a circle, which prefilters a radius query on the indexed lat/lon columns before the exact
 * great-circle distance is computed.
 */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** Latitude band and one or two longitude ranges (two when the area crosses ±180°). */
export type Area = {
  minLat: number;
  maxLat: number;
  lonRanges: readonly (readonly [number, number])[];
};

export type BoundingBox = readonly [west: number, south: number, east: number, north: number];

export function areaOfBox([west, south, east, north]: BoundingBox): Area {
  return {
    minLat: south,
    maxLat: north,
    lonRanges:
      west <= east
        ? [[west, east]]
        : [
            [west, 180],
            [-180, east],
          ],
  };
}

/** The smallest lat/lon box holding every point within `radiusKm` of the centre. */
export function areaAroundPoint(lat: number, lon: number, radiusKm: number): Area {
  const dLat = radiusKm / KM_PER_DEGREE;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // Near a pole the circle holds every longitude.
  const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  if (maxLat >= 90 || minLat <= -90 || cos < 1e-6)
    return { minLat, maxLat, lonRanges: [[-180, 180]] };
  const dLon = dLat / cos;
  if (dLon >= 180) return { minLat, maxLat, lonRanges: [[-180, 180]] };
  const west = lon - dLon;
  const east = lon + dLon;
  if (west < -180) return areaOfBox([west + 360, minLat, east, maxLat]);
  if (east > 180) return areaOfBox([west, minLat, east - 360, maxLat]);
  return { minLat, maxLat, lonRanges: [[west, east]] };
}

/** Great-circle (haversine) distance, the same formula the SQL uses. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
