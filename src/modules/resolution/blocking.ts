/**
 * Blocking: which pairs are worth scoring. Every observation emits a few string keys (see
 * each type's spec for the families and why); two observations are a candidate pair when they
 * share a key. The database stores the keys in an indexed column and looks candidates up by
 * key; the batch functions here do the same in memory.
 *
 * A key shared by very many observations (a common name in a large population) says little
 * and costs quadratically, so blocks above `maxBlockSize` are skipped and counted: the other
 * families still cover those pairs when they are likely matches.
 */
import { prepare, type Prepared } from './specs.ts';
import { keyFamily, type Observation } from './spec.ts';

export const DEFAULT_MAX_BLOCK_SIZE = 1000;

/**
 * The version of the recipe the type specs derive blocking keys with. Raise it whenever a
 * spec's keys change: stored keys are derived again at start-up (rekey.ts), or stored and
 * new observations would stop meeting where the recipes differ. 2: a person with a full
 * date of birth is keyed by surname code and that date (`p:sdob`) instead of surname code
 * and birth year (`p:dm`, kept for partial dates).
 */
export const BLOCKING_SCHEME = 2;

/** Blocking keys of one observation, for the database to store and index. */
export function blockingKeys(observation: Observation): string[] {
  return [...prepare(observation).keys];
}

/** key → indices into `prepared` of the observations that carry it. */
export function buildBlockIndex(prepared: readonly Prepared[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const key of p.keys) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}

/** A pair (i < j) of indices as one number, for cheap sets; exact while n² < 2^53. */
export function pairCode(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

export function decodePair(code: number, n: number): [number, number] {
  return [Math.floor(code / n), code % n];
}

export type CandidatePairs = {
  /** Every candidate pair, as pair codes. */
  all: Set<number>;
  /** The pairs each key family produced (a pair may be in several). */
  byFamily: Map<string, Set<number>>;
  skippedBlocks: number;
};

export function candidatePairs(
  prepared: readonly Prepared[],
  maxBlockSize = DEFAULT_MAX_BLOCK_SIZE,
): CandidatePairs {
  const n = prepared.length;
  const all = new Set<number>();
  const byFamily = new Map<string, Set<number>>();
  let skippedBlocks = 0;
  for (const [key, members] of buildBlockIndex(prepared)) {
    if (members.length < 2) continue;
    if (members.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    const family = keyFamily(key);
    let set = byFamily.get(family);
    if (!set) byFamily.set(family, (set = new Set()));
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const code = pairCode(members[x] ?? 0, members[y] ?? 0, n);
        set.add(code);
        all.add(code);
      }
    }
  }
  return { all, byFamily, skippedBlocks };
}

/** Whether two observations would be compared at all. */
export function shareBlockingKey(a: Prepared, b: Prepared): boolean {
  return a.type === b.type && a.keys.some((k) => b.keys.includes(k));
}
