import { getTableColumns, getTableName, sql, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Inserts many rows with one bound parameter: the batch travels as a JSON array of objects
 * keyed by column name, and `jsonb_to_recordset` expands it server-side into typed columns.
 * Drizzle's multi-row INSERT binds every value separately and spends most of a bulk load
 * building the statement; this keeps the load set-based at a fraction of the CPU. Rows use
 * the table's TypeScript property names; every row must carry the same properties (absent
 * columns take their defaults).
 */
export async function bulkInsert<T extends PgTable>(
  tx: Db,
  table: T,
  rows: readonly InferInsertModel<T>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const all = getTableColumns(table);
  const columns = Object.keys(first).flatMap((key) => {
    const column = all[key];
    return column ? [{ key, name: column.name, type: column.getSQLType() }] : [];
  });
  // Written straight to text: an object per row only to stringify it doubled the garbage.
  const prefixes = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  const parts: string[] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    let text = '';
    for (let i = 0; i < columns.length; i++) text += prefixes[i]! + jsonValue(row[columns[i]!.key]);
    parts.push(text === '' ? '{}' : `${text}}`);
  }
  const payload = `[${parts.join(',')}]`;
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const definitions = sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${names} from jsonb_to_recordset(${payload}::jsonb) as t(${definitions})`,
  );
}

/** An absent property is NULL, as the key left out of the object would be. */
function jsonValue(value: unknown): string {
  if (value === undefined) return 'null';
  // A 64-bit integer travels as a string: a JSON number would lose its low bits.
  if (typeof value === 'bigint') return `"${value}"`;
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}
