/** The benchmarks' own PostgreSQL databases, made and dropped through the admin connection. */
import pg from 'pg';

export const ADMIN_URL =
  process.env['WATCHFLOOR_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the admin connection's server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

/** An empty database `name` (dropped first if it exists); returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

/** The server settings that move bulk-load figures most, to print beside them. */
export async function serverSettings(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
       where name in ('shared_buffers', 'autovacuum', 'synchronous_commit', 'max_wal_size')
       order by name`,
    );
    return `PostgreSQL server settings: ${rows.map((r) => `${r.name} ${r.setting}`).join(', ')}`;
  } finally {
    await client.end();
  }
}
