/**
 * Rise detection on weekly count series, as syndromic surveillance does it (docs/trends.md).
 *
 * Each week t of a series is compared with a moving baseline: the `baselineWeeks` weeks that
 * end `guardWeeks` before t (the guard band keeps the first weeks of a slow rise out of its own
 * baseline, as in EARS C2/C3). Under the null hypothesis the counts are Poisson with one rate
 * across baseline and week; then, given the total n = y + S (week count y, baseline sum S),
 * y ~ Binomial(n, 1/(B + 1)). The p-value is that binomial's upper tail: the exact conditional
 * test of two Poisson rates (Przyborowski & Wilenski 1940), valid at any count, including the
 * zeros and ones of sparse county series where a z-score is meaningless.
 *
 * Many series are tested each week, so flags are chosen per week by Benjamini–Hochberg at
 * level `fdr` over the series that could reach significance at all (Tarone's filter for
 * discrete tests, as in Gilbert 2005: a series whose smallest attainable p-value, (1/(B+1))^n,
 * is above `fdr` can never be flagged and is left out of the family). A flag also needs at
 * least `minCount` records in the week. Everything here is pure and deterministic.
 */
import { binomialUpperTail } from './binomial.ts';

export type DetectionParams = Readonly<{
  /** B: weeks in the moving baseline. */
  baselineWeeks: number;
  /** G: weeks between the baseline and the tested week. */
  guardWeeks: number;
  /** q: false discovery rate for each week's flags (Benjamini–Hochberg). */
  fdr: number;
  /** Never flag a week with fewer records than this. */
  minCount: number;
}>;

export const DEFAULT_DETECTION: DetectionParams = {
  baselineWeeks: 8,
  guardWeeks: 1,
  fdr: 0.01,
  minCount: 3,
};

/** One week of one series: its test, or nulls where the baseline is not complete. */
export type WeekResult = {
  count: number;
  /** Baseline mean: the count the week would have with no change. */
  expected: number | null;
  pValue: number | null;
  /** Benjamini–Hochberg adjusted p-value within the week; null when it could not be flagged. */
  qValue: number | null;
  flagged: boolean;
};

type WeekTest = { count: number; expected: number; pValue: number; minAttainable: number };

/** The weeks of one series tested against their baselines (null before a full baseline). */
export function testSeries(
  counts: readonly number[],
  params: DetectionParams,
): (WeekTest | null)[] {
  const { baselineWeeks: b, guardWeeks: g } = params;
  const share = 1 / (b + 1);
  const out: (WeekTest | null)[] = [];
  let baseline = 0;
  for (let t = 0; t < counts.length; t++) {
    // Slide the window [t - g - b, t - g - 1]: add the week entering it, drop the one leaving.
    baseline += (counts[t - g - 1] ?? 0) - (counts[t - g - b - 1] ?? 0);
    if (t - g - b < 0) {
      out.push(null);
      continue;
    }
    const count = counts[t] ?? 0;
    const n = count + baseline;
    out.push({
      count,
      expected: baseline / b,
      pValue: binomialUpperTail(n, count, share),
      minAttainable: share ** n,
    });
  }
  return out;
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values) for one family, in input order:
 * q_(i) = min over j ≥ i of p_(j) · m / j, capped at 1. Rejecting q ≤ α is BH at level α.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, i] = order[rank - 1] ?? [1, 0];
    // m / rank ≥ 1, so q ≥ p; max() keeps rounding from saying otherwise.
    running = Math.min(running, Math.max(p, (p * m) / rank));
    q[i] = Math.min(1, running);
  }
  return q;
}

/**
 * Tests every week of every series (all the same length, aligned on the same weeks) and
 * flags the significant rises, each week's family controlled by BH. Same shape out as in.
 */
export function detectRises(
  series: readonly (readonly number[])[],
  params: DetectionParams = DEFAULT_DETECTION,
): WeekResult[][] {
  const tests = series.map((counts) => testSeries(counts, params));
  const results: WeekResult[][] = tests.map((weeks, s) =>
    weeks.map((w, t) => ({
      count: series[s]?.[t] ?? 0,
      expected: w?.expected ?? null,
      pValue: w?.pValue ?? null,
      qValue: null,
      flagged: false,
    })),
  );
  const weekCount = series[0]?.length ?? 0;
  for (let t = 0; t < weekCount; t++) {
    const family: number[] = [];
    tests.forEach((weeks, s) => {
      const w = weeks[t];
      if (w && w.minAttainable <= params.fdr) family.push(s);
    });
    const q = benjaminiHochberg(family.map((s) => tests[s]?.[t]?.pValue ?? 1));
    family.forEach((s, i) => {
      const r = results[s]?.[t];
      if (!r) return;
      r.qValue = q[i] ?? 1;
      r.flagged = r.qValue <= params.fdr && r.count >= params.minCount;
    });
  }
  return results;
}
