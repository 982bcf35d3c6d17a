/**
 * Re-resolution after a retrain, as a plan over the entities that exist now. Batch clustering
 * (`resolveBatch`) starts from single observations and would happily rebuild entities an
 * analyst split or keep apart pairs an analyst merged; this starts from the current entities
 * instead and only ever adds: merge-grade pairs (strongest first, as in batch) join two
 * entities unless that would put together two observations the model calls different
 * (the batch conflict guard) or two that an analyst kept apart (a rejected candidate, an
 * undone merge). Nothing already merged is taken apart, so analyst merges always stay.
 *
 * Pure: the database layer passes the current state in and applies what comes out.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import {
  compareLinks,
  decidePair,
  isConflict,
  type ClusteringOptions,
  type Link,
} from './clustering.ts';

export type CurrentObservation = { id: string; type: ObservationType; entityId: string };
export type ObservationPair = readonly [string, string];

export type PlanInput = {
  /** Every observation with the entity it is in now. */
  observations: readonly CurrentObservation[];
  /** Scored candidate pairs (from blocking), ids as in `observations`. */
  pairs: readonly Link[];
  /** Observation pairs an analyst said are different: their entities must stay apart. */
  keptApart: readonly ObservationPair[];
  /** Observation pairs of candidates already recorded (any status): not proposed again. */
  proposed: readonly ObservationPair[];
  options?: ClusteringOptions;
};

/** `survivor` is the entity the absorbed one ends up in once the whole plan is applied. */
export type PlannedMerge = { survivor: string; absorbed: string; link: Link };
export type PlannedCandidate = { a: string; b: string; link: Link };

export type Plan = {
  merges: PlannedMerge[];
  candidates: PlannedCandidate[];
  /** Merge-grade pairs not merged because an analyst kept their entities apart. */
  keptApart: number;
  /** Merge-grade pairs not merged because the two entities hold conflicting observations. */
  conflicts: number;
};

export function planReResolution(input: PlanInput): Plan {
  const groups = new EntityGroups(input.observations);
  const refused: Link[] = [];
  const candidates: Link[] = [];
  const mergeGrade: Link[] = [];
  for (const pair of input.pairs) {
    if (!groups.has(pair.a) || !groups.has(pair.b)) continue; // deleted since scoring
    const decision = decidePair(pair.type, pair.score, input.options);
    if (isConflict(pair.score, input.options)) groups.cannotLink(pair.a, pair.b, 'conflict');
    if (decision.kind === 'merge') mergeGrade.push({ ...pair, rule: decision.rule });
    else if (decision.kind === 'candidate') candidates.push({ ...pair, reason: decision.reason });
  }
  for (const [a, b] of input.keptApart) groups.cannotLink(a, b, 'analyst');
  const joins: { survivor: string; absorbed: string; link: Link }[] = [];
  let keptApart = 0;
  let conflicts = 0;
  for (const link of mergeGrade.sort(compareLinks)) {
    const outcome = groups.union(link.a, link.b);
    if (outcome === 'same') continue;
    if (typeof outcome === 'object') joins.push({ ...outcome, link });
    else {
      if (outcome === 'analyst') keptApart++;
      else conflicts++;
      const { rule: _rule, ...rest } = link;
      refused.push({ ...rest, reason: 'conflict' });
    }
  }
  const merges = joins.map((j) => ({ ...j, survivor: groups.root(j.survivor) }));
  const open = newCandidates(groups, [...candidates, ...refused], input);
  return { merges, candidates: open, keptApart, conflicts };
}

/**
 * Candidates between entities that are still apart, not analyst-separated, and not already
 * linked through possible associations: strongest first, a pair is proposed only when no
 * chain of recorded or newly proposed candidates joins its two entities yet (a maximum
 * spanning forest). Every entity a candidate would reach is still reached, once; without
 * this, n entities that agree only on a bare name (an agency named in n narratives, which
 * CI-14 does not let merge) would become n·(n−1)/2 candidates — 210,000 at 20,000 demo
 * records. A rejected candidate links nothing, so what it chained is proposed next time.
 */
