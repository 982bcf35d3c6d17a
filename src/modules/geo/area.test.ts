import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaAroundPoint, areaOfBox, distanceKm, type Area } from './area.ts';
import { resolutionForZoom, ZOOM_TO_RESOLUTION } from './zoom.ts';

const contains = (a: Area, p: { lat: number; lon: number }) =>
  p.lat >= a.minLat && p.lat <= a.maxLat && a.lonRanges.some(([w, e]) => p.lon >= w && p.lon <= e);

const point = fc.record({
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('the box around a circle', () => {
  it('holds every point within the radius, wherever the centre is (poles and ±180° too)', () => {
    fc.assert(
      fc.property(
        point,
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (c, radiusKm, bearing, fraction) => {
          // A point at `fraction` of the radius along `bearing` (spherical destination formula).
          const d = (radiusKm * fraction) / 6371.0088;
          const φ1 = (c.lat * Math.PI) / 180;
          const φ2 = Math.asin(
            Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing),
          );
          const λ2 =
            (c.lon * Math.PI) / 180 +
            Math.atan2(
              Math.sin(bearing) * Math.sin(d) * Math.cos(φ1),
              Math.cos(d) - Math.sin(φ1) * Math.sin(φ2),
            );
          const p = {
            lat: (φ2 * 180) / Math.PI,
            lon: (((λ2 * 180) / Math.PI + 540) % 360) - 180,
          };
          expect(distanceKm(c, p)).toBeLessThanOrEqual(radiusKm + 1e-6);
          expect(contains(areaAroundPoint(c.lat, c.lon, radiusKm), p)).toBe(true);
        },
      ),
    );
  });

  it('splits at the antimeridian instead of covering the world', () => {
    const a = areaAroundPoint(0, 179.95, 20);
    expect(a.lonRanges).toHaveLength(2);
    expect(contains(a, { lat: 0, lon: -179.95 })).toBe(true);
    expect(contains(a, { lat: 0, lon: 0 })).toBe(false);
    expect(areaOfBox([170, -10, -170, 10]).lonRanges).toEqual([
      [170, 180],
      [-180, -170],
    ]);
  });

  it('measures great-circle distances (Richmond to Norfolk is about 127 km)', () => {
    expect(distanceKm({ lat: 37.5407, lon: -77.436 }, { lat: 36.8508, lon: -76.2859 })).toBeCloseTo(
      127.2,
      0,
    );
  });
});

describe('map zoom to H3 resolution', () => {
  it('never gets coarser as the map zooms in, and stops at the stored resolution 9', () => {
    const table = Array.from({ length: 23 }, (_, z) => resolutionForZoom(z));
    expect(table).toEqual([...table].sort((x, y) => x - y));
    expect(resolutionForZoom(7)).toBe(5); // a state on screen: cells of ~250 km²
    expect(resolutionForZoom(7.9)).toBe(5);
    expect(resolutionForZoom(22)).toBe(9);
    expect(ZOOM_TO_RESOLUTION).toHaveLength(14);
  });
});
