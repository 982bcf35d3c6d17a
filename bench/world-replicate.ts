/**
 * Grows a seeded demo world to a target size by copying its records — each copy with its own
 * ids, its own entities (so a copy's people are new people, not more sightings of the same
 * ones) and its observations and blocking keys — when seeding the whole size through the
 * write path would take longer than a session: every seeded record is resolved against all
 * before it. Counts, facets, hotspots and trends then scale with the target size, while
 * neighbourhoods in the graph keep the size they had in the seeded world. Plain SQL on the
 * instance's own connection, so PGlite worlds grow the same way as PostgreSQL ones.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { queryRows } from '../src/db/raw.ts';

const RECORD_COLUMNS = `origin_center_id, version, kind, title, narrative, occurred_from, occurred_to,
  lat, lon, address, owner_agency_id, created_by_user_id, source, tlp, caveats, partner_share,
  network_share, releasable_to, notify_owner_on_hit, status, information_category, disposition,
  entered_at, validated_at, review_due_at, payload, created_at, updated_at, content_hash, h3_cell,
  county_fips`;

/** One copy of (at most) `missing` original records, their entities, observations and keys. */
const copyStatements = (copy: number, missing: number) => [
  `create temp table rmap on commit drop as
    select id as old, gen_random_uuid() as new from original order by id limit ${missing}`,
  `insert into records (id, source_record_id, ${RECORD_COLUMNS})
    select m.new, r.source_record_id || '~${copy}', ${RECORD_COLUMNS.replace(/(\w+)/g, 'r.$1')}
    from records r join rmap m on m.old = r.id`,
  `create temp table omap on commit drop as
    select o.id as old, gen_random_uuid() as new, o.entity_id from observations o
    join rmap m on m.old = o.record_id`,
  `create temp table emap on commit drop as
    select entity_id as old, gen_random_uuid() as new from (select distinct entity_id from omap) e`,
  `insert into entities (id, origin_center_id, version, type, created_at, updated_at)
    select m.new, e.origin_center_id, e.version, e.type, e.created_at, e.updated_at
    from entities e join emap m on m.old = e.id`,
  `insert into observations (id, origin_center_id, version, record_id, entity_id,
      type, role, attributes, text_start, text_end, record_at, owner_agency_id, created_at)
    select om.new, o.origin_center_id, o.version, rm.new, em.new, o.type, o.role, o.attributes,
      o.text_start, o.text_end, o.record_at, o.owner_agency_id, o.created_at
    from observations o join omap om on om.old = o.id join rmap rm on rm.old = o.record_id
    join emap em on em.old = o.entity_id`,
  `insert into observation_keys (observation_id, key)
    select om.new, k.key from observation_keys k join omap om on om.old = k.observation_id`,
];

/** Copies the seeded records until the world holds `target`; returns the final count. */
export async function replicateWorld(
  db: Db,
  target: number,
  log: (message: string) => void,
): Promise<number> {
  const count = async () =>
    Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from records`))[0]!.n);
  await db.execute(sql`create temp table original as select id from records`);
  for (let copy = 1; ; copy++) {
    const missing = target - (await count());
    if (missing <= 0) break;
    log(`copy ${copy}, ${missing} records to go`);
    await db.transaction(async (tx) => {
      for (const statement of copyStatements(copy, missing)) await tx.execute(sql.raw(statement));
    });
  }
  await db.execute(sql`drop table original`);
  await db.execute(sql`vacuum analyze`);
  return count();
}
