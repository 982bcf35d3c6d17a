import { describe, expect, it } from 'vitest';
import type { Link } from './clustering.ts';
import { planReResolution, type CurrentObservation, type PlanInput } from './retrain-plan.ts';

/** Phones: one field, "number", whose exact agreement meets CI-14. */
const obs = (id: string, entityId: string): CurrentObservation => ({ id, type: 'phone', entityId });
function link(a: string, b: string, probability: number, evidenceWeight = 10): Link {
  const [x, y] = a < b ? [a, b] : [b, a];
  return {
    a: x,
    b: y,
    type: 'phone',
    score: {
      weight: Math.log2(probability / (1 - probability)),
      probability,
      evidenceWeight,
      evidence: [{ field: 'number', level: probability >= 0.99 ? 'exact' : 'else', weight: 1 }],
    },
  };
}
const strong = (a: string, b: string) => link(a, b, 0.999);
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'observations'>) =>
  planReResolution({ pairs: [], keptApart: [], proposed: [], ...input });

/** observation → entity after applying the plan. */
function applied(input: readonly CurrentObservation[], p: ReturnType<typeof planReResolution>) {
  const to = new Map(p.merges.map((m) => [m.absorbed, m.survivor]));
  return new Map(input.map((o) => [o.id, to.get(o.entityId) ?? o.entityId]));
}

describe('re-resolution plan after a retrain', () => {
  it('only adds merges between current entities: the larger survives, chains end in one survivor, nothing is taken apart', () => {
    // E1 holds o1 and o2 although the new model sees no link between them (an analyst merge).
    const observations = [obs('o1', 'E1'), obs('o2', 'E1'), obs('o3', 'E3'), obs('o4', 'E4')];
    const p = plan({ observations, pairs: [strong('o3', 'o4'), strong('o2', 'o3')] });
    expect(p.merges.map((m) => [m.absorbed, m.survivor]).sort()).toEqual([
      ['E3', 'E1'],
      ['E4', 'E1'],
    ]);
    expect([...applied(observations, p).values()]).toEqual(['E1', 'E1', 'E1', 'E1']);
    expect(p.candidates).toEqual([]);
  });

  it('never joins entities an analyst kept apart, not even through a third that matches both', () => {
    const observations = [obs('o1', 'E1'), obs('o2', 'E2'), obs('o3', 'E3')];
    const pairs = [strong('o1', 'o2'), strong('o1', 'o3'), strong('o2', 'o3')];
    const p = plan({ observations, pairs, keptApart: [['o1', 'o2']] });
    const after = applied(observations, p);
    expect(after.get('o1')).not.toBe(after.get('o2'));
    expect(p.merges).toHaveLength(1);
    expect(p.keptApart).toBeGreaterThan(0);
    // …and does not propose them as a possible association either.
    const proposed = p.candidates.map((c) => [c.a, c.b].sort().join());
    expect(proposed).not.toContain([after.get('o1'), after.get('o2')].sort().join());
  });

  it('keeps the batch conflict guard: no merge brings together two observations that say "different"', () => {
    const observations = [obs('o1', 'E1'), obs('o2', 'E2'), obs('o3', 'E3')];
    const pairs = [strong('o1', 'o2'), strong('o2', 'o3'), link('o1', 'o3', 0.01, -20)];
    const p = plan({ observations, pairs });
    expect(p.merges).toHaveLength(1);
    expect(p.conflicts).toBe(1);
    expect(p.candidates).toHaveLength(1);
    expect(p.candidates[0]!.link.reason).toBe('conflict');
  });

  it('proposes each new possible association once per pair of entities, never one already recorded', () => {
    const observations = [obs('o1', 'E1'), obs('o2', 'E1'), obs('o3', 'E3'), obs('o4', 'E4')];
    const pairs = [link('o1', 'o3', 0.7), link('o2', 'o3', 0.8), link('o1', 'o4', 0.6)];
    const p = plan({ observations, pairs, proposed: [['o2', 'o4']] });
    expect(p.candidates).toHaveLength(1);
    expect(p.candidates[0]).toMatchObject({ a: 'E1', b: 'E3' });
    expect(p.candidates[0]!.link.score.probability).toBe(0.8);
  });

  it('links n entities that all look alike with n−1 possible associations, not n·(n−1)/2', () => {
    // Six mentions agreeing only on a bare name: candidates, each pair alike.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const observations = ids.map((id) => obs(id, `E${id}`));
    const pairs = ids.flatMap((x, i) => ids.slice(i + 1).map((y) => link(x, y, 0.9)));
    const p = plan({ observations, pairs });
    expect(p.candidates).toHaveLength(5);
    const reached = new Set(p.candidates.flatMap((c) => [c.a, c.b]));
    expect(reached.size).toBe(6);
    // Already linked through a recorded candidate (b–c): one fewer; a rejected one (d–e,
    // kept apart) links nothing and is not proposed again.
    const after = plan({ observations, pairs, proposed: [['b', 'c']], keptApart: [['d', 'e']] });
    expect(after.candidates).toHaveLength(4);
    const proposed = after.candidates.map((c) => [c.a, c.b].join());
    expect(proposed).not.toContain('Eb,Ec');
    expect(proposed).not.toContain('Ed,Ee');
  });

  it('depends only on the set of pairs, not their order', () => {
    const observations = ['a', 'b', 'c', 'd', 'e'].map((id) => obs(id, `E${id}`));
    const pairs = [strong('a', 'b'), strong('c', 'd'), strong('b', 'c'), link('d', 'e', 0.7)];
    const one = plan({ observations, pairs });
    const two = plan({ observations, pairs: [...pairs].reverse() });
    expect(applied(observations, two)).toEqual(applied(observations, one));
    expect(two.candidates).toEqual(one.candidates);
  });
});
