import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { users } from '../users/users.table.ts';
import { savedSearches } from './search.table.ts';

export type SavedSearchRow = typeof savedSearches.$inferSelect & { ownerUsername: string };

/**
 * Saved searches one viewer may see: their own, and those shared within their agency. A
 * search shared in another agency, or kept private by a colleague, does not exist for them.
 */
export function createSavedSearchesRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const mayRead: SQL = or(
    eq(savedSearches.userId, viewer.userId),
    and(eq(savedSearches.agencyId, viewer.agencyId), eq(savedSearches.sharedWithAgency, true)),
  )!;
  const columns = {
    id: savedSearches.id,
    userId: savedSearches.userId,
    agencyId: savedSearches.agencyId,
    name: savedSearches.name,
    sharedWithAgency: savedSearches.sharedWithAgency,
    query: savedSearches.query,
    createdAt: savedSearches.createdAt,
    updatedAt: savedSearches.updatedAt,
    ownerUsername: users.username,
  };
  return {
    async insert(row: typeof savedSearches.$inferInsert) {
      await db.insert(savedSearches).values(row);
    },
    async find(id: string): Promise<SavedSearchRow | undefined> {
      const [row] = await db
        .select(columns)
        .from(savedSearches)
        .innerJoin(users, eq(users.id, savedSearches.userId))
        .where(and(eq(savedSearches.id, id), mayRead));
      return row;
    },
    list(before: string | undefined, limit: number): Promise<SavedSearchRow[]> {
      return db
        .select(columns)
        .from(savedSearches)
        .innerJoin(users, eq(users.id, savedSearches.userId))
        .where(and(mayRead, before ? lt(savedSearches.id, before) : undefined))
        .orderBy(desc(savedSearches.id))
        .limit(limit);
    },
    async deleteOwn(id: string): Promise<boolean> {
      const deleted = await db
        .delete(savedSearches)
        .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, viewer.userId)))
        .returning({ id: savedSearches.id });
      return deleted.length > 0;
    },
  };
}
