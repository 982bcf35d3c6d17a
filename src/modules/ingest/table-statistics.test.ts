/**
 * A bulk load gathers the planner's statistics itself once it has added enough records, so
 * plans do not depend on autovacuum (PGlite has none). Whether a plan then uses an index is
 * the planner's business; what is checked here is that statistics exist when they should.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import { createTestDatabase, describeEachDatabase } from '../../db/test-db.ts';
import { tableStatistics } from './table-statistics.ts';

describeEachDatabase('table statistics during a bulk load', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.migrate();
  });
  afterAll(() => database.close());

  // -1: never analysed (PostgreSQL 14 and later).
  const counted = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`,
      )
    )[0]!.n;

  it('analyses the tables a load grows once 5,000 records are added, not before', async () => {
    expect(await counted('observations')).toBe(-1);
    const statistics = await tableStatistics(database.db);
    await statistics.added(4_999);
    expect(await counted('observations')).toBe(-1);
    await statistics.added(1);
    for (const table of ['records', 'observations', 'observation_keys', 'entity_merges'])
      expect(await counted(table), table).toBe(0);
  });
});
