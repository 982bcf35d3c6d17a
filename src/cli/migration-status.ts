/**
 * Which migrations a database has, read from drizzle's bookkeeping table against the journal
 * in migrations/meta. Drizzle applies every journal entry newer than the newest row it
 * recorded, so "applied" is exactly the entries at or before that row.
 *
 * This belongs in src/db/ (e.g. Database.migrate() returning what it applied); it lives here
 * until then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Database } from '../db/client.ts';

export type MigrationStatus = { applied: string[]; pending: string[] };

type Journal = { entries: { tag: string; when: number }[] };

export function journalEntries(): Journal['entries'] {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return [...journal.entries].sort((a, b) => a.when - b.when);
}

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const entries = journalEntries();
  const newest = await newestAppliedAt(database);
  return {
    applied: entries.filter((e) => newest !== null && e.when <= newest).map((e) => e.tag),
    pending: entries.filter((e) => newest === null || e.when > newest).map((e) => e.tag),
  };
}

async function newestAppliedAt(database: Database): Promise<number | null> {
  const exists = firstRow(
    await database.db.execute(
      sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
    ),
  );
  if (exists?.['exists'] !== true) return null;
  const newest = firstRow(
    await database.db.execute(
      sql`select max(created_at)::text as "newest" from drizzle.__drizzle_migrations`,
    ),
  )?.['newest'];
  return typeof newest === 'string' ? Number(newest) : null;
}

/** Both drivers (PGlite and node-postgres) answer a raw query with `{ rows }`. */
function firstRow(result: unknown): Record<string, unknown> | undefined {
  return (result as { rows: Record<string, unknown>[] }).rows[0];
}
