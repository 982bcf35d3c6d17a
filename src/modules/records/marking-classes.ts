import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { markingClasses } from './marking-classes.table.ts';
import { records } from './records.table.ts';

/** The ids of the classes the viewer may see: the visibility rule, unchanged, once per class. */
const visibleClassIds = (viewer: Viewer) =>
  sql`select ${markingClasses.id} from ${markingClasses} where ${visibleTo(viewer, markingClasses)}`;

/**
 * Records the viewer may see, by their marking class (ADR 0010): the rule applied to each of
 * the few thousand classes once, and each record kept when its class is one of those. A record
 * is visible this way exactly when it is by its own columns (visibility.property.test.ts).
 * For statements that read many records; a single record or a page of ids keeps `visibleTo`
 * on its own columns.
 *
 * The classes are a subquery of the same statement (one snapshot, no gap between reading the
 * classes and the records), which PostgreSQL joins as a hash: one lookup per record. A list
 * read beforehand and bound as constants cost the planner 6–10 ms per statement at 2,800
 * classes (an estimate per element); a hashed subplan filter cost more per row than the join.
 */
export function inVisibleClasses(viewer: Viewer): SQL {
  return sql`${records.markingClass} in (${visibleClassIds(viewer)})`;
}

/**
 * The same records, for a step down an index that stops at the first one visible (min and
 * max by date). The classes come as one array, so the statement stays on one table and keeps
 * its index step; a join would make it read every row.
 */
export function inVisibleClassList(viewer: Viewer): SQL {
  return sql`${records.markingClass} = any(array(${visibleClassIds(viewer)}))`;
}
