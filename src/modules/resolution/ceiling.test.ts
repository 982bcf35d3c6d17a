import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePair } from './clustering.ts';
import { demoObservations } from './datasets.ts';
import { ceilingWeight, score, typeModelOf } from './model.ts';
import { canReachDecision } from './resolve.ts';
import type { Observation } from './spec.ts';
import { prepare } from './specs.ts';
import { train } from './training.ts';

const demo = demoObservations(7, 1500).observations;
const model = train(demo, { randomPairs: 50_000 });
const byType = Map.groupBy(demo, (o) => o.type);
const types = [...byType.keys()];

/** The observation with some of its attributes dropped (a sparser record of the same thing). */
const thinned = (o: Observation, drop: readonly boolean[]): Observation => ({
  ...o,
  attributes: Object.fromEntries(Object.entries(o.attributes).filter((_, i) => !drop[i])),
});

const pairOfOneType = fc
  .constantFrom(...types)
  .chain((type) => {
    const pool = byType.get(type)!;
    const pick = fc.nat({ max: pool.length - 1 }).map((i) => pool[i]!);
    return fc.tuple(pick, pick, fc.array(fc.boolean()), fc.array(fc.boolean()));
  })
  .map(([a, b, dropA, dropB]) => [thinned(a, dropA), { ...thinned(b, dropB), id: `${b.id}'` }]);

describe('the ceiling of an observation', () => {
  it('is never below the weight of any pair it is in', () => {
    fc.assert(
      fc.property(pairOfOneType, ([a, b]) => {
        const weight = score(model, a!, b!).weight;
        const tm = typeModelOf(model, a!.type);
        expect(weight).toBeLessThanOrEqual(ceilingWeight(tm, prepare(a!)) + 1e-9);
        expect(weight).toBeLessThanOrEqual(ceilingWeight(tm, prepare(b!)) + 1e-9);
      }),
      { numRuns: 3000 },
    );
  });

  it('lets resolution skip exactly the observations no pair can decide', () => {
    fc.assert(
      fc.property(pairOfOneType, ([a, b]) => {
        if (canReachDecision(model, a!)) return;
        expect(decidePair(a!.type, score(model, a!, b!)).kind).toBe('none');
      }),
      { numRuns: 3000 },
    );
    // Both answers occur: a place known by its name alone is skipped, one with coordinates not.
    const place = (attributes: Record<string, unknown>) =>
      canReachDecision(model, { id: 'x', type: 'location', attributes });
    expect(place({ name: 'Norfolk' })).toBe(false);
    expect(place({ name: 'Norfolk', lat: 36.85, lon: -76.29 })).toBe(true);
  });
});
