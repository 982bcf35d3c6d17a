/**
 * Resolution end to end, in two shapes. `resolveBatch` takes every observation at once
 * (re-resolution after a configuration change, benchmarks). `resolveOne` decides for one
 * arriving observation against the entities whose observations share a blocking key with it —
 * the database looks those up by key and passes them in — applying the same thresholds,
 * CI-14 rules and conflict guard, so the two agree on the same data.
 *
 * Owns: scoring candidate pairs and turning scores into decisions. Does not own: storage,
 * ids, evidence tables, analyst confirmation/rejection, or visibility — the database layer
 * does those with what these functions return.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import {
  DEFAULT_MAX_BLOCK_SIZE,
  candidatePairs,
  decodePair,
  shareBlockingKey,
} from './blocking.ts';
import {
  DEFAULT_THRESHOLDS,
  cluster,
  compareLinks,
  decidePair,
  isConflict,
  type ClusteringOptions,
  type ClusteringResult,
  type Link,
} from './clustering.ts';
import {
  ceilingWeight,
  probabilityOf,
  scorePrepared,
  typeModelOf,
  type Model,
  type TypeModel,
} from './model.ts';
import type { Observation } from './spec.ts';
import { prepare, type Prepared } from './specs.ts';

export type ResolveOptions = ClusteringOptions & {
  maxBlockSize?: number;
  /**
   * Scores already computed, by `${a.id}|${b.id}` in canonical order: incremental
   * resolution compares each new observation with its block twice (which entities it links
   * to, then the decision) and scores each pair once.
   */
  scores?: Map<string, Link>;
};

export type BatchResult = ClusteringResult & {
  stats: { observations: number; candidatePairs: number; skippedBlocks: number };
};

export type ScoredCandidates = {
  pairs: Link[];
  stats: BatchResult['stats'];
};

/** Blocks and scores every candidate pair, per type; clustering is a separate step. */
export function scoreCandidatePairs(
  model: Model,
  observations: readonly Observation[],
  options: ResolveOptions = {},
): ScoredCandidates {
  const byType = new Map<ObservationType, Prepared[]>();
  for (const o of observations) {
    const list = byType.get(o.type) ?? [];
    list.push(prepare(o));
    byType.set(o.type, list);
  }
  const pairs: Link[] = [];
  let skippedBlocks = 0;
  for (const [type, prepared] of byType) {
    const tm = typeModelOf(model, type);
    const found = candidatePairs(prepared, options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE);
    skippedBlocks += found.skippedBlocks;
    for (const code of found.all) {
      const [i, j] = decodePair(code, prepared.length);
      pairs.push(scoredPair(tm, prepared[i] as Prepared, prepared[j] as Prepared));
    }
  }
  const stats = { observations: observations.length, candidatePairs: pairs.length, skippedBlocks };
  return { pairs, stats };
}

export function resolveBatch(
  model: Model,
  observations: readonly Observation[],
  options: ResolveOptions = {},
): BatchResult {
  const { pairs, stats } = scoreCandidatePairs(model, observations, options);
  return { ...cluster(observations, pairs, options), stats };
}

/** A pair scored with its ids in canonical order (lower id first). */
function scoredPair(tm: TypeModel, x: Prepared, y: Prepared): Link {
  const [a, b] = x.id <= y.id ? [x, y] : [y, x];
  return { a: a.id, b: b.id, type: a.type, score: scorePrepared(tm, a, b) };
}

