import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

/**
 * Observations whose copies of their record's fields — `record_at` (its date) and
 * `owner_agency_id` — differ from the record: none, whatever was written.
 */
export async function observationsOutOfStep(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from observations o join records r on r.id = o.record_id
        where o.record_at <> coalesce(r.occurred_from, r.entered_at)
           or o.owner_agency_id <> r.owner_agency_id`,
  );
  return row!.n;
}
