import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { entities } from '../entities/entities.table.ts';
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
