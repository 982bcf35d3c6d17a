import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import { placeColumns } from './place.ts';

const PAGE = 5000;

/**
 * Records written before their place columns existed (migration 0006) get them at start-up,
 * a page at a time; the database cannot compute an H3 cell or a county by itself.
 */
export async function backfillPlaces(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await queryRows<{ id: string; lat: number; lon: number }>(
      db,
      sql`select id, lat, lon from records
          where lat is not null and lon is not null and h3_cell is null limit ${PAGE}`,
    );
    if (rows.length === 0) return done;
    const values = rows.map((r) => {
      const p = placeColumns(r);
      return { id: r.id, h3: String(p.h3Cell), county: p.countyFips };
    });
    await db.execute(sql`
      update records r set h3_cell = v.h3::bigint, county_fips = v.county
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, h3 text, county text)
      where r.id = v.id`);
    done += rows.length;
  }
}
