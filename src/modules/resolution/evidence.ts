import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { entities, observations } from '../entities/entities.table.ts';
import { entityCandidates, entityMerges } from './resolution.table.ts';

/** An entity id from an old link may have been merged since: follow it to the survivor. */
export async function currentEntityId(db: Db, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const [row] = await db
      .select({ next: entities.mergedIntoId })
      .from(entities)
      .where(eq(entities.id, current));
    if (!row?.next) return current;
    current = row.next;
  }
  return current;
}

/**
 * Why an entity is what it is: the merges into it and its open possible associations. Raw:
 * the caller shows only those whose observations its viewer may see.
 */
export async function mergesAndCandidatesOf(db: Db, entityId: string) {
  const merges = await db
    .select()
    .from(entityMerges)
    .where(and(eq(entityMerges.entityId, entityId), isNull(entityMerges.undoneAt)));
  const candidates = await db
    .select()
    .from(entityCandidates)
    .where(
      and(
        or(eq(entityCandidates.entityA, entityId), eq(entityCandidates.entityB, entityId)),
        eq(entityCandidates.status, 'open'),
      ),
    );
  return { merges, candidates };
}

/**
 * The confirmed associations of an entity: candidates an analyst confirmed without merging
 * (identity not established), found through their observations wherever those are now, so
 * they follow later merges and splits. One whose two observations have since come into one
 * entity is left out. Raw: the caller shows only those whose observations its viewer may see.
 */
export async function confirmedAssociationsOf(db: Db, entityId: string) {
  const oa = alias(observations, 'oa');
  const ob = alias(observations, 'ob');
  const rows = await db
    .select({ candidate: entityCandidates, entityOfA: oa.entityId, entityOfB: ob.entityId })
    .from(entityCandidates)
    .innerJoin(oa, eq(oa.id, entityCandidates.observationA))
    .innerJoin(ob, eq(ob.id, entityCandidates.observationB))
    .where(
      and(
        eq(entityCandidates.outcome, 'association'),
        or(eq(oa.entityId, entityId), eq(ob.entityId, entityId)),
        ne(oa.entityId, ob.entityId),
      ),
    )
    .orderBy(entityCandidates.decidedAt, entityCandidates.id);
  return rows.map((r) => ({
    ...r.candidate,
    otherEntityId: r.entityOfA === entityId ? r.entityOfB : r.entityOfA,
  }));
}
