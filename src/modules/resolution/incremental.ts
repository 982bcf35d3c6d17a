/**
 * Incremental resolution as records are written: each new observation is blocked against
 * the indexed keys of every observation already stored, scored with the stored model, and
 * joins an entity, is linked as a possible association, or stays its own entity. It runs
 * inside the writer's transaction, set-based per batch: one query for all candidates,
 * decisions in memory (union-find, so a batch resolves against itself too), then one
 * UPDATE each for observations and entities.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { queryRows } from '../../db/raw.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import { blockingKeys, DEFAULT_MAX_BLOCK_SIZE } from './blocking.ts';
import type { Link } from './clustering.ts';
import type { Model } from './model.ts';
import { loadSettledPairs } from './kept-apart.ts';
import {
  canReachDecision,
  linkedEntities,
  resolveOne,
  type ExistingObservation,
} from './resolve.ts';
import { applyMergeEvents, type MergeEvent } from './resolution.repository.ts';
import { observationKeys, resolutionModel } from './resolution.table.ts';
import { insertCandidates } from './retrain.repository.ts';

export type NewObservation = {
  id: string;
  entityId: string;
  type: ObservationType;
  attributes: Record<string, unknown>;
};
type Stored = NewObservation;
export type ResolutionOutcome = {
  merges: number;
  candidates: number;
  entityOf: Map<string, string>;
  /** Entities (as they are after the batch) holding an observation stored before it. */
  heldBefore: ReadonlySet<string>;
};

const UNTRAINED: Model = { version: 1, types: {} };

export async function loadModel(tx: Db): Promise<Model> {
  const [row] = await tx
    .select({ model: resolutionModel.model })
    .from(resolutionModel)
    .where(eq(resolutionModel.id, 1));
  return row?.model ?? UNTRAINED;
}

/** Each new observation's blocking keys, by observation id. */
export type KeysOf = ReadonlyMap<string, string[]>;

/**
 * Stores the blocking keys of new observations. Apart from resolution so a writer can store
 * a batch's rows (keys included) before the batch before it has committed, and resolve it
 * after: the inserts take no lock another batch's resolution waits for.
 */
export async function writeBlockingKeys(tx: Db, fresh: readonly NewObservation[]): Promise<KeysOf> {
  const keysOf = new Map(fresh.map((o) => [o.id, blockingKeys(o)]));
  await bulkInsert(
    tx,
    observationKeys,
    fresh.flatMap((o) => keysOf.get(o.id)!.map((key) => ({ observationId: o.id, key }))),
  );
  return keysOf;
}

/** Resolves new observations whose keys `writeBlockingKeys` stored in this transaction. */
export async function resolveNewObservations(
  tx: Db,
  fresh: readonly NewObservation[],
  keysOf: KeysOf,
  now: Date,
): Promise<ResolutionOutcome> {
  const model = await loadModel(tx);
  // Most observations of places and organisations named in narratives can never be merged
  // or proposed (CI-14, and their name alone weighs too little), yet their names fill the
  // largest blocks: at 100,000 records they were more than half the stored observations a
  // batch read and scored.
  const deciding = fresh.filter((o) => canReachDecision(model, o));
  const byKey = await candidatesByKey(
    tx,
    [...new Set(deciding.flatMap((o) => keysOf.get(o.id)!))],
    fresh,
  );
  const scores = new Map<string, Link>();
  const settled = await loadSettledPairs(tx, [
    ...fresh.map((o) => o.entityId),
    ...linkedBeforeGrouping(model, deciding, keysOf, byKey, scores),
  ]);
  const parent = new Map<string, string>();
  const find = (e: string): string => {
    const p = parent.get(e);
    if (p === undefined || p === e) return e;
    const root = find(p);
    parent.set(e, root);
    return root;
  };
  const merges: MergeEvent[] = [];
  const candidates: { a: string; b: string; link: Link }[] = [];
  for (const o of deciding) {
    const decision = resolveOne(model, o, existingFor(o, keysOf.get(o.id)!, byKey, find), {
      scores,
    });
    if (decision.action === 'join') {
      for (const link of [decision.link, ...decision.alsoMerge]) {
        const survivor = find(decision.entityId);
        const absorbed = find(link.entityId === decision.entityId ? o.entityId : link.entityId);
        // An analyst kept these apart (rejected candidate, split): the bridge does not merge.
        if (absorbed !== survivor && !settled.isKeptApart(survivor, absorbed, find)) {
          parent.set(absorbed, survivor);
          merges.push({ survivor, absorbed, link });
        }
      }
    }
    for (const c of decision.candidates) candidates.push({ a: o.entityId, b: c.entityId, link: c });
  }
  await applyMergeEvents(
    tx,
    merges.map((m) => ({ ...m, moveTo: find(m.absorbed) })),
    'auto',
    now,
  );
  const open = await recordCandidates(tx, candidates, find, settled.settledUnder(find), now);
  const entityOf = new Map(fresh.map((o) => [o.id, find(o.entityId)]));
  const heldBefore = holdingStored(fresh, byKey, find);
  return { merges: merges.length, candidates: open, entityOf, heldBefore };
}

