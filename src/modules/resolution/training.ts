/**
 * Training, unsupervised, per observation type (the Splink recipe):
 * 1. u from random pairs, which are almost all non-matches, so their level frequencies are
 *    what coincidence looks like;
 * 2. m by EM on the candidate pairs of each blocking family, leaving out the fields that
 *    family forces to agree, pooled across families;
 * 3. λ by EM over all pairs (pairs outside every block count as non-matches), alternating with
 *    a correction of u for the few true matches among the random pairs — without it, fields
 *    that are near-proof (identifiers, phones) would have u ≈ λ and their weight would cancel
 *    the prior exactly.
 */
import canonicalize from 'canonicalize';
import type { ObservationType } from '../entities/observation-types.ts';
import { DEFAULT_MAX_BLOCK_SIZE, candidatePairs, decodePair } from './blocking.ts';
import { compressPatterns, posterior, runSession, type Pattern, type Table } from './em.ts';
import { priorTypeModel, type LevelParameters, type Model, type TypeModel } from './model.ts';
import type { Observation } from './spec.ts';
import { SPECS, compareVector, prepare, type Prepared } from './specs.ts';
import { termFrequencies } from './term-frequencies.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';

export type TrainOptions = {
  /** Random pairs sampled per type to measure u (all pairs when there are fewer). */
  randomPairs?: number;
  seed?: number;
  maxBlockSize?: number;
  maxIterations?: number;
};

const DEFAULTS = {
  randomPairs: 200_000,
  seed: 1,
  maxBlockSize: DEFAULT_MAX_BLOCK_SIZE,
  maxIterations: 200,
};

/** Pseudo-pairs of the u prior: negligible against a real sample, decisive on a tiny one. */
const U_PRIOR_STRENGTH = 50;

export function train(observations: readonly Observation[], options: TrainOptions = {}): Model {
  const o = { ...DEFAULTS, ...options };
  const byType = new Map<ObservationType, Prepared[]>();
  for (const obs of canonicalOrder(observations)) {
    const list = byType.get(obs.type) ?? [];
    list.push(prepare(obs));
    byType.set(obs.type, list);
  }
  const types: Model['types'] = {};
  for (const [type, prepared] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    types[type] = trainType(type, prepared, o);
  }
  return { version: 1, types };
}

/**
 * The observations by content (canonical JSON of their attributes), then id. u is measured on
 * a seeded sample of positions and the EM sums run in pair order, so without this the model
 * would depend on the order the observations were read in (and on the ids a database gave
 * them): the same data must give the same model, in a retrain as in the benchmark.
 */
function canonicalOrder(observations: readonly Observation[]): Observation[] {
  const keyed = observations.map((o) => ({ o, key: canonicalize(o.attributes) ?? '' }));
  keyed.sort((x, y) => compare(x.key, y.key) || compare(x.o.id, y.o.id));
  return keyed.map((k) => k.o);
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function trainType(type: ObservationType, prepared: Prepared[], o: typeof DEFAULTS): TypeModel {
  const spec = SPECS[type];
  const base = { ...priorTypeModel(type), observations: prepared.length };
  if (!spec.learned || prepared.length < 3) return base;
  const table = (pick: (p: LevelParameters) => number) =>
    spec.fields.map((f) => f.levels.map((l) => pick(base.fields[f.name]?.[l] ?? { m: 0, u: 0 })));
  const priors = { m: table((p) => p.m), u: table((p) => p.u) };
  const random = randomLevelCounts(prepared, o.randomPairs, o.seed);
  const vectors = candidateVectors(prepared, o.maxBlockSize);
  const sessions = estimateM(
    spec.fields.map((f) => f.name),
    vectors,
    spec.sessions,
    {
      u: mapEstimate(random, priors.u, U_PRIOR_STRENGTH),
      priorM: priors.m,
      maxIterations: o.maxIterations,
    },
  );
  const n = prepared.length;
  const { lambda, m, u } = estimateGlobal(
    vectors,
    (n * (n - 1)) / 2,
    random,
    priors,
    sessions,
    o.maxIterations,
  );
  const fields: TypeModel['fields'] = {};
  spec.fields.forEach((field, f) => {
    fields[field.name] = Object.fromEntries(
      field.levels.map((level, l) => [level, { m: m[f]?.[l] ?? 0, u: u[f]?.[l] ?? 1 }]),
    );
  });
  return { lambda, observations: n, fields, termFrequencies: termFrequencies(spec, prepared) };
}

type CandidateVectors = { byFamily: Map<string, Set<number>>; vectors: Map<number, Int8Array> };

/** The comparison vector of every candidate pair, computed once for all EM runs. */
function candidateVectors(prepared: readonly Prepared[], maxBlockSize: number): CandidateVectors {
  const candidates = candidatePairs(prepared, maxBlockSize);
  const vectors = new Map<number, Int8Array>();
  for (const code of candidates.all) {
    const [i, j] = decodePair(code, prepared.length);
    vectors.set(code, compareVector(prepared[i] as Prepared, prepared[j] as Prepared));
  }
  return { byFamily: candidates.byFamily, vectors };
}

/**
 * λ by EM over all pairs, alternating with the correction of u; fields that no session could
 * learn (used only to block, like an organisation's name) learn m in the same E-steps.
 */
function estimateGlobal(
  { vectors }: CandidateVectors,
  totalPairs: number,
  random: RandomCounts,
  priors: { m: Table; u: Table },
  sessions: { m: Table; learned: boolean[] },
  maxIterations: number,
) {
  const all = compressPatterns(vectors.values());
  let m = sessions.m;
  let lambda = 1e-4;
  let u = correctU(random, priors.u, lambda, m);
  for (let round = 0; round < maxIterations; round++) {
    const step = expectationOverAllPairs(all, totalPairs, lambda, m, u);
    m = m.map((row, f) =>
      sessions.learned[f] ? row : fromCounts(step.counts[f] ?? [], priors.m[f] ?? []),
    );
    const change = Math.abs(step.lambda - lambda) / lambda;
    lambda = step.lambda;
    u = correctU(random, priors.u, lambda, m);
    if (change < 1e-6) break;
  }
  return { lambda, m, u };
}

type RandomCounts = { counts: Table; present: number[] };

/** Level counts over random pairs (every pair when there are fewer than `sample`). */
function randomLevelCounts(prepared: readonly Prepared[], sample: number, seed: number) {
  const n = prepared.length;
  const fields = SPECS[prepared[0]?.type ?? 'person'].fields;
  const counts: Table = fields.map((f) => f.levels.map(() => 0));
  const present = fields.map(() => 0);
  const add = (i: number, j: number) => {
    compareVector(prepared[i] as Prepared, prepared[j] as Prepared).forEach((level, f) => {
      const row = counts[f];
      if (level < 0 || !row) return;
      row[level] = (row[level] ?? 0) + 1;
      present[f] = (present[f] ?? 0) + 1;
    });
  };
  if ((n * (n - 1)) / 2 <= sample) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(i, j);
  } else {
    const next = mulberry32(seed);
    for (let k = 0; k < sample; k++) {
      const i = Math.floor(next() * n);
      const j = (i + 1 + Math.floor(next() * (n - 1))) % n; // any index but i
      add(i, j);
    }
  }
  return { counts, present } satisfies RandomCounts;
}

