/**
 * What analysts and earlier runs already settled between entities, for automatic resolution
 * to respect: entities an analyst kept apart (a rejected possible association, an undone
 * merge) must not be merged or proposed again, and a pair already proposed (open or
 * confirmed) is not proposed twice.
 *
 * Decisions are stored against a pair of observations, not of entity ids, so they follow the
 * observations through later merges and splits: two entities are kept apart when one holds
 * one observation of a rejected pair and the other holds the other.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

type Find = (entityId: string) => string;
const same: Find = (e) => e;
export const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

export type SettledPairs = {
  /** Whether an analyst said these two entities (roots under `find`) are different. */
  isKeptApart(x: string, y: string, find?: Find): boolean;
  /**
   * A test for "kept apart, or already proposed": recording a candidate between the two
   * would repeat a decision. Built once for the entity roots under `find`.
   */
  settledUnder(find?: Find): (x: string, y: string) => boolean;
};

type Row = { kind: 'apart' | 'proposed'; ea: string; eb: string };

/**
 * The settled pairs touching these (current) entities. One query: the entities' merge
 * history (indexed on the survivor) gives every id their observations were recorded under;
 * candidates and undone merges on those ids give observation pairs; where those observations
 * are now gives the entity pairs.
 */
export async function loadSettledPairs(
  tx: Db,
  entityIds: readonly string[],
): Promise<SettledPairs> {
  const ids = [...new Set(entityIds)];
  const rows = ids.length === 0 ? [] : await queryRows<Row>(tx, settledQuery(ids));
  const pairs = rows.filter((r) => r.ea !== r.eb);
  const apart = pairs.filter((r) => r.kind === 'apart');
  return {
    isKeptApart: (x, y, find = same) =>
      apart.some((r) => pairKey(find(r.ea), find(r.eb)) === pairKey(x, y)),
    settledUnder: (find = same) => {
      const keys = new Set(pairs.map((r) => pairKey(find(r.ea), find(r.eb))));
      return (x, y) => keys.has(pairKey(x, y));
    },
  };
}

/**
 * Every branch is an index probe (`= any(array)`, and LATERAL … OFFSET 0 lookups the planner
 * cannot turn into hash joins): this runs on every write, and at a million records a
 * misestimated hash join read every observation and candidate (0.8 s per batch).
 */
function settledQuery(ids: readonly string[]) {
  return sql`
    with recursive history(id) as (
      select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid
      union
      select m.absorbed_entity_id from history h cross join lateral (
        select absorbed_entity_id from entity_merges
        where entity_id = h.id and undone_at is null offset 0
      ) m
    ),
    ids as materialized (select array_agg(id) as list from history),
    decided(kind, a, b) as (
      select case when c.status = 'rejected' then 'apart' else 'proposed' end,
             c.observation_a, c.observation_b
      from ids, entity_candidates c where c.entity_a = any(ids.list)
      union all
      select case when c.status = 'rejected' then 'apart' else 'proposed' end,
             c.observation_a, c.observation_b
      from ids, entity_candidates c where c.entity_b = any(ids.list)
      union all
      select 'apart', m.observation_a, m.observation_b
      from ids, entity_merges m where m.entity_id = any(ids.list) and m.undone_at is not null
      union all
      select 'apart', m.observation_a, m.observation_b
      from ids, entity_merges m
      where m.absorbed_entity_id = any(ids.list) and m.undone_at is not null
    )
    select d.kind, oa.entity_id as ea, ob.entity_id as eb
    from decided d
    cross join lateral (select entity_id from observations where id = d.a offset 0) oa
    cross join lateral (select entity_id from observations where id = d.b offset 0) ob`;
}
