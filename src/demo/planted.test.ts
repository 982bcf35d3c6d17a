import { describe, expect, it } from 'vitest';
import { distanceKm } from './geography.ts';
import { PLANTED, plantedClusterEntityKeys } from './planted.ts';
import { SPAN_WEEKS, weekIndex } from './time.ts';
import type { DemoRecord } from './types.ts';
import { generateDemoWorld } from './world.ts';

const clusterKeys = new Set(plantedClusterEntityKeys());

function clusterRecords(records: Iterable<DemoRecord>): DemoRecord[] {
  return [...records].filter((r) => r.entityKeys.some((k) => clusterKeys.has(k)));
}

describe('planted cluster', () => {
  const world = generateDemoWorld({ seed: 11, records: 5_000 });
  const cluster = clusterRecords(world.records());

  it('is reported by at least four different agencies', () => {
    const agencies = new Set(cluster.map((r) => r.agencyKey));
    expect(agencies.size).toBeGreaterThanOrEqual(4);
    expect([...agencies].sort()).toEqual([...PLANTED.cluster.agencyKeys].sort());
  });

  it('mentions every planted person, the van and the phone, more than once', () => {
    const seen = new Map<string, number>();
    for (const r of cluster) for (const k of r.entityKeys) seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const key of clusterKeys) expect(seen.get(key) ?? 0, key).toBeGreaterThanOrEqual(2);
  });

  it('spans SURVL, PHOTO, ELICIT and TESTSEC SARs, a field interview and tips', () => {
    const behaviours = new Set(
      cluster.flatMap((r) => (r.body.kind === 'sar' ? (r.body.payload.behaviours ?? []) : [])),
    );
    for (const b of ['SURVL', 'PHOTO', 'ELICIT', 'TESTSEC'] as const)
      expect(behaviours).toContain(b);
    const kinds = cluster.map((r) => r.body.kind);
    expect(kinds).toContain('field_interview');
    expect(kinds.filter((k) => k === 'tip').length).toBeGreaterThanOrEqual(1);
  });

  it('happens within a few weeks, within 10 km of the facility', () => {
    const times = cluster.map((r) => Date.parse(r.body.occurredFrom));
    const { from, to } = world.planted.windows.cluster;
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(from));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse(to) + 86_400_000);
    for (const r of cluster) {
      expect(distanceKm(r.body.location, PLANTED.cluster.facility)).toBeLessThan(10);
    }
  });

  it('varies how the same people are written, as separate agencies would', () => {
    const leader = cluster.flatMap((r) =>
      r.body.observations.filter((_, i) => r.entityKeys[i] === PLANTED.cluster.people.leader),
    );
    const spellings = new Set(leader.map((o) => String(o.attributes['surname'])));
    const births = new Set(leader.map((o) => o.attributes['dateOfBirth']).filter(Boolean));
    expect(spellings.size).toBeGreaterThanOrEqual(2);
    expect(births.size).toBeGreaterThanOrEqual(2);
  });
});

describe('planted surge', () => {
  it('shows drone SARs in Northern Virginia at about 3.5× baseline for six weeks', () => {
    const world = generateDemoWorld({ seed: 12, records: 20_000 });
    const reference = Date.parse(world.center.referenceDate);
    const counties = new Set<string>(PLANTED.surge.countyFips);
    const weekly = new Array<number>(SPAN_WEEKS).fill(0);
    for (const r of world.records()) {
      if (r.body.kind !== 'sar' || !counties.has(r.countyFips)) continue;
      if (!r.body.payload.behaviours?.includes('AVIATION')) continue;
      const w = weekIndex(Date.parse(r.body.occurredFrom), reference);
      weekly[w] = (weekly[w] ?? 0) + 1;
    }
    const start = SPAN_WEEKS - PLANTED.surge.startWeeksBeforeReference;
    const surge = weekly.slice(start, start + PLANTED.surge.weeks);
    const rest = [...weekly.slice(0, start), ...weekly.slice(start + PLANTED.surge.weeks)];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(surge) / mean(rest);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(5);
    // Every surge week stands out on its own, not just the average.
    for (const count of surge) expect(count).toBeGreaterThan(mean(rest) * 1.8);
    expect(world.planted.windows.surge.weekStarts[0]).toBe(
      new Date(reference - PLANTED.surge.startWeeksBeforeReference * 7 * 86_400_000).toISOString(),
    );
  });

  it('concentrates drone reports in the surge region', () => {
    const world = generateDemoWorld({ seed: 13, records: 5_000 });
    const counties = new Set<string>(PLANTED.surge.countyFips);
    let inside = 0;
    let outside = 0;
    for (const r of world.records()) {
      if (r.body.kind !== 'sar' || !r.body.payload.behaviours?.includes('AVIATION')) continue;
      if (counties.has(r.countyFips)) inside++;
      else outside++;
    }
    expect(inside).toBeGreaterThan(outside);
  });
});
