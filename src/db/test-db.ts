import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { describe, inject } from 'vitest';
import {
  openPglite,
  openPostgres,
  pgliteExtensions,
  type Database,
  type DatabaseKind,
} from './client.ts';
import { adminQuery, withDatabase } from './test-global-setup.ts';

/** Every database suite runs on PGlite, and on PostgreSQL when WATCHFLOOR_TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database of its own for one test file (or one test). */
export async function createTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const image = new Blob([readFileSync(inject('pgliteImage'))]);
    return openPglite(new PGlite({ loadDataDir: image, extensions: pgliteExtensions }));
  }
  const url = process.env['WATCHFLOOR_TEST_DATABASE_URL'];
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('PostgreSQL tests need WATCHFLOOR_TEST_DATABASE_URL');
  const name = `wf_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const database = openPostgres(withDatabase(url, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** `describe` once per database kind, naming the kind in the suite title. */
export function describeEachDatabase(title: string, fn: (kind: DatabaseKind) => void): void {
  for (const kind of testDatabaseKinds())
    describe(`${title} [${kind}]`, () => {
      fn(kind);
    });
}
