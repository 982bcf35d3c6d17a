import { sql, type SQL } from 'drizzle-orm';
import { markingColumns, type Marking } from '../../access/markings.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
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

/** The lock migration 0024's trigger takes before it adds a class. */
export const NEW_CLASS_LOCK = 7_472_617_362_210_024;

/**
 * Adds the classes of records about to be written, committed on their own before the
 * transaction that writes them, so the trigger finds every class there and takes no lock.
 * Otherwise the trigger's lock, held to the end of a bulk batch that brought a new class,
 * makes the next batch wait for that whole commit: with two batches open at once, 8.9 s of a
 * 24 s job waited there (20,000 records, session 11). A class whose batch then fails stays
 * behind and labels nothing, like the class of a purged record.
 */
export async function addMarkingClasses(
  db: Db,
  prepared: readonly { ownerAgencyId: string; marking: Marking }[],
): Promise<void> {
  // One row per distinct class, keyed by its own JSON: a batch of 1,000 brings a handful.
  const wanted = new Map<string, Record<string, unknown>>();
  for (const p of prepared) {
    const { tlp, caveats, partnerShare, releasableTo } = markingColumns(p.marking);
    const row = {
      owner_agency_id: p.ownerAgencyId,
      tlp,
      caveats,
      partner_share: partnerShare,
      releasable_to: releasableTo,
    };
    wanted.set(JSON.stringify(row), row);
  }
  if (wanted.size === 0) return;
  const payload = JSON.stringify([...wanted.values()]);
  const given = sql`jsonb_to_recordset(${payload}::jsonb) as t(owner_agency_id uuid, tlp text,
    caveats text[], partner_share text, releasable_to uuid[])`;
  const [missing] = await queryRows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from ${given}
    where not exists (select 1 from ${markingClasses} c
      where c.owner_agency_id = t.owner_agency_id and c.tlp = t.tlp and c.caveats = t.caveats
        and c.partner_share = t.partner_share and c.releasable_to = t.releasable_to)`,
  );
  if (!missing?.n) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${NEW_CLASS_LOCK})`);
    await tx.execute(sql`
      insert into ${markingClasses} (owner_agency_id, tlp, caveats, partner_share, releasable_to)
      select distinct owner_agency_id, tlp, caveats, partner_share, releasable_to from ${given}
      on conflict do nothing`);
  });
}