/**
 * The stored entities some new observation scores a merge or a possible association with,
 * each as stored (before this batch groups any). What analysts settled is loaded for these
 * only: a merge or candidate of the batch joins roots built of such entities alone (each
 * joined its root through such a link), so no settled pair outside them bears on it.
 */
function linkedBeforeGrouping(
  model: Model,
  deciding: readonly NewObservation[],
  keysOf: KeysOf,
  byKey: Map<string, Stored[]>,
  scores: Map<string, Link>,
): string[] {
  return deciding.flatMap((o) =>
    linkedEntities(
      model,
      o,
      existingFor(o, keysOf.get(o.id)!, byKey, (e) => e),
      { scores },
    ),
  );
}

/**
 * Entities, after the batch, that hold an observation stored before it. A batch's
 * observations meet stored ones only through their blocks, so every other entity holds
 * this batch's observations alone.
 */
function holdingStored(
  fresh: readonly NewObservation[],
  byKey: Map<string, Stored[]>,
  find: (e: string) => string,
): Set<string> {
  const freshIds = new Set(fresh.map((o) => o.id));
  return new Set(
    [...byKey.values()].flat().flatMap((s) => (freshIds.has(s.id) ? [] : [find(s.entityId)])),
  );
}

/**
 * The observations (new ones included) under each of `keys`, with the size limit applied in
 * the database: a key shared by very many observations says nothing (as in batch
 * resolution), and fetching its block would cost more as the center grows. Each observation
 * is read once however many keys it shares, and the batch's own are not read back at all.
 */
async function candidatesByKey(
  tx: Db,
  keys: string[],
  fresh: readonly NewObservation[],
): Promise<Map<string, Stored[]>> {
  const byKey = new Map<string, Stored[]>();
  if (keys.length === 0) return byKey;
  // Ids come back as one comma-joined string per key: the driver's parsing of a text array
  // of thousands of ids per batch cost more than the query.
  const blocks = (
    await queryRows<{ key: string; ids: string }>(
      tx,
      sql`
    select w.key, b.ids
    from (select distinct jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as key) w
    cross join lateral (
      select string_agg(k.observation_id::text, ',') as ids, count(*) as n from (
        select observation_id from observation_keys
        where key = w.key limit ${DEFAULT_MAX_BLOCK_SIZE + 1}
      ) k
    ) b
    where b.n between 1 and ${DEFAULT_MAX_BLOCK_SIZE}`,
    )
  ).map((b) => ({ key: b.key, ids: b.ids.split(',') }));
  const known = new Map<string, Stored>(fresh.map((o) => [o.id, o]));
  const missing = [...new Set(blocks.flatMap((b) => b.ids))].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows = await queryRows<{
      id: string;
      entity_id: string;
      type: ObservationType;
      attributes: Record<string, unknown>;
    }>(
      tx,
      sql`
      select o.id, o.entity_id, o.type, o.attributes from observations o
      where o.id in (select (jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb))::uuid)`,
    );
    for (const r of rows)
      known.set(r.id, { id: r.id, entityId: r.entity_id, type: r.type, attributes: r.attributes });
  }
  for (const { key, ids } of blocks)
    byKey.set(
      key,
      ids.flatMap((id) => known.get(id) ?? []),
    );
  return byKey;
}

/** The stored observations sharing a key with `o`, each under its current entity. */
function existingFor(
  o: NewObservation,
  keys: string[],
  byKey: Map<string, Stored[]>,
  find: (e: string) => string,
): ExistingObservation[] {
  const seen = new Map<string, ExistingObservation>();
  for (const key of keys) {
    for (const s of byKey.get(key) ?? []) {
      if (s.id !== o.id && s.type === o.type && !seen.has(s.id)) {
        seen.set(s.id, { entityId: find(s.entityId), observation: s });
      }
    }
  }
  return [...seen.values()];
}

async function recordCandidates(
  tx: Db,
  found: { a: string; b: string; link: Link }[],
  find: (e: string) => string,
  isSettled: (a: string, b: string) => boolean,
  now: Date,
) {
  const unique = new Map<string, (typeof found)[number]>();
  for (const c of found) {
    const [a, b] = [find(c.a), find(c.b)].sort();
    if (a === undefined || b === undefined || a === b || isSettled(a, b)) continue;
    unique.set(`${a}|${b}`, { ...c, a, b });
  }
  await insertCandidates(tx, [...unique.values()], now);
  return unique.size;
}
