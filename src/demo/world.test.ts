import { describe, expect, it } from 'vitest';
import type { DemoRecord } from './types.ts';
import { generateDemoWorld, groundTruthOf } from './world.ts';

function first(records: Iterable<DemoRecord>, n: number): DemoRecord[] {
  const out: DemoRecord[] = [];
  for (const r of records) {
    out.push(r);
    if (out.length === n) break;
  }
  return out;
}

describe('demo world determinism', () => {
  it('gives the same records and users for the same seed, from separate worlds', () => {
    const a = generateDemoWorld({ seed: 1234, records: 2_000 });
    const b = generateDemoWorld({ seed: 1234, records: 2_000 });
    expect(first(b.records(), 300)).toEqual(first(a.records(), 300));
    expect(b.users).toEqual(a.users);
    expect(b.agencies).toEqual(a.agencies);
  });

  it('replays the same stream on every pass', () => {
    const world = generateDemoWorld({ seed: 'replay', records: 500 });
    expect(JSON.stringify([...world.records()])).toBe(JSON.stringify([...world.records()]));
  });

  it('gives different records for a different seed', () => {
    const a = first(generateDemoWorld({ seed: 1, records: 1_000 }).records(), 100);
    const b = first(generateDemoWorld({ seed: 2, records: 1_000 }).records(), 100);
    const same = a.filter((r, i) => r.body.narrative === b[i]?.body.narrative).length;
    expect(same).toBeLessThan(5);
  });

  it('takes its dates from the reference date, not the clock', () => {
    const world = generateDemoWorld({
      seed: 5,
      records: 300,
      referenceDate: '2021-01-04T00:00:00Z',
    });
    for (const r of world.records()) {
      expect(r.body.occurredFrom < '2021-01-04').toBe(true);
      expect(r.body.occurredFrom > '2018-12-31').toBe(true);
    }
    expect(world.center.referenceDate).toBe('2021-01-04T00:00:00.000Z');
  });
});

describe('ground truth', () => {
  const world = generateDemoWorld({ seed: 77, records: 3_000 });

  it('covers every observation of every record exactly once, in order', () => {
    let observations = 0;
    const expected: string[] = [];
    for (const r of world.records()) {
      observations += r.body.observations.length;
      for (const row of groundTruthOf(r)) expected.push(JSON.stringify(row));
    }
    const rows = [...world.groundTruth()];
    expect(rows).toHaveLength(observations);
    expect(rows.map((r) => JSON.stringify(r))).toEqual(expected);
    for (const row of rows.slice(0, 200)) {
      expect(row.entityKey).toMatch(
        /^(person|vehicle|phone|email|account|org|site|weapon|location):/,
      );
    }
  });

  it('has the same person recur across agencies, written differently', () => {
    const agenciesByPerson = new Map<string, Set<string>>();
    const namesByPerson = new Map<string, Set<string>>();
    for (const r of world.records()) {
      r.body.observations.forEach((o, i) => {
        const key = r.entityKeys[i] ?? '';
        if (o.type !== 'person') return;
        agenciesByPerson.set(key, (agenciesByPerson.get(key) ?? new Set()).add(r.agencyKey));
        const name = `${String(o.attributes['givenName'])} ${String(o.attributes['surname'])}`;
        namesByPerson.set(key, (namesByPerson.get(key) ?? new Set()).add(name));
      });
    }
    const crossAgency = [...agenciesByPerson.values()].filter((s) => s.size >= 3).length;
    expect(crossAgency).toBeGreaterThan(20);
    const spelledDifferently = [...namesByPerson.values()].filter((s) => s.size >= 2).length;
    expect(spelledDifferently).toBeGreaterThan(20);
  });

  it('keeps distinct people distinct: one key never hides two birth years far apart', () => {
    const years = new Map<string, Set<number>>();
    for (const r of world.records()) {
      r.body.observations.forEach((o, i) => {
        const dob = o.attributes['dateOfBirth'];
        if (o.type !== 'person' || typeof dob !== 'string') return;
        const key = r.entityKeys[i] ?? '';
        years.set(key, (years.get(key) ?? new Set()).add(Number(dob.slice(0, 4))));
      });
    }
    for (const [key, set] of years) {
      expect(Math.max(...set) - Math.min(...set), key).toBeLessThanOrEqual(2);
    }
  });
});
