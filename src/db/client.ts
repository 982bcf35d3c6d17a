import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Contrib extensions the migrations create. PostgreSQL ships them; PGlite must load each one
 * when it opens, so every PGlite in the project (server, tests, benchmarks) is opened with these.
 */
export const pgliteExtensions = { fuzzystrmatch, pg_trgm, unaccent };

/** PGlite keeps its files here, inside the Watchfloor data directory. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

export async function openPglite(pglite: PGlite): Promise<Database> {
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => pglite.close(),
  };
}

export function openPostgres(url: string, max = 10): Database {
  // JIT off: requests here are interactive. At a million records the costs of the analysis
  // queries cross jit_above_cost, and the plans of the slowest (bench:analysis) spent their
  // compile time on every request; the graph module measured 19 ms of JIT on a sub-ms query.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // An idle client that errors (e.g. the server restarts) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema });
  return {
    db: db,
    kind: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder }),
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  return openPglite(new PGlite(pgliteDir(opts.dataDir), { extensions: pgliteExtensions }));
}
