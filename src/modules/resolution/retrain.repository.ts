/**
 * Data access for retraining and re-resolving. These reads bypass visibility on purpose
 * (`unsafe…`): the model learns from every observation the center holds and clustering must
 * see every entity; nothing read here is returned to a viewer, only counts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { queryRows } from '../../db/raw.ts';
import { newId } from '../../shared/ids.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import type { Model } from './model.ts';
import type { CurrentObservation, ObservationPair, PlannedCandidate } from './retrain-plan.ts';
import { entityCandidates, resolutionModel } from './resolution.table.ts';

export type StoredObservation = CurrentObservation & { attributes: Record<string, unknown> };

export async function unsafeReadAllObservations(db: Db): Promise<StoredObservation[]> {
  const rows = await queryRows<{
    id: string;
    type: ObservationType;
    entity_id: string;
    attributes: Record<string, unknown>;
  }>(db, sql`select id, type, entity_id, attributes from observations order by id`);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    entityId: r.entity_id,
    attributes: r.attributes,
  }));
}

/**
 * Holds entity writes (record writes, analyst decisions) until the re-resolution commits, so
 * the plan is made and applied on one state. Reads go on; a second retrain waits its turn.
 */
export async function lockEntitiesForReResolution(tx: Db): Promise<void> {
  await tx.execute(sql`lock table entities in share row exclusive mode`);
}

export async function unsafeCurrentEntities(tx: Db): Promise<CurrentObservation[]> {
  const rows = await queryRows<{ id: string; type: ObservationType; entity_id: string }>(
    tx,
    sql`select id, type, entity_id from observations`,
  );
  return rows.map((r) => ({ id: r.id, type: r.type, entityId: r.entity_id }));
}

/** Observation pairs analysts kept apart: rejected possible associations and undone merges. */
export async function analystSeparations(tx: Db): Promise<ObservationPair[]> {
  const rows = await queryRows<{ a: string; b: string }>(
    tx,
    sql`
    select observation_a as a, observation_b as b from entity_candidates where status = 'rejected'
    union
    select observation_a, observation_b from entity_merges where undone_at is not null`,
  );
  return rows.map((r) => [r.a, r.b] as const);
}

/** Observation pairs of every candidate recorded so far, whatever became of it. */
export async function recordedCandidatePairs(tx: Db): Promise<ObservationPair[]> {
  const rows = await queryRows<{ a: string; b: string }>(
    tx,
    sql`select observation_a as a, observation_b as b from entity_candidates`,
  );
  return rows.map((r) => [r.a, r.b] as const);
}

export async function storeModel(tx: Db, model: Model, trainedOn: number, now: Date) {
  await tx
    .insert(resolutionModel)
    .values({ id: 1, model, trainedOn, trainedAt: now })
    .onConflictDoUpdate({ target: resolutionModel.id, set: { model, trainedOn, trainedAt: now } });
}

export async function insertCandidates(
  tx: Db,
  candidates: readonly PlannedCandidate[],
  now: Date,
): Promise<void> {
  await bulkInsert(
    tx,
    entityCandidates,
    candidates.map((c) => ({
      id: newId(),
      entityA: c.a,
      entityB: c.b,
      observationA: c.link.a,
      observationB: c.link.b,
      probability: c.link.score.probability,
      weight: c.link.score.weight,
      evidence: c.link.score.evidence,
      reason: c.link.reason ?? null,
      createdAt: now,
    })),
  );
}
