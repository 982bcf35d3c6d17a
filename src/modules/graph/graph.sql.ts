/**
 * SQL fragments the graph queries share. Arrays go in as one bound parameter in PostgreSQL
 * array-literal form, so `= any(...)` uses the btree indexes and the statement text does not
 * grow with the frontier.
 */
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { records } from '../records/records.table.ts';
import type { GraphFilter } from './graph.schemas.ts';

/** `records r` in hand-written SQL; visibleTo(viewer, r) then names the alias's columns. */
export const r = alias(records, 'r');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[a-z_]+$/;

export function uuids(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export function tokens(values: readonly string[]): SQL {
  for (const v of values) if (!TOKEN.test(v)) throw new Error(`not a token: ${v}`);
  return sql`${`{${values.join(',')}}`}::text[]`;
}

/** Records the viewer may see. */
export function visibleRecord(viewer: Viewer): SQL {
  return visibleTo(viewer, r);
}

/** A record the viewer may see that passes the kind and date filters: it may support an edge. */
export function supportingRecord(viewer: Viewer, f: GraphFilter): SQL {
  const parts = [visibleTo(viewer, r)];
  if (f.recordKinds) parts.push(sql`r.kind = any(${tokens(f.recordKinds)})`);
  if (f.occurredAfter) parts.push(sql`r.occurred_from >= ${f.occurredAfter}::timestamptz`);
  if (f.occurredBefore) parts.push(sql`r.occurred_from <= ${f.occurredBefore}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/** True when the observation's entity type is allowed (or the entity is always allowed). */
export function allowedType(
  column: SQL,
  entity: SQL,
  f: GraphFilter,
  always: readonly string[] = [],
): SQL {
  if (!f.entityTypes) return sql`true`;
  const typeOk = sql`${column} = any(${tokens(f.entityTypes)})`;
  return always.length === 0 ? typeOk : sql`(${typeOk} or ${entity} = any(${uuids(always)}))`;
}

/** The entity has at least one observation in a record the viewer may see. */
export function entityIsVisible(viewer: Viewer, entity: SQL): SQL {
  return sql`exists (select 1 from observations vo join records r on r.id = vo.record_id
    where vo.entity_id = ${entity} and ${visibleRecord(viewer)})`;
}

/**
 * Hand-written queries get timestamps as the drivers hand them over (Drizzle leaves them as
 * text on both): make them Dates, as the typed query builder would.
 */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}
