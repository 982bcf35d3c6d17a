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
  /**
   * Calls `onNotify` whenever a transaction that sent NOTIFY on `channel` commits (in any
   * process, on PostgreSQL). Resolves to the function that stops listening. Best effort: a
   * listener lost with its connection is not restored, so callers keep a fallback poll.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
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
    listen: (channel, onNotify) => pglite.listen(channel, onNotify),
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
  const listener = new Listener(url);
  return {
    db: db,
    kind: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder }),
    close: async () => {
      await listener.close();
      await pool.end();
    },
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
  };
}

/**
 * LISTEN needs a session of its own (a pooled connection goes back to the pool): one client,
 * opened on first use, shared by every listener of the process, one LISTEN per channel.
 */
class Listener {
  #url: string;
  #client: Promise<pg.Client> | undefined;
  #handlers = new Map<string, Set<() => void>>();

  constructor(url: string) {
    this.#url = url;
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.#connect();
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    handlers.add(onNotify);
    return () => {
      handlers.delete(onNotify);
      return Promise.resolve();
    };
  }

  #connect(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = new pg.Client({ connectionString: this.#url });
      client.on('notification', (n) => {
        for (const handler of this.#handlers.get(n.channel) ?? []) handler();
      });
      // A lost connection loses its LISTENs: forget it, so the next listen reconnects.
      client.on('error', () => {
        this.#client = undefined;
        this.#handlers.clear();
      });
      await client.connect();
      return client;
    })();
    this.#client.catch(() => {
      this.#client = undefined;
    });
    return this.#client;
  }

  async close() {
    const client = await this.#client?.catch(() => undefined);
    this.#client = undefined;
    await client?.end();
  }
}

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  return openPglite(new PGlite(pgliteDir(opts.dataDir), { extensions: pgliteExtensions }));
}
