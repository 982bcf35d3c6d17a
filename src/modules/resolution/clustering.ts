/**
 * From scored pairs to entities. A pair is merged when its match probability reaches the
 * auto-merge threshold and its evidence meets the CI-14 minimum; it is a "possible
 * association" candidate when it reaches the candidate threshold (or was refused a merge);
 * below that nothing is recorded.
 *
 * Merges are applied strongest first with union-find, and a merge that would put two
 * observations whose own comparison says "different" (field evidence below `conflictBelow`
 * bits) into one entity is refused — the guard against chaining A≈B≈C into one entity when A
 * and C are plainly not the same person. Edges are ordered by (weight, ids), so the result
 * depends only on the set of pairs, never on input order.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import {
  DEFAULT_MINIMUM_EVIDENCE,
  satisfiedRule,
  type MinimumEvidence,
} from './minimum-evidence.ts';
import type { Score } from './model.ts';

export type Thresholds = { autoMerge: number; candidate: number };

/**
 * Shipped thresholds, chosen before any result was measured, from what a wrong answer costs:
 *
 * - autoMerge 0.99: a false merge attaches one person's records to another — the harm CI-14
 *   exists to prevent — while a missed merge only costs an analyst a review. At 0.99 the
 *   model must see odds of 99:1, about 6.6 bits of evidence beyond even, which no single
 *   coincidence (a shared common surname, a shared birth year) supplies. Fellegi–Sunter
 *   probabilities are over-confident where fields are correlated, which argues for margin.
 * - candidate 0.5: a possible association is proposed when the model thinks a match more
 *   likely than not. Lower would flood analysts with pairs that are mostly wrong; and 0.5 is
 *   the threshold the published comparison (Splink on FEBRL) uses, so merges plus candidates
 *   are directly comparable to it.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { autoMerge: 0.99, candidate: 0.5 };

/** Field evidence below this many bits means the pair itself says "different entities". */
export const DEFAULT_CONFLICT_BELOW = 0;

export type ClusteringOptions = {
  thresholds?: Thresholds;
  minimumEvidence?: MinimumEvidence;
  conflictBelow?: number;
};

export type ScoredPair = { a: string; b: string; type: ObservationType; score: Score };

export type Refusal = 'below_auto_merge' | 'minimum_evidence' | 'conflict';

/** A scored pair with what became of it: merged under `rule`, or a candidate for `reason`. */
export type Link = ScoredPair & { rule?: string; reason?: Refusal };

export type PairDecision =
  { kind: 'merge'; rule: string } | { kind: 'candidate'; reason: Refusal } | { kind: 'none' };

export function decidePair(
  type: ObservationType,
  score: Score,
  options: ClusteringOptions = {},
): PairDecision {
  const { autoMerge, candidate } = options.thresholds ?? DEFAULT_THRESHOLDS;
  if (score.probability >= autoMerge) {
    const rule = satisfiedRule(
      type,
      score.evidence,
      options.minimumEvidence ?? DEFAULT_MINIMUM_EVIDENCE,
    );
    return rule === undefined
      ? { kind: 'candidate', reason: 'minimum_evidence' }
      : { kind: 'merge', rule };
  }
  return score.probability >= candidate
    ? { kind: 'candidate', reason: 'below_auto_merge' }
    : { kind: 'none' };
}

export function isConflict(score: Score, options: ClusteringOptions = {}): boolean {
  return score.evidenceWeight < (options.conflictBelow ?? DEFAULT_CONFLICT_BELOW);
}

export type Cluster = {
  /** The smallest observation id in it: stable, so re-running gives the same ids. */
  id: string;
  type: ObservationType;
  observationIds: string[];
  /** The merges that built it (a spanning tree), each with its evidence. */
  merges: Link[];
};

export type ClusteringResult = { clusters: Cluster[]; candidates: Link[] };

/** Deterministic edge order: strongest first, ties by ids. */
export function compareLinks(x: ScoredPair, y: ScoredPair): number {
  return y.score.weight - x.score.weight || cmp(x.a, y.a) || cmp(x.b, y.b);
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function cluster(
  observations: readonly { id: string; type: ObservationType }[],
  pairs: readonly ScoredPair[],
  options: ClusteringOptions = {},
): ClusteringResult {
  const forest = new Forest(observations.map((o) => o.id));
  const merges: Link[] = [];
  const candidates: Link[] = [];
  for (const pair of pairs) {
    const decision = decidePair(pair.type, pair.score, options);
    if (isConflict(pair.score, options)) forest.addConflict(pair.a, pair.b);
    if (decision.kind === 'merge') merges.push({ ...pair, rule: decision.rule });
    else if (decision.kind === 'candidate') candidates.push({ ...pair, reason: decision.reason });
  }
  const accepted: Link[] = [];
  for (const link of merges.sort(compareLinks)) {
    if (forest.union(link.a, link.b)) accepted.push(link);
    else if (forest.find(link.a) !== forest.find(link.b)) {
      const { rule: _rule, ...refused } = link;
      candidates.push({ ...refused, reason: 'conflict' });
    }
  }
  return {
    clusters: buildClusters(observations, forest, accepted),
    candidates: candidates
      .filter((c) => forest.find(c.a) !== forest.find(c.b))
      .sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b)),
  };
}

function buildClusters(
  observations: readonly { id: string; type: ObservationType }[],
  forest: Forest,
  accepted: readonly Link[],
): Cluster[] {
  const byRoot = new Map<string, Cluster>();
  const sorted = [...observations].sort((x, y) => cmp(x.id, y.id));
  for (const o of sorted) {
    const root = forest.find(o.id);
    const found = byRoot.get(root);
    if (found) found.observationIds.push(o.id);
    else byRoot.set(root, { id: o.id, type: o.type, observationIds: [o.id], merges: [] });
  }
  for (const link of accepted) byRoot.get(forest.find(link.a))?.merges.push(link);
  return [...byRoot.values()];
}

/** Union-find over observation ids, with member lists and cannot-link pairs. */
class Forest {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  private readonly conflicts = new Map<string, string[]>();

  constructor(ids: readonly string[]) {
    for (const id of ids) {
      this.parent.set(id, id);
      this.members.set(id, [id]);
    }
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root && this.parent.has(root))
      root = this.parent.get(root) ?? root;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  addConflict(a: string, b: string): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.conflicts.get(x);
      if (list) list.push(y);
      else this.conflicts.set(x, [y]);
    }
  }

  /** Joins the two sets unless they already are one or hold a conflicting pair. */
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    const [small, large] = this.size(ra) <= this.size(rb) ? [ra, rb] : [rb, ra];
    const smallMembers = this.members.get(small) ?? [];
    for (const m of smallMembers) {
      for (const c of this.conflicts.get(m) ?? []) if (this.find(c) === large) return false;
    }
    // The larger root survives, whatever the order ids arrived in: sizes, not arrival.
    this.parent.set(small, large);
    const largeMembers = this.members.get(large) ?? [];
    for (const m of smallMembers) largeMembers.push(m);
    this.members.delete(small);
    return true;
  }

  private size(root: string): number {
    return this.members.get(root)?.length ?? 0;
  }
}
