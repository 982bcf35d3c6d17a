/**
 * The baseline the ingest pipeline is compared with: the same CSV parsed by the same parser,
 * and its bodies written as they are into one scratch table with no index, 1,000 rows per
 * INSERT through one JSON parameter (`bulkInsert`, as the pipeline's writers do). Parsing
 * and inserting are timed apart, so the baseline rate is the database's raw bulk insert.
 */
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bulkInsert } from '../src/db/bulk-insert.ts';
import type { Db } from '../src/db/client.ts';
import { queryRows } from '../src/db/raw.ts';
import { parseCsv } from '../src/modules/ingest/parsers/csv.ts';
import { newId } from '../src/shared/ids.ts';

const benchRaw = pgTable('bench_raw', {
  id: uuid('id').notNull(),
  sourceRecordId: text('source_record_id').notNull(),
  body: jsonb('body').notNull(),
});

export type BaselineResult = {
  rows: number;
  parseSeconds: number;
  insertSeconds: number;
  tableMiB: number;
};

const BATCH = 1000;

export async function runBaseline(db: Db, csvPath: string, mapping: string) {
  await db.execute(sql`drop table if exists bench_raw`);
  await db.execute(
    sql`create table bench_raw (id uuid not null, source_record_id text not null, body jsonb not null)`,
  );
  await db.execute(sql`checkpoint`);
  let batch: (typeof benchRaw.$inferInsert)[] = [];
  let rows = 0;
  let insertMs = 0;
  const start = performance.now();
  const flush = async () => {
    const t = performance.now();
    await bulkInsert(db, benchRaw, batch);
    insertMs += performance.now() - t;
    rows += batch.length;
    batch = [];
  };
  for await (const row of parseCsv(createReadStream(csvPath), { mapping })) {
    if (!row.ok) continue;
    batch.push({ id: newId(), sourceRecordId: row.sourceRecordId, body: row.body });
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  const totalMs = performance.now() - start;
  const [size] = await queryRows<{ bytes: string }>(
    db,
    sql`select pg_total_relation_size('bench_raw')::text as bytes`,
  );
  const result: BaselineResult = {
    rows,
    parseSeconds: (totalMs - insertMs) / 1000,
    insertSeconds: insertMs / 1000,
    tableMiB: Math.round(Number(size?.bytes ?? 0) / 2 ** 20),
  };
  await db.execute(sql`drop table bench_raw`);
  return result;
}
