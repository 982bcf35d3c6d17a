import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { findCounty, virginiaCounties } from './geography.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';
import { generateDemoWorld } from './world.ts';

/**
 * The reference polygons come straight from us-atlas through topojson-client and are tested
 * with turf, not with the generator's own ray casting: an independent check.
 */
function referenceCounties(): Map<string, Feature<Polygon | MultiPolygon>> {
  const path = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
    counties: GeometryCollection;
  }>;
  const all = feature(topology, topology.objects.counties).features;
  return new Map(
    all
      .filter((f) => String(f.id).startsWith('51'))
      .map((f) => [String(f.id), f as Feature<Polygon | MultiPolygon>]),
  );
}

const reference = referenceCounties();

describe('Virginia geography', () => {
  it('knows all 133 counties and independent cities with their real names', () => {
    const counties = virginiaCounties();
    expect(counties).toHaveLength(133);
    const labels = new Set(counties.map((c) => c.label));
    for (const l of ['Fairfax County', 'City of Fairfax', 'City of Norfolk', 'Loudoun County']) {
      expect(labels).toContain(l);
    }
  });

  it('gives every county with an outline a population and a centroid within its bounds', () => {
    const placed = virginiaCounties().filter((c) => c.populationK > 0);
    // Falls Church (2 sq mi) is a point in the 1:10m atlas; every other place has an outline.
    expect(placed.map((c) => c.fips)).toContain('51153'); // Prince William: a sliver first ring
    expect(placed.length).toBe(132);
    for (const c of placed) {
      // Not always inside: Henrico's crescent around Richmond has its centroid in the city.
      const [minLon, minLat, maxLon, maxLat] = c.bbox;
      expect(c.centroid.lon, c.label).toBeGreaterThan(minLon);
      expect(c.centroid.lon, c.label).toBeLessThan(maxLon);
      expect(c.centroid.lat, c.label).toBeGreaterThan(minLat);
      expect(c.centroid.lat, c.label).toBeLessThan(maxLat);
    }
  });

  it('places records inside the polygon of the county they name', () => {
    const world = generateDemoWorld({ seed: 3, records: 3_000 });
    const outside: string[] = [];
    for (const r of world.records()) {
      const { lat, lon } = r.body.location;
      const county = reference.get(r.countyFips);
      if (!county || !booleanPointInPolygon([lon, lat], county)) {
        outside.push(`${r.sourceRecordId} ${lat},${lon} ${r.countyFips}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('spreads records over many counties, weighted towards where people live', () => {
    const world = generateDemoWorld({ seed: 4, records: 3_000 });
    const perCounty = new Map<string, number>();
    for (const r of world.records())
      perCounty.set(r.countyFips, (perCounty.get(r.countyFips) ?? 0) + 1);
    expect(perCounty.size).toBeGreaterThan(60);
    expect(perCounty.get('51059') ?? 0).toBeGreaterThan(perCounty.get('51091') ?? 0);
  });

  it('puts every critical-infrastructure site inside its county', () => {
    expect(CRITICAL_INFRASTRUCTURE_SITES.length).toBeGreaterThanOrEqual(8);
    for (const s of CRITICAL_INFRASTRUCTURE_SITES) {
      const county = reference.get(s.countyFips);
      expect(county && booleanPointInPolygon([s.lon, s.lat], county), s.name).toBe(true);
      expect(findCounty(s.lat, s.lon)?.region, s.name).toBe(s.region);
    }
  });

  it('finds no county outside Virginia', () => {
    expect(findCounty(40.7128, -74.006)).toBeUndefined(); // New York City
    expect(findCounty(38.8951, -77.0364)).toBeUndefined(); // Washington, DC
    expect(findCounty(36.8508, -76.2859)?.label).toBe('City of Norfolk');
  });
});
