/**
 * Expectation–maximisation for the Fellegi–Sunter m probabilities, on comparison patterns
 * (identical vectors counted once, so a hundred thousand pairs are a few hundred rows).
 * u is held fixed — it comes from random pairs, where it is measured directly — and only the
 * fields a session may learn from are included (see TypeSpec.sessions).
 */

/** A comparison vector (level index per field, -1 = missing) and how many pairs have it. */
export type Pattern = { levels: Int8Array; count: number };

/** Per field, per level: a probability table. */
export type Table = number[][];

export function compressPatterns(vectors: Iterable<Int8Array>): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const levels of vectors) {
    const key = levels.join(',');
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { levels, count: 1 });
  }
  return [...byKey.values()];
}

/** Posterior match probability of one pattern; in log space so long vectors cannot underflow. */
export function posterior(
  levels: Int8Array,
  lambda: number,
  m: Table,
  u: Table,
  include: readonly boolean[],
): number {
  let logRatio = Math.log(lambda / (1 - lambda));
  levels.forEach((level, f) => {
    if (level < 0 || !include[f]) return;
    logRatio += Math.log((m[f]?.[level] ?? 1) / (u[f]?.[level] ?? 1));
  });
  return 1 / (1 + Math.exp(-logRatio));
}

export type SessionResult = {
  lambda: number;
  /** Expected match counts per field and level: sufficient statistics, pooled across sessions. */
  matchCounts: Table;
  iterations: number;
};

export type SessionInput = {
  patterns: readonly Pattern[];
  include: readonly boolean[];
  u: Table;
  priorM: Table;
  maxIterations: number;
};

/** Pseudo-counts of the prior in each m update: enough to keep unseen levels above zero. */
const PRIOR_STRENGTH = 1;

export function runSession({ patterns, include, u, priorM, maxIterations }: SessionInput) {
  let m = priorM.map((row) => [...row]);
  let lambda = 0.5;
  let counts: Table = [];
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const step = expectation(patterns, lambda, m, u, include);
    counts = step.counts;
    const next = maximisation(counts, priorM, include, m);
    const change = Math.max(Math.abs(step.lambda - lambda), maxDifference(m, next));
    m = next;
    lambda = step.lambda;
    if (change < 1e-7) break;
  }
  return { lambda, matchCounts: counts, iterations } satisfies SessionResult;
}

function expectation(
  patterns: readonly Pattern[],
  lambda: number,
  m: Table,
  u: Table,
  include: readonly boolean[],
): { lambda: number; counts: Table } {
  const counts: Table = m.map((row) => row.map(() => 0));
  let matches = 0;
  let total = 0;
  for (const { levels, count } of patterns) {
    const p = posterior(levels, lambda, m, u, include) * count;
    matches += p;
    total += count;
    levels.forEach((level, f) => {
      const row = counts[f];
      if (level >= 0 && row) row[level] = (row[level] ?? 0) + p;
    });
  }
  // λ is kept off 0 and 1 so the log-odds stay finite on degenerate sessions.
  const next = total > 0 ? matches / total : 0.5;
  return { lambda: Math.min(Math.max(next, 1e-6), 1 - 1e-6), counts };
}

function maximisation(
  counts: Table,
  priorM: Table,
  include: readonly boolean[],
  current: Table,
): Table {
  return counts.map((row, f) => {
    if (!include[f]) return current[f] ?? [];
    const prior = priorM[f] ?? [];
    const sum = row.reduce((s, x) => s + x, 0);
    return row.map((x, l) => (x + PRIOR_STRENGTH * (prior[l] ?? 0)) / (sum + PRIOR_STRENGTH));
  });
}

function maxDifference(a: Table, b: Table): number {
  let d = 0;
  a.forEach((row, f) => {
    row.forEach((x, l) => {
      d = Math.max(d, Math.abs(x - (b[f]?.[l] ?? 0)));
    });
  });
  return d;
}
