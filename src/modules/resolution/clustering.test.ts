import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster, decidePair, type ScoredPair } from './clustering.ts';
import { missingEvidence } from './minimum-evidence.ts';
import { logOdds, type Evidence, type Score } from './model.ts';

const NAME_DOB: Evidence[] = [
  { field: 'given', level: 'exact', weight: 7 },
  { field: 'surname', level: 'exact', weight: 8 },
  { field: 'dob', level: 'exact', weight: 12 },
];
const ID: Evidence = { field: 'identifier', level: 'exact', weight: 15 };

function scoreOf(probability: number, evidence: Evidence[], evidenceWeight = 20): Score {
  return { weight: logOdds(probability), probability, evidenceWeight, evidence };
}
const pair = (a: string, b: string, s: Score): ScoredPair => ({ a, b, type: 'person', score: s });
const ids = (...xs: string[]) => xs.map((id) => ({ id, type: 'person' as const }));

describe('CI-14 minimum evidence', () => {
  it('refuses a merge on name + DOB alone, however probable, and proposes a candidate', () => {
    const s = scoreOf(0.99999, NAME_DOB);
    expect(decidePair('person', s)).toEqual({ kind: 'candidate', reason: 'minimum_evidence' });
    const result = cluster(ids('a', 'b'), [pair('a', 'b', s)]);
    expect(result.clusters.map((c) => c.observationIds)).toEqual([['a'], ['b']]);
    expect(result.candidates).toMatchObject([{ a: 'a', b: 'b', reason: 'minimum_evidence' }]);
    expect(missingEvidence('person', s.evidence)[0]?.missing).toEqual(['identifier']);
  });

  it('merges once an identifier of the same scheme and value agrees too', () => {
    const s = scoreOf(0.99999, [...NAME_DOB, ID]);
    expect(decidePair('person', s)).toEqual({ kind: 'merge', rule: 'name+dob+identifier' });
    const result = cluster(ids('a', 'b'), [pair('a', 'b', s)]);
    expect(result.clusters.map((c) => c.observationIds)).toEqual([['a', 'b']]);
    expect(result.clusters[0]?.merges[0]?.rule).toBe('name+dob+identifier');
    expect(result.candidates).toEqual([]);
  });

  it('follows the configured rule, not a hard-coded one', () => {
    const s = scoreOf(0.99999, NAME_DOB);
    const lenient = {
      person: [{ name: 'name+dob', requires: [{ field: 'dob', levels: ['exact'] }] }],
    };
    expect(decidePair('person', s, { minimumEvidence: lenient })).toEqual({
      kind: 'merge',
      rule: 'name+dob',
    });
    expect(decidePair('person', s, { minimumEvidence: {} }).kind).toBe('candidate');
  });

  it('an organisation needs more than its name: a bare name, however probable, is a candidate', () => {
    // Two "Rivanna Security Services" in different towns: the name is all a narrative gives.
    const name: Evidence = { field: 'name', level: 'exact', weight: 17 };
    const bare = scoreOf(0.9997, [name]);
    expect(decidePair('organization', bare)).toEqual({
      kind: 'candidate',
      reason: 'minimum_evidence',
    });
    expect(missingEvidence('organization', bare.evidence)).toEqual([
      { rule: 'name+identifier', missing: ['identifier'] },
      { rule: 'name+address', missing: ['street'] },
    ]);
    const street: Evidence = { field: 'street', level: 'exact', weight: 11 };
    const orgId: Evidence = { field: 'identifier', level: 'exact', weight: 19 };
    expect(decidePair('organization', scoreOf(0.9999, [name, street]))).toEqual({
      kind: 'merge',
      rule: 'name+address',
    });
    expect(decidePair('organization', scoreOf(0.9999, [name, orgId]))).toEqual({
      kind: 'merge',
      rule: 'name+identifier',
    });
    // An identifier alone, under another name, does not establish identity either.
    const renamed: Evidence = { field: 'name', level: 'else', weight: -6 };
    expect(decidePair('organization', scoreOf(0.999, [renamed, orgId])).kind).toBe('candidate');
  });

  it('keeps the thresholds: candidate band between, nothing below', () => {
    const evidence = [...NAME_DOB, ID];
    expect(decidePair('person', scoreOf(0.9, evidence))).toEqual({
      kind: 'candidate',
      reason: 'below_auto_merge',
    });
    expect(decidePair('person', scoreOf(0.2, evidence))).toEqual({ kind: 'none' });
  });
});

describe('clustering', () => {
  it('does not chain A≈B≈C into one entity when A and C conflict', () => {
    const strong = scoreOf(0.99999, [...NAME_DOB, ID]);
    const result = cluster(ids('a', 'b', 'c'), [
      pair('a', 'b', { ...strong, weight: 30 }),
      pair('b', 'c', { ...strong, weight: 25 }),
      pair('a', 'c', scoreOf(0.001, [], -12)),
    ]);
    expect(result.clusters.map((c) => c.observationIds)).toEqual([['a', 'b'], ['c']]);
    expect(result.candidates).toMatchObject([{ a: 'b', b: 'c', reason: 'conflict' }]);
  });

  it('gives the same clusters and candidates whatever order observations and pairs arrive in', () => {
    fc.assert(
      fc.property(
        graph(),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        ({ nodes, pairs }, stream) => {
          const shuffled = <T>(xs: readonly T[]) => {
            const keys = [...stream.take(xs.length)];
            return xs
              .map((x, i) => [keys[i] ?? 0, x] as const)
              .sort((p, q) => p[0] - q[0])
              .map(([, x]) => x);
          };
          const before = canonical(cluster(nodes, pairs));
          const after = canonical(cluster(shuffled(nodes), shuffled(pairs)));
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Random observations and scored pairs, with every kind of decision represented. */
function graph() {
  return fc.integer({ min: 2, max: 12 }).chain((n) => {
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, type: 'person' as const }));
    const all: [string, string][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push([`o${i}`, `o${j}`]);
    const edge = fc.record({
      p: fc.constantFrom(0.999, 0.9999, 0.99999, 0.7, 0.2),
      meets: fc.boolean(),
      evidenceWeight: fc.integer({ min: -10, max: 30 }),
      weight: fc.integer({ min: -5, max: 40 }),
    });
    return fc.subarray(all).chain((chosen) =>
      fc.array(edge, { minLength: chosen.length, maxLength: chosen.length }).map((edges) => ({
        nodes,
        pairs: chosen.map(([a, b], k): ScoredPair => {
          const e = edges[k] ?? { p: 0.2, meets: false, evidenceWeight: 0, weight: 0 };
          const evidence = e.meets ? [...NAME_DOB, ID] : NAME_DOB;
          return pair(a, b, { ...scoreOf(e.p, evidence, e.evidenceWeight), weight: e.weight });
        }),
      })),
    );
  });
}

function canonical(result: ReturnType<typeof cluster>) {
  return {
    clusters: result.clusters.map((c) => [...c.observationIds].sort()).sort(),
    candidates: result.candidates.map((c) => `${c.a}|${c.b}|${c.reason ?? ''}`).sort(),
  };
}