function scoredOnce(tm: TypeModel, x: Prepared, y: Prepared, scores?: Map<string, Link>) {
  if (!scores) return scoredPair(tm, x, y);
  const key = x.id <= y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`;
  let link = scores.get(key);
  if (!link) scores.set(key, (link = scoredPair(tm, x, y)));
  return link;
}

/** An observation already resolved into an entity, found through a shared blocking key. */
export type ExistingObservation = { entityId: string; observation: Observation };

export type EntityLink = Link & { entityId: string };

export type ResolveDecision =
  | {
      action: 'join';
      entityId: string;
      /** The strongest merge-grade pair: the evidence to store for this merge. */
      link: EntityLink;
      /** Other entities the observation also merges with (it bridges them), strongest first. */
      alsoMerge: EntityLink[];
      candidates: EntityLink[];
    }
  | { action: 'new'; candidates: EntityLink[] };

type EntityView = { entityId: string; members: Prepared[]; merge?: EntityLink; conflict: boolean };
type Eligible = EntityView & { merge: EntityLink };

export function resolveOne(
  model: Model,
  observation: Observation,
  existing: readonly ExistingObservation[],
  options: ResolveOptions = {},
): ResolveDecision {
  const tm = typeModelOf(model, observation.type);
  const { entities, candidates } = scoreAgainstEntities(tm, observation, existing, options);
  const eligible = [...entities.values()]
    .filter((e): e is Eligible => e.merge !== undefined)
    .sort((x, y) => compareLinks(x.merge, y.merge));
  const joined: Eligible[] = [];
  for (const e of eligible) {
    // As in batch: no merge may bring together observations that conflict with each other.
    const clash =
      e.conflict || joined.some((j) => membersConflict(tm, j.members, e.members, options));
    if (clash) candidates.push(refused(e.merge));
    else joined.push(e);
  }
  const joinedIds = new Set(joined.map((j) => j.entityId));
  const open = bestPerEntity(candidates.filter((c) => !joinedIds.has(c.entityId)));
  const [first, ...rest] = joined;
  if (!first) return { action: 'new', candidates: open };
  return {
    action: 'join',
    entityId: first.entityId,
    link: first.merge,
    alsoMerge: rest.map((r) => r.merge),
    candidates: open,
  };
}

/**
 * Whether `observation` could be merged with, or proposed as, anything at all: its ceiling
 * reaches the candidate threshold. When it cannot, `resolveOne` decides "new, no candidates"
 * whatever it is compared with, so incremental resolution skips the lookup.
 */
export function canReachDecision(
  model: Model,
  observation: Observation,
  options: ResolveOptions = {},
): boolean {
  const { autoMerge, candidate } = options.thresholds ?? DEFAULT_THRESHOLDS;
  const ceiling = ceilingWeight(typeModelOf(model, observation.type), prepare(observation));
  return probabilityOf(ceiling) >= Math.min(autoMerge, candidate);
}

/**
 * The entities of `existing` that `observation` scores a merge or a possible association
 * with, as given (no grouping of entities merged meanwhile): every decision `resolveOne`
 * can make about it involves only these.
 */
export function linkedEntities(
  model: Model,
  observation: Observation,
  existing: readonly ExistingObservation[],
  options: ResolveOptions = {},
): string[] {
  const tm = typeModelOf(model, observation.type);
  const { entities, candidates } = scoreAgainstEntities(tm, observation, existing, options);
  return [
    ...[...entities.values()].flatMap((e) => (e.merge ? [e.entityId] : [])),
    ...candidates.map((c) => c.entityId),
  ];
}

/** Per existing entity: its members, its strongest merge-grade link, any conflict. */
function scoreAgainstEntities(
  tm: TypeModel,
  observation: Observation,
  existing: readonly ExistingObservation[],
  options: ResolveOptions,
) {
  const self = prepare(observation);
  const entities = new Map<string, EntityView>();
  const candidates: EntityLink[] = [];
  for (const { entityId, observation: other } of existing) {
    if (other.type !== observation.type || other.id === observation.id) continue;
    const member = prepare(other);
    const view = entities.get(entityId) ?? { entityId, members: [], conflict: false };
    entities.set(entityId, view);
    view.members.push(member);
    const link = { ...scoredOnce(tm, self, member, options.scores), entityId };
    const decision = decidePair(observation.type, link.score, options);
    if (isConflict(link.score, options)) view.conflict = true;
    if (decision.kind === 'merge') {
      if (!view.merge || compareLinks(link, view.merge) < 0) {
        view.merge = { ...link, rule: decision.rule };
      }
    } else if (decision.kind === 'candidate') {
      candidates.push({ ...link, reason: decision.reason });
    }
  }
  return { entities, candidates };
}

function refused(link: EntityLink): EntityLink {
  const { rule: _rule, ...rest } = link;
  return { ...rest, reason: 'conflict' };
}

function membersConflict(
  tm: TypeModel,
  xs: readonly Prepared[],
  ys: readonly Prepared[],
  options: ResolveOptions,
): boolean {
  // Only pairs that share a key: batch never scores the others, so never sees them conflict.
  return xs.some((x) =>
    ys.some((y) => shareBlockingKey(x, y) && isConflict(scorePrepared(tm, x, y), options)),
  );
}

/** One candidate link per entity — its strongest — strongest entity first. */
function bestPerEntity(links: readonly EntityLink[]): EntityLink[] {
  const best = new Map<string, EntityLink>();
  for (const link of links) {
    const current = best.get(link.entityId);
    if (!current || compareLinks(link, current) < 0) best.set(link.entityId, link);
  }
  return [...best.values()].sort(compareLinks);
}
