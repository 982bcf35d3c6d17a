import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { markingClasses } from './marking-classes.table.ts';
import { records } from './records.table.ts';

/**
 * The marking classes (ADR 0010) a viewer may see: the visibility rule, unchanged, applied to
 * each class once. A record is visible exactly when its class is (visibility.property.test.ts).
 * A class added after this read is missing from it, so a statement using the list can only
 * leave out a record written in between, never show one the viewer may not see.
 */
export async function visibleMarkingClasses(db: Db, viewer: Viewer): Promise<number[]> {
  const rows = await db
    .select({ id: markingClasses.id })
    .from(markingClasses)
    .where(visibleTo(viewer, markingClasses));
  return rows.map((r) => r.id);
}

/**
 * Records of the given classes. The list goes in as one bound array, which PostgreSQL plans as
 * a constant: a hashed lookup per row, and a row estimate from the column's statistics.
 */
export function inMarkingClasses(ids: readonly number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not a class id: ${id}`);
  return sql`${records.markingClass} = any(${`{${ids.join(',')}}`}::int[])`;
}
