import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

/** Observations whose `record_at` is not their record's date: none, whatever was written. */
export async function observationsOutOfStep(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from observations o join records r on r.id = o.record_id
        where o.record_at <> coalesce(r.occurred_from, r.entered_at)`,
  );
  return row!.n;
}
