/**
 * What resolution knows about one observation type: how to prepare its attributes once, which
 * blocking keys it emits, which fields it compares and with what levels. Everything else in
 * the module (training, scoring, clustering) is generic over these specs, so adding a type or
 * a field is a change here and nowhere else.
 */
import type { ObservationType } from '../entities/observation-types.ts';

/**
 * An observation as resolution sees it: the database row's id, its type, and attributes as
 * `observationAttributeSchemas` describe them. Attributes are read defensively (unknown
 * shapes are ignored), so a row written under an older schema cannot break resolution.
 */
export type Observation = {
  id: string;
  type: ObservationType;
  attributes: Readonly<Record<string, unknown>>;
};

export type FieldSpec<F> = {
  name: string;
  /** Strongest agreement first, disagreement last. */
  levels: readonly string[];
  /** The level two prepared observations reach, or null when either lacks the value. */
  compare(a: F, b: F): string | null;
  /** The value whose frequency adjusts the weight of an exact match (common surnames). */
  termFrequencyValue?(f: F): string | undefined;
  /** Starting m and u per level for EM, and the fallback when a type has too little data. */
  priorM?: readonly number[];
  priorU?: readonly number[];
};

export type TypeSpec<F> = {
  type: ObservationType;
  prepare(attributes: Readonly<Record<string, unknown>>): F;
  /** Strings `<type>:<family>:<value…>`, stored and indexed by the database layer. */
  blockingKeys(f: F): string[];
  fields: readonly FieldSpec<F>[];
  /**
   * Per blocking-key family, the fields that family's key already forces to agree. EM is run
   * once per family on the pairs it produces, leaving those fields out (their agreement says
   * nothing there); their m comes from the other families' sessions.
   */
  sessions: Readonly<Record<string, readonly string[]>>;
  /**
   * Identity types (a phone is its number) are not learned: the normalised value is the
   * identity, and a probabilistic model over one field would add nothing but noise.
   */
  learned: boolean;
};

/** `p:dm:SM0:1970` → `p:dm`. */
export function keyFamily(key: string): string {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  return second < 0 ? key : key.slice(0, second);
}

export function readString(attrs: Readonly<Record<string, unknown>>, key: string) {
  const v = attrs[key];
  return typeof v === 'string' && v.trim().length > 0 ? v : undefined;
}

export function readNumber(attrs: Readonly<Record<string, unknown>>, key: string) {
  const v = attrs[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function readStrings(attrs: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = attrs[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function readObject(
  attrs: Readonly<Record<string, unknown>>,
  key: string,
): Readonly<Record<string, unknown>> | undefined {
  const v = attrs[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

export function readObjects(
  attrs: Readonly<Record<string, unknown>>,
  key: string,
): Readonly<Record<string, unknown>>[] {
  const v = attrs[key];
  if (!Array.isArray(v)) return [];
  return v.filter(
    (x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x),
  );
}

/** Default priors: agreement levels likely among matches, disagreement among non-matches. */
export function defaultPriors(levels: number): { m: number[]; u: number[] } {
  const m = Array.from({ length: levels }, (_, i) => (i === 0 ? 0.8 : 0.2 / (levels - 1)));
  const u = Array.from({ length: levels }, (_, i) => (i === levels - 1 ? 0.9 : 0.1 / (levels - 1)));
  return { m, u };
}

/** Priors for fields whose agreement is close to proof (numbers, serials, addresses). */
export const IDENTITY_PRIORS = { priorM: [0.99, 0.01], priorU: [1e-6, 1 - 1e-6] } as const;
