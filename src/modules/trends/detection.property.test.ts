import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, logFactorial } from './binomial.ts';
import {
  benjaminiHochberg,
  DEFAULT_DETECTION,
  detectRises,
  testSeries,
  type DetectionParams,
} from './detection.ts';

const params = fc.record({
  baselineWeeks: fc.integer({ min: 2, max: 26 }),
  guardWeeks: fc.integer({ min: 0, max: 4 }),
  fdr: fc.double({ min: 0.0001, max: 0.2, noNaN: true }),
  minCount: fc.integer({ min: 1, max: 10 }),
});
const counts = (maxLength = 60) =>
  fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength });

/** Exact binomial tail by summing probabilities directly (small n only). */
function naiveTail(n: number, k: number, p: number): number {
  let sum = 0;
  for (let i = Math.max(0, k); i <= n; i++) {
    let c = 1;
    for (let j = 1; j <= i; j++) c = (c * (n - i + j)) / j;
    sum += c * p ** i * (1 - p) ** (n - i);
  }
  return Math.min(1, sum);
}

describe('binomial upper tail', () => {
  it('matches direct summation for small n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -2, max: 62 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, k, p) => {
          expect(binomialUpperTail(n, k, p)).toBeCloseTo(naiveTail(n, k, p), 10);
        },
      ),
    );
  });

  it('knows ln n! on both sides of the switch to Stirling series', () => {
    let exact = 0;
    for (let n = 1; n <= 170; n++) {
      exact += Math.log(n);
      expect(Math.abs(logFactorial(n) - exact)).toBeLessThan(1e-13 * Math.max(1, exact));
    }
    expect(logFactorial(0)).toBe(0);
  });

  it('stays in [0, 1] and falls as k rises, at any n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (n, u, p) => {
          const k = Math.floor(u * (n + 1));
          const a = binomialUpperTail(n, k, p);
          const b = binomialUpperTail(n, k + 1, p);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(b).toBeLessThanOrEqual(a + 1e-12);
        },
      ),
    );
  });
});

describe('rise detection', () => {
  it('never flags a constant series, whatever its level and the parameters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 80 }),
        params,
        (level, weeks, p) => {
          const flagged = detectRises([new Array<number>(weeks).fill(level)], p)[0]!;
          expect(flagged.some((w) => w.flagged)).toBe(false);
        },
      ),
    );
  });

  it('gives p-values and q-values in [0, 1], and flags only weeks at or above minCount', () => {
    fc.assert(
      fc.property(fc.array(counts(30), { minLength: 1, maxLength: 8 }), params, (raw, p) => {
        const length = Math.min(...raw.map((s) => s.length));
        const series = raw.map((s) => s.slice(0, length));
        for (const weeks of detectRises(series, p))
          for (const w of weeks) {
            for (const v of [w.pValue, w.qValue])
              if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
            if (w.flagged) expect(w.count).toBeGreaterThanOrEqual(p.minCount);
            if (w.qValue !== null) expect(w.qValue).toBeGreaterThanOrEqual(w.pValue ?? 0);
          }
      }),
    );
  });

  it('never lowers the score of a spike when the spike grows', () => {
    fc.assert(
      fc.property(
        counts(),
        params,
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (c, p, at, more) => {
          const t = at % c.length;
          const bigger = c.map((x, i) => (i === t ? x + more : x));
          const before = testSeries(c, p)[t];
          const after = testSeries(bigger, p)[t];
          if (!before || !after) return;
          expect(after.pValue).toBeLessThanOrEqual(before.pValue + 1e-12);
        },
      ),
    );
  });

  it('is less surprised by a week when its baseline was busier', () => {
    fc.assert(
      fc.property(counts(), params, fc.nat(), (c, p, at) => {
        const t = at % c.length;
        const b = t - p.guardWeeks - 1;
        if (b < 0 || t - p.guardWeeks - p.baselineWeeks < 0) return;
        const busier = c.map((x, i) => (i === b ? x + 5 : x));
        expect(testSeries(busier, p)[t]!.pValue).toBeGreaterThanOrEqual(
          testSeries(c, p)[t]!.pValue - 1e-12,
        );
      }),
    );
  });

  it('leaves the weeks without a full baseline untested', () => {
    fc.assert(
      fc.property(counts(), params, (c, p) => {
        const tests = testSeries(c, p);
        tests.forEach((w, t) => {
          expect(w === null).toBe(t < p.baselineWeeks + p.guardWeeks);
        });
      }),
    );
  });

  it('flags a tenfold surge over a steady baseline in the week it starts', () => {
    const series = [...new Array<number>(20).fill(4), 40, 40];
    const weeks = detectRises([series], DEFAULT_DETECTION)[0]!;
    expect(weeks[20]).toMatchObject({ count: 40, expected: 4, flagged: true });
    expect(weeks.slice(0, 20).some((w) => w.flagged)).toBe(false);
  });
});

describe('Benjamini–Hochberg', () => {
  it('adjusts a textbook example as the procedure defines', () => {
    // p sorted: 0.01, 0.02, 0.03, 0.04, 0.5 (m = 5): p·m/rank = 0.05, 0.05, 0.05, 0.05, 0.5.
    const q = benjaminiHochberg([0.03, 0.5, 0.01, 0.04, 0.02]);
    [0.05, 0.5, 0.05, 0.05, 0.05].forEach((want, i) => {
      expect(q[i]).toBeCloseTo(want, 12);
    });
  });

  it('keeps the order of the p-values and never lowers one', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 }), (ps) => {
        const q = benjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(p);
          expect(q[i]).toBeLessThanOrEqual(1);
          ps.forEach((p2, j) => {
            if (p < p2) expect(q[i]).toBeLessThanOrEqual(q[j]!);
          });
        });
      }),
    );
  });
});

/** A small deterministic PRNG, so the simulation is the same on every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rate: number, next: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let sum = p;
  const u = next();
  while (u > sum && k < 10_000) {
    k++;
    p *= rate / k;
    sum += p;
  }
  return k;
}

describe('false alarms on steady Poisson series', () => {
  it('stay within the stated bound: per week, P(any flag) ≤ fdr when nothing changes', () => {
    const next = mulberry32(20250630);
    const p: DetectionParams = { ...DEFAULT_DETECTION, fdr: 0.05, minCount: 1 };
    const weeks = 104;
    // 200 series of sparse to busy rates, as counties × categories are.
    const series = Array.from({ length: 200 }, (_, i) => {
      const rate = [0.1, 0.5, 2, 8, 30][i % 5] ?? 1;
      return Array.from({ length: weeks }, () => poisson(rate, next));
    });
    const results = detectRises(series, p);
    const tested = weeks - p.baselineWeeks - p.guardWeeks;
    let weeksWithAlarm = 0;
    for (let t = 0; t < weeks; t++) if (results.some((s) => s[t]?.flagged)) weeksWithAlarm++;
    // Bound: fdr × tested weeks = 4.75 expected at most; allow for the sampling spread.
    expect(weeksWithAlarm).toBeLessThanOrEqual(Math.ceil(p.fdr * tested * 2) + 3);
  });
});
