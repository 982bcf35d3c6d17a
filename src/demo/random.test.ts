import { describe, expect, it } from 'vitest';
import { Random, WeightedPicker, hashSeed, hashString, randomUuid } from './random.ts';

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 20 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays inside the requested ranges', () => {
    const rng = new Random(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      expect(rng.skewedIndex(50, 1.6)).toBeLessThan(50);
    }
  });

  it('draws weighted items in proportion to their weights', () => {
    const picker = new WeightedPicker([
      ['a', 1],
      ['b', 3],
    ] as const);
    const rng = new Random(1);
    let b = 0;
    for (let i = 0; i < 20_000; i++) if (picker.pick(rng) === 'b') b++;
    expect(b / 20_000).toBeCloseTo(0.75, 1);
  });

  it('derives independent streams from (seed, stream, index)', () => {
    expect(hashSeed(1, hashString('person'), 5)).toBe(hashSeed(1, hashString('person'), 5));
    expect(hashSeed(1, hashString('person'), 5)).not.toBe(hashSeed(1, hashString('person'), 6));
    expect(hashSeed(1, hashString('person'), 5)).not.toBe(hashSeed(2, hashString('person'), 5));
  });

  it('makes v4-shaped UUIDs for STIX ids', () => {
    expect(randomUuid(new Random(3))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
