import { describe, expect, it } from 'vitest';
import type { Incidence } from './graph.repository.ts';
import { chooseRecords, coOccurrences, edgesBetween, MAX_EDGES } from './subgraph.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
function row(entityId: string, recordId: string, day: number, supports = true): Incidence {
  return {
    entityId,
    recordId,
    roles: ['subject'],
    occurredFrom: at(day),
    supports,
    kind: 'incident',
    title: recordId,
    ownerAgencyId: 'agency',
  };
}

describe('co-occurrence and record choice', () => {
  const incidence = [
    row('a', 'r1', 1),
    row('b', 'r1', 1),
    row('a', 'r2', 2),
    row('b', 'r2', 2),
    row('c', 'r2', 2),
    row('a', 'r3', 3),
    row('c', 'r4', 4, false), // a seed or linked record outside the filters: shown, no weight
    row('d', 'r4', 4, false),
  ];

  it('weighs pairs by the supporting records they share, strongest first', () => {
    const pairs = coOccurrences(incidence, 1).map((p) => `${p.a}${p.b}:${p.records.length}`);
    expect(pairs).toEqual(['ab:2', 'ac:1', 'bc:1']);
    expect(coOccurrences(incidence, 2).map((p) => `${p.a}${p.b}`)).toEqual(['ab']);
  });

  it('chooses the seed record, then linked ones, then the seed entity’s, then the busiest, and counts the rest', () => {
    const co = coOccurrences(incidence, 1);
    const all = chooseRecords(incidence, co, {
      seedRecord: null,
      seedEntity: 'a',
      linkedRecords: ['r4'],
      room: 10,
    });
    expect(all).toEqual({ ids: ['r4', 'r2', 'r1', 'r3'], cut: 0 });
    const two = chooseRecords(incidence, co, {
      seedRecord: 'r1',
      seedEntity: null,
      linkedRecords: [],
      room: 2,
    });
    expect(two).toEqual({ ids: ['r1', 'r2'], cut: 0 });
    const one = chooseRecords(incidence, co, {
      seedRecord: 'r1',
      seedEntity: null,
      linkedRecords: [],
      room: 1,
    });
    expect(one).toEqual({ ids: ['r1'], cut: 1 });
  });
});

describe('edges between the shown nodes', () => {
  it('cuts the weakest co-occurrences beyond the edge cap and says how many', () => {
    const rows: Incidence[] = [];
    const hub = 'h';
    // The hub shares one record with each of MAX_EDGES + 5 entities, and two with the first.
    for (let i = 0; i < MAX_EDGES + 5; i++) {
      rows.push(row(hub, `r${i}`, 1), row(`e${i}`, `r${i}`, 1));
    }
    rows.push(row(hub, 'extra', 2), row('e0', 'extra', 2));
    const co = coOccurrences(rows, 1);
    const entities = new Set([hub, ...co.map((p) => (p.a === hub ? p.b : p.a))]);
    const { edges, cut } = edgesBetween(entities, new Set(), rows, co, []);
    expect(edges).toHaveLength(MAX_EDGES);
    expect(cut).toBe(5);
    expect(edges[0]).toMatchObject({ kind: 'co_occurs', weight: 2, recordIds: ['extra', 'r0'] });
  });
});