function newCandidates(groups: EntityGroups, links: Link[], input: PlanInput): PlannedCandidate[] {
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const apart = new Set<string>();
  const linked = new Forest();
  const root = (o: string) => (groups.has(o) ? groups.rootOf(o) : undefined);
  for (const [a, b] of input.keptApart) {
    const [x, y] = [root(a), root(b)];
    if (x !== undefined && y !== undefined) apart.add(key(x, y));
  }
  for (const [a, b] of input.proposed) {
    const [x, y] = [root(a), root(b)];
    if (x !== undefined && y !== undefined && !apart.has(key(x, y))) linked.union(x, y);
  }
  const planned: PlannedCandidate[] = [];
  for (const link of links.sort(compareLinks)) {
    const [a, b] = [groups.rootOf(link.a), groups.rootOf(link.b)].sort() as [string, string];
    if (a === b || apart.has(key(a, b)) || !linked.union(a, b)) continue;
    planned.push({ a, b, link });
  }
  return planned;
}

/** Plain union-find over entity ids: which entities candidates already link. */
class Forest {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let r = x;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r) ?? r;
    this.parent.set(x, r);
    return r;
  }

  /** Joins the two; false when they were joined already. */
  union(x: string, y: string): boolean {
    const [rx, ry] = [this.find(x), this.find(y)];
    if (rx === ry) return false;
    this.parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
    return true;
  }
}

type UnionOutcome = 'same' | 'conflict' | 'analyst' | { survivor: string; absorbed: string };

/**
 * Union-find over entity ids, seeded with the current entities, with cannot-link pairs of
 * observations. The larger entity survives (ties: the smaller id), whatever the order.
 */
class EntityGroups {
  private readonly entityOf = new Map<string, string>();
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  private readonly cannot = new Map<string, { other: string; why: 'conflict' | 'analyst' }[]>();

  constructor(observations: readonly CurrentObservation[]) {
    for (const o of observations) {
      this.entityOf.set(o.id, o.entityId);
      this.parent.set(o.entityId, o.entityId);
      const list = this.members.get(o.entityId);
      if (list) list.push(o.id);
      else this.members.set(o.entityId, [o.id]);
    }
  }

  has(observationId: string): boolean {
    return this.entityOf.has(observationId);
  }

  root(entityId: string): string {
    let r = entityId;
    while (this.parent.get(r) !== r) r = this.parent.get(r) ?? r;
    this.parent.set(entityId, r);
    return r;
  }

  rootOf(observationId: string): string {
    return this.root(this.entityOf.get(observationId) ?? observationId);
  }

  cannotLink(a: string, b: string, why: 'conflict' | 'analyst'): void {
    if (!this.has(a) || !this.has(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.cannot.get(x);
      if (list) list.push({ other: y, why });
      else this.cannot.set(x, [{ other: y, why }]);
    }
  }

  union(a: string, b: string): UnionOutcome {
    const ra = this.rootOf(a);
    const rb = this.rootOf(b);
    if (ra === rb) return 'same';
    const [small, large] = this.isSmaller(ra, rb) ? [ra, rb] : [rb, ra];
    const smallMembers = this.members.get(small) ?? [];
    let why: 'conflict' | 'analyst' | undefined;
    for (const m of smallMembers) {
      for (const c of this.cannot.get(m) ?? []) {
        if (this.rootOf(c.other) === large && why !== 'analyst') why = c.why;
      }
    }
    if (why) return why;
    this.parent.set(small, large);
    const largeMembers = this.members.get(large) ?? [];
    for (const m of smallMembers) largeMembers.push(m);
    this.members.delete(small);
    return { survivor: large, absorbed: small };
  }

  private isSmaller(x: string, y: string): boolean {
    const sx = this.members.get(x)?.length ?? 0;
    const sy = this.members.get(y)?.length ?? 0;
    return sx !== sy ? sx < sy : x > y;
  }
}