function mapEstimate({ counts, present }: RandomCounts, prior: Table, strength: number): Table {
  return counts.map((row, f) => {
    const total = present[f] ?? 0;
    // A level never seen among random pairs is bounded by the sample's resolution, not zero.
    const floor = 0.5 / (total + strength);
    return row.map((c, l) =>
      Math.max((c + strength * (prior[f]?.[l] ?? 0)) / (total + strength), floor),
    );
  });
}

/**
 * Random pairs are a mixture λ·m + (1−λ)·u: take the matches' share out before estimating u.
 * Where more matches are expected at a level than the sample holds, the level's count stops
 * at zero; the row is then scaled back to the sample's size, so u stays a distribution over
 * the levels (without it, "else" could get u > 1).
 */
function correctU(random: RandomCounts, prior: Table, lambda: number, m: Table): Table {
  const counts = random.counts.map((row, f) => {
    const total = random.present[f] ?? 0;
    const left = row.map((c, l) => Math.max(0, c - lambda * total * (m[f]?.[l] ?? 0)));
    const sum = left.reduce((s, x) => s + x, 0);
    return sum > 0 ? left.map((x) => (x * total) / sum) : left;
  });
  return mapEstimate({ counts, present: random.present }, prior, U_PRIOR_STRENGTH);
}

type MInputs = { u: Table; priorM: Table; maxIterations: number };

/** EM per blocking family, each learning only the fields its key does not force. */
function estimateM(
  fieldNames: readonly string[],
  { byFamily, vectors }: CandidateVectors,
  sessions: Readonly<Record<string, readonly string[]>>,
  { u, priorM, maxIterations }: MInputs,
): { m: Table; learned: boolean[] } {
  const pooled: Table = priorM.map((row) => row.map(() => 0));
  for (const [family, codes] of [...byFamily].sort(([a], [b]) => a.localeCompare(b))) {
    const fixed = sessions[family];
    if (fixed === undefined || codes.size < 10) continue;
    const include = fieldNames.map((name) => !fixed.includes(name));
    const patterns: Pattern[] = compressPatterns(
      [...codes].map((c) => vectors.get(c) ?? new Int8Array()),
    );
    const result = runSession({ patterns, include, u, priorM, maxIterations });
    result.matchCounts.forEach((row, f) => {
      if (!include[f]) return;
      row.forEach((x, l) => ((pooled[f] as number[])[l] = (pooled[f]?.[l] ?? 0) + x));
    });
  }
  return {
    m: pooled.map((row, f) => fromCounts(row, priorM[f] ?? [])),
    learned: pooled.map((row) => row.reduce((s, x) => s + x, 0) > 0),
  };
}

/** One E-step over all pairs: pairs outside every block are taken as non-matches. */
function expectationOverAllPairs(
  all: readonly Pattern[],
  totalPairs: number,
  lambda: number,
  m: Table,
  u: Table,
): { lambda: number; counts: Table } {
  const include = m.map(() => true);
  const counts: Table = m.map((row) => row.map(() => 0));
  let matches = 0;
  for (const p of all) {
    const expected = p.count * posterior(p.levels, lambda, m, u, include);
    matches += expected;
    p.levels.forEach((level, f) => {
      const row = counts[f];
      if (level >= 0 && row) row[level] = (row[level] ?? 0) + expected;
    });
  }
  return { lambda: Math.min(Math.max(matches / totalPairs, 1e-9), 0.5), counts };
}

function fromCounts(row: readonly number[], prior: readonly number[]): number[] {
  const sum = row.reduce((s, x) => s + x, 0);
  return row.map((x, l) => (x + (prior[l] ?? 0)) / (sum + 1));
}
