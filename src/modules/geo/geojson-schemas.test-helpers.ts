/**
 * Test-only: the official GeoJSON (RFC 7946) JSON Schemas in ../shared/conformance/geojson,
 * loaded into ajv as that folder's README prescribes (draft-07, each file self-contained).
 * JSON Schema cannot say that coordinates are in range or that rings close, so those are
 * checked here in code, as the README asks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'vitest';

export const GEOJSON_CONFORMANCE_DIR = resolve(
  process.env['WATCHFLOOR_SHARED_DIR'] ?? resolve(import.meta.dirname, '../../../../shared'),
  'conformance/geojson',
);
export const hasGeoJsonConformance = existsSync(
  join(GEOJSON_CONFORMANCE_DIR, 'schema/FeatureCollection.json'),
);
export const GEOJSON_ABSENT = `skipped: ${GEOJSON_CONFORMANCE_DIR} is absent, so the official GeoJSON schemas cannot be consulted`;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ strict: false, allErrors: true }).compile(
    JSON.parse(
      readFileSync(join(GEOJSON_CONFORMANCE_DIR, 'schema/FeatureCollection.json'), 'utf8'),
    ) as object,
  );
  return compiled;
}

type Geometry = { type: string; coordinates: unknown };

/**
 * Asserts that a response body is a FeatureCollection the official schema accepts, with
 * every position in range (lon −180…180, lat −90…90) and every polygon ring closed.
 */
export function expectValidFeatureCollection(doc: unknown): void {
  const check = validator();
  const ok = check(doc);
  expect(ok, JSON.stringify(check.errors)).toBe(true);
  const features = (doc as { features: { geometry: Geometry | null }[] }).features;
  for (const { geometry } of features) {
    if (!geometry) continue;
    const positions =
      geometry.type === 'Point'
        ? [geometry.coordinates as number[]]
        : (geometry.coordinates as number[][][]).flat();
    for (const [lon = NaN, lat = NaN] of positions) {
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
    if (geometry.type === 'Polygon')
      for (const ring of geometry.coordinates as number[][][]) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
      }
  }
}
