/**
 * The Fellegi–Sunter model: for each type, the prior probability λ that two observations
 * picked at random are the same entity, and per field and level the probability m of that
 * level among matches and u among non-matches. A pair's match weight is
 * log2(λ/(1−λ)) + Σ log2(m/u); its probability is 2^w / (1 + 2^w). Plain JSON, so the
 * database layer can store the trained model and every decision can cite it.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import { defaultPriors, type FieldSpec } from './spec.ts';
import { SPECS, compareVector, prepare, type Prepared } from './specs.ts';
import type { Observation } from './spec.ts';

export type LevelParameters = { m: number; u: number };

export type TypeModel = {
  /** Prior match probability of two random observations of this type. */
  lambda: number;
  /** How many observations it was trained on (λ scales with 1/population). */
  observations: number;
  /** field → level → m and u. */
  fields: Record<string, Record<string, LevelParameters>>;
  /** field → value → share of observations with that value, for common values only. */
  termFrequencies: Record<string, Record<string, number>>;
};

export type Model = {
  version: 1;
  types: Partial<Record<ObservationType, TypeModel>>;
};

export type Evidence = { field: string; level: string; weight: number };

export type Score = {
  /** log2 posterior odds: prior plus every field's weight. */
  weight: number;
  probability: number;
  /** Σ field weights without the prior: what the two observations themselves say. */
  evidenceWeight: number;
  evidence: Evidence[];
};

const priors = new Map<ObservationType, Readonly<TypeModel>>();

/**
 * The model a type has before (or without) training: the spec's priors. Built once per type
 * (scoring asks for it per pair); callers copy before changing it.
 */
export function priorTypeModel(type: ObservationType): TypeModel {
  const cached = priors.get(type);
  if (cached) return cached;
  const built = buildPrior(type);
  priors.set(type, built);
  return built;
}

function buildPrior(type: ObservationType): TypeModel {
  const spec = SPECS[type];
  const fields: TypeModel['fields'] = {};
  for (const field of spec.fields) fields[field.name] = priorLevels(field);
  // Identity types decide on their value alone, so their prior is neutral.
  return { lambda: spec.learned ? 1e-4 : 0.5, observations: 0, fields, termFrequencies: {} };
}

function priorLevels(field: FieldSpec<unknown>): Record<string, LevelParameters> {
  const defaults = defaultPriors(field.levels.length);
  return Object.fromEntries(
    field.levels.map((level, i) => [
      level,
      { m: field.priorM?.[i] ?? defaults.m[i] ?? 0, u: field.priorU?.[i] ?? defaults.u[i] ?? 1 },
    ]),
  );
}

export function typeModelOf(model: Model, type: ObservationType): TypeModel {
  return model.types[type] ?? priorTypeModel(type);
}

const log2 = Math.log2;

export function logOdds(p: number): number {
  return log2(p / (1 - p));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Weight of one field at one level; an exact match of a value adjusted by its frequency. */
function fieldWeight(tm: TypeModel, field: FieldSpec<unknown>, level: string, a: Prepared): number {
  const p = tm.fields[field.name]?.[level];
  if (p === undefined) return 0;
  if (level === field.levels[0] && field.termFrequencyValue) {
    const value = field.termFrequencyValue(a.features);
    const tf = value === undefined ? undefined : tm.termFrequencies[field.name]?.[value];
    // Splink's adjustment: u for "both have value v" is v's frequency, not the average.
    if (tf !== undefined) return log2(p.m / tf);
    const fallback = tm.observations > 0 ? 1 / tm.observations : p.u;
    return log2(p.m / Math.min(p.u, fallback));
  }
  return log2(p.m / p.u);
}

/** Scores a pair; the lower id is always "a", so a score never depends on argument order. */
export function scorePrepared(tm: TypeModel, first: Prepared, second: Prepared): Score {
  const [a, b] = first.id <= second.id ? [first, second] : [second, first];
  const fields = SPECS[a.type].fields;
  const vector = compareVector(a, b);
  const evidence: Evidence[] = [];
  let evidenceWeight = 0;
  fields.forEach((field, i) => {
    const index = vector[i] ?? -1;
    if (index < 0) return;
    const level = field.levels[index] ?? 'else';
    const weight = fieldWeight(tm, field, level, a);
    evidence.push({ field: field.name, level, weight });
    evidenceWeight += weight;
  });
  const weight = logOdds(tm.lambda) + evidenceWeight;
  return { weight, probability: probabilityOf(weight), evidenceWeight, evidence };
}

/**
 * The highest weight any partner could give this observation: every field it has agreeing at
 * the level worth most (an exact match of its rarest possible value), every field it lacks
 * adding nothing, as in `scorePrepared`. An observation whose ceiling stays below a threshold
 * can never reach it with anything, so resolution need not look for partners at all: a
 * place known by its name alone, say, which CI-14 never lets merge and whose name weighs too
 * little to propose.
 */
export function ceilingWeight(tm: TypeModel, p: Prepared): number {
  const best = bestFieldWeights(tm, p.type);
  let evidenceWeight = 0;
  SPECS[p.type].fields.forEach((field, i) => {
    // Comparing with itself is null exactly when the observation lacks the field.
    if (field.compare(p.features, p.features) !== null) evidenceWeight += best[i] ?? 0;
  });
  return logOdds(tm.lambda) + evidenceWeight;
}

const bestWeights = new WeakMap<TypeModel, number[]>();

/** Per field of the type, the most any level of it weighs under `tm` (built once per model). */
function bestFieldWeights(tm: TypeModel, type: ObservationType): number[] {
  const cached = bestWeights.get(tm);
  if (cached) return cached;
  const best = SPECS[type].fields.map((field) =>
    Math.max(...field.levels.map((level) => bestLevelWeight(tm, field, level))),
  );
  bestWeights.set(tm, best);
  return best;
}

function bestLevelWeight(tm: TypeModel, field: FieldSpec<unknown>, level: string): number {
  const p = tm.fields[field.name]?.[level];
  if (p === undefined) return 0;
  if (level !== field.levels[0] || !field.termFrequencyValue) return log2(p.m / p.u);
  // fieldWeight takes the frequency from the pair's lower id, which may be either side.
  const fallback = tm.observations > 0 ? 1 / tm.observations : p.u;
  const frequencies = Object.values(tm.termFrequencies[field.name] ?? {});
  return log2(p.m / frequencies.reduce((a, b) => Math.min(a, b), Math.min(p.u, fallback)));
}

/** Scores two raw observations of the same type. */
export function score(model: Model, a: Observation, b: Observation): Score {
  if (a.type !== b.type) throw new Error(`cannot compare a ${a.type} with a ${b.type}`);
  return scorePrepared(typeModelOf(model, a.type), prepare(a), prepare(b));
}
