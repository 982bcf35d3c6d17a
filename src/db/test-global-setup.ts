import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres, pgliteExtensions } from './client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    pgTemplate: string | null;
  }
}

/**
 * Migrates once per test run: a PGlite image every test file copies, and on PostgreSQL a
 * template database every test file clones (CREATE DATABASE … TEMPLATE). See ADR 0002.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'watchfloor-test-'));
  const pglite = await openPglite(new PGlite({ extensions: pgliteExtensions }));
  await pglite.migrate();
  const image = await (pglite as unknown as { db: { $client: PGlite } }).db.$client.dumpDataDir(
    'none',
  );
  const imagePath = join(dir, 'migrated.tar');
  writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteImage', imagePath);

  const url = process.env['WATCHFLOOR_TEST_DATABASE_URL'];
  let template: string | null = null;
  if (url) {
    template = `wf_tpl_${process.pid}`;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const database = openPostgres(withDatabase(url, template), 1);
    await database.migrate();
    await database.close();
  }
  project.provide('pgTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`wf_t_${process.pid}_%`, template],
      );
      for (const r of rows) await client.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await client.end();
    }
  };
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
