/**
 * Data access for analyst decisions on resolution. Reads of observations are made for one
 * viewer and say, per observation, whether that viewer may see it: an analyst action must
 * know what it touches that its analyst cannot see (and refuse), not silently skip it.
 * The writes (`applyMergeEvents`, `undoMerge`) act on ids the caller has checked.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { newId } from '../../shared/ids.ts';
import { entities, observations } from '../entities/entities.table.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import { records } from '../records/records.table.ts';
import type { Link } from './clustering.ts';
import type { CandidateDecision } from './resolution.schemas.ts';
import { entityCandidates, entityMerges } from './resolution.table.ts';

export type Member = {
  id: string;
  entityId: string;
  type: ObservationType;
  attributes: Record<string, unknown>;
  visible: boolean;
};

/** One JSON parameter for a list of uuids of any length. */
function uuidList(ids: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
}

export function createResolutionRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const member = {
    id: observations.id,
    entityId: observations.entityId,
    type: observations.type,
    attributes: observations.attributes,
    visible: sql<boolean>`${visibleTo(viewer, records)}`.mapWith(Boolean),
  };
  return {
    /** These observations (those that still exist), each marked visible or not. */
    observations(ids: readonly string[]): Promise<Member[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .select(member)
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .where(sql`${observations.id} in ${uuidList(ids)}`)
        .orderBy(asc(observations.id));
    },
    /**
     * Locks what a decision on these entities will change, in the order every writer of
     * entities locks: the table in ROW EXCLUSIVE mode (so a re-resolution in progress is
     * waited for, never deadlocked with), then their observations, then the entity rows (in
     * id order). Returns every observation of them, marked visible or not to the viewer.
     */
    async lockForDecision(entityIds: readonly string[]) {
      const ids = [...new Set(entityIds)];
      await db.execute(sql`lock table entities in row exclusive mode`);
      const members: Member[] = await db
        .select(member)
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .where(inArray(observations.entityId, ids))
        .orderBy(asc(observations.id))
        .for('update', { of: observations });
      const rows = await db
        .select({ id: entities.id, type: entities.type, mergedIntoId: entities.mergedIntoId })
        .from(entities)
        .where(inArray(entities.id, ids))
        .orderBy(asc(entities.id))
        .for('update');
      return { members, entities: rows };
    },
    async lockCandidate(id: string) {
      const [row] = await db
        .select()
        .from(entityCandidates)
        .where(eq(entityCandidates.id, id))
        .for('update');
      return row;
    },
    async decideCandidate(id: string, decision: CandidateDecision, now: Date) {
      const { status, outcome } = decision;
      await db
        .update(entityCandidates)
        .set({ status, outcome, decidedByUserId: viewer.userId, decidedAt: now })
        .where(and(eq(entityCandidates.id, id), eq(entityCandidates.status, 'open')));
    },
    async lockMerge(id: string) {
      const [row] = await db
        .select()
        .from(entityMerges)
        .where(eq(entityMerges.id, id))
        .for('update');
      return row;
    },
  };
}

export type ResolutionRepository = ReturnType<typeof createResolutionRepository>;

/**
 * `survivor` is the entity the absorbed one merged into; its observations go to `moveTo`
 * (default: the survivor), the final entity when one batch merges in a chain.
 */
export type MergeEvent = { survivor: string; absorbed: string; link: Link; moveTo?: string };
export type AppliedMerge = {
  id: string;
  survivor: string;
  absorbed: string;
  observationIds: string[];
};

/**
 * Applies merges set-based: one UPDATE moves observations, one marks the absorbed entities,
 * one INSERT records each merge with its evidence and the observations it moved (so that a
 * split can put back exactly those).
 */
export async function applyMergeEvents(
  tx: Db,
  events: readonly MergeEvent[],
  decidedBy: string,
  now: Date,
): Promise<AppliedMerge[]> {
  if (events.length === 0) return [];
  const mapping = JSON.stringify(
    events.map((e) => ({ absorbed: e.absorbed, survivor: e.moveTo ?? e.survivor })),
  );
  const moved = await queryRows<{ id: string; absorbed: string }>(
    tx,
    sql`
    update observations o set entity_id = m.survivor
    from jsonb_to_recordset(${mapping}::jsonb) as m(absorbed uuid, survivor uuid)
    where o.entity_id = m.absorbed returning o.id, m.absorbed`,
  );
  await tx.execute(sql`
    update entities e set merged_into_id = m.survivor, updated_at = ${now}
    from jsonb_to_recordset(${mapping}::jsonb) as m(absorbed uuid, survivor uuid)
    where e.id = m.absorbed`);
  const movedBy = new Map<string, string[]>();
  for (const r of moved) {
    const list = movedBy.get(r.absorbed);
    if (list) list.push(r.id);
    else movedBy.set(r.absorbed, [r.id]);
  }
  const applied = events.map((e) => ({
    id: newId(),
    survivor: e.survivor,
    absorbed: e.absorbed,
    observationIds: (movedBy.get(e.absorbed) ?? []).sort(),
    link: e.link,
  }));
  await bulkInsert(
    tx,
    entityMerges,
    applied.map((m) => ({
      id: m.id,
      entityId: m.survivor,
      absorbedEntityId: m.absorbed,
      observationA: m.link.a,
      observationB: m.link.b,
      observationIds: m.observationIds,
      probability: m.link.score.probability,
      weight: m.link.score.weight,
      evidence: m.link.score.evidence,
      rule: m.link.rule ?? null,
      decidedBy,
      createdAt: now,
    })),
  );
  return applied.map(({ link: _link, ...rest }) => rest);
}

/** Undoes one merge: `observationIds` go back to the absorbed entity, which is current again. */
export async function undoMerge(
  tx: Db,
  merge: { id: string; absorbedEntityId: string },
  observationIds: readonly string[],
  now: Date,
): Promise<void> {
  if (observationIds.length > 0) {
    await tx
      .update(observations)
      .set({ entityId: merge.absorbedEntityId })
      .where(sql`${observations.id} in ${uuidList(observationIds)}`);
  }
  await tx
    .update(entities)
    .set({ mergedIntoId: null, updatedAt: now })
    .where(eq(entities.id, merge.absorbedEntityId));
  await tx.update(entityMerges).set({ undoneAt: now }).where(eq(entityMerges.id, merge.id));
}
