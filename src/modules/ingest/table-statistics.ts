import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

/**
 * The tables an ingest job grows whose statistics steer the plans of its own statements
 * (resolution's lookups by entity, blocking key and merge history) and of the searches and
 * maps that read what it wrote.
 */
const GROWN = sql.raw(
  [
    'records',
    'observations',
    'observation_keys',
    'entities',
    'entity_merges',
    'entity_candidates',
    'search_words',
  ].join(', '),
);

/**
 * A job analyses once it has added as many records as the statistics last counted, and
 * never for fewer than this (a small import needs no fresh statistics).
 */
const AT_LEAST = 5_000;

/**
 * Keeps the planner's statistics in step with a bulk load, whether or not autovacuum runs:
 * PGlite has none, and a server's autovacuum may be off or behind. Without statistics the
 * planner guesses, and as the center grows its guesses go wrong: at 200,000 records never
 * analysed, the merge step of every batch scanned all 570,000 observations instead of using
 * the entity index. `ANALYZE` reads a fixed-size sample, so each one costs about the same
 * however large the center is, and analysing whenever the records have doubled since the
 * statistics last counted them keeps their number logarithmic in the job's size.
 */
export async function tableStatistics(db: Db) {
  let counted = await analysedRecords(db);
  let added = 0;
  return {
    /** After each commit: analyses the grown tables when enough records have been added. */
    async added(records: number): Promise<void> {
      added += records;
      if (added < Math.max(AT_LEAST, counted)) return;
      await db.execute(sql`analyze ${GROWN}`);
      counted = await analysedRecords(db);
      added = 0;
    },
  };
}

/** How many records the statistics counted when last gathered (none yet: 0). */
async function analysedRecords(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'records'::regclass`,
  );
  return row?.n ?? 0;
}
