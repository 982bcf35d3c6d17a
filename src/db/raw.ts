import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Rows of a hand-written query. Both drivers (PGlite and node-postgres) answer `execute`
 * with `{ rows }`; the row type is the caller's promise about its own SELECT/RETURNING.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
