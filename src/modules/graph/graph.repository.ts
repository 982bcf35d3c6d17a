/**
 * Graph reads for one viewer, set-based: each query takes a whole frontier or node set as an
 * array and joins the visibility rule on every record it touches. An observation is visible
 * through its record, so an edge, a weight or a node exists only where a visible record says
 * so. Each frontier entity and each record is reached through a LATERAL index probe (with an
 * `offset 0` fence): the planner must walk observations(entity_id) and observations(record_id)
 * for the few rows it needs, never hash a whole table — which it would do on PGlite, where
 * tables are never analysed and `= any(array)` is guessed to match a quarter of the rows.
 * The graph reads observations, records and entities (never writes them): a traversal
 * needs them joined in one statement, which the other modules' per-entity functions cannot do.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { ObservationRole, ObservationType } from '../entities/observation-types.ts';
import type { VisibleObservation } from '../entities/entities.repository.ts';
import type { RecordKind } from '../records/record-kinds.ts';
import type { GraphFilter } from './graph.schemas.ts';
import {
  allowedType,
  entityIsVisible,
  supportingRecord,
  toDate,
  uuids,
  visibleRecord,
} from './graph.sql.ts';

export type Neighbour = { id: string; weight: number };
export type NeighbourPair = { src: string; dst: string; weight: number };
export type Incidence = {
  entityId: string;
  recordId: string;
  roles: ObservationRole[];
  occurredFrom: Date | null;
  /** Passes the kind/date filters (a seed or linked record may be shown without it). */
  supports: boolean;
  /** The record's node details, read in the same pass. */
  kind: RecordKind;
  title: string;
  ownerAgencyId: string;
};
export type RecordNodeRow = {
  id: string;
  kind: RecordKind;
  title: string;
  occurredFrom: Date | null;
  ownerAgencyId: string;
};
export type EntityObservations = { id: string; type: ObservationType; obs: VisibleObservation[] };

type NeighbourhoodRow = Omit<Incidence, 'roles' | 'supports' | 'kind' | 'title'> &
  Partial<Pick<Incidence, 'roles' | 'supports' | 'kind' | 'title'>> & {
    incidence: boolean;
  } & Omit<VisibleObservation, 'recordId' | 'agencyId' | 'recordOccurredFrom'>;

/** The two answers of `neighbourhood`, apart; timestamps as Dates. */
function splitNeighbourhood(rows: readonly NeighbourhoodRow[]) {
  const incidence: Incidence[] = [];
  const labels = new Map<string, EntityObservations>();
  for (const row of rows) {
    const occurredFrom = toDate(row.occurredFrom);
    if (row.incidence) {
      const { entityId, recordId, roles, supports, kind, title, ownerAgencyId } = row;
      incidence.push({
        ...{ entityId, recordId, roles: roles ?? [], supports: supports ?? false },
        ...{ kind: kind ?? 'incident', title: title ?? '', ownerAgencyId, occurredFrom },
      });
      continue;
    }
    let e = labels.get(row.entityId);
    if (!e) labels.set(row.entityId, (e = { id: row.entityId, type: row.type, obs: [] }));
    const { id, type, role, attributes, textStart, textEnd } = row;
    e.obs.push({
      ...{ id, type, role, attributes, textStart, textEnd },
      ...{ recordId: row.recordId, agencyId: row.ownerAgencyId, recordOccurredFrom: occurredFrom },
    });
  }
  return { incidence, labels: [...labels.values()] };
}

/** Observations per entity read to build its label (the latest ones): enough to vote. */
export const LABEL_OBSERVATIONS = 5;

export function createGraphRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  /**
   * Pairs (frontier entity, neighbour) with the number of supporting records, neighbours not
   * yet seen, of an allowed type and at least `minWeight` strong.
   */
  const pairs = (
    frontier: readonly string[],
    seen: readonly string[],
    f: GraphFilter,
    always: readonly string[],
  ): SQL => sql`
    src as (
      select distinct f.id as src, x.record_id
      from unnest(${uuids(frontier)}) f(id) cross join lateral (
        select o.record_id from observations o join records r on r.id = o.record_id
        where o.entity_id = f.id and ${supportingRecord(viewer, f)} offset 0
      ) x
    ),
    seen as (select unnest(${uuids(seen)}) as id),
    pair as (
      select s.src, y.entity_id as dst, count(distinct s.record_id)::int as weight
      from src s cross join lateral (
        select o2.entity_id, o2.type from observations o2 where o2.record_id = s.record_id offset 0
      ) y
      where not exists (select 1 from seen where seen.id = y.entity_id)
        and ${allowedType(sql`y.type`, sql`y.entity_id`, f, always)}
      group by s.src, y.entity_id
      having count(distinct s.record_id) >= ${f.minWeight}
    )`;

  return {
    /**
     * For the rest of the transaction, no JIT: a graph read is many small index probes, but
     * the planner's cost estimates for lateral loops and the merged-entity recursion pass the
     * JIT threshold, and compiling costs more than the query (PGlite has no JIT; harmless).
     */
    async withoutJit(): Promise<void> {
      await db.execute(sql`set local jit = off`);
    },

    /** The strongest unseen neighbours of a frontier (strongest first) and how many there are. */
    async neighbours(
      frontier: readonly string[],
      seen: readonly string[],
      f: GraphFilter,
      limit: number,
    ): Promise<{ rows: Neighbour[]; total: number }> {
      if (frontier.length === 0) return { rows: [], total: 0 };
      const rows = await queryRows<Neighbour & { total: number }>(
        db,
        sql`with ${pairs(frontier, seen, f, [])}
        select dst as id, max(weight)::int as weight, (count(*) over ())::int as total
        from pair group by dst order by weight desc, dst limit ${Math.max(limit, 1)}`,
      );
      return {
        rows: rows.slice(0, limit).map(({ id, weight }) => ({ id, weight })),
        total: rows[0]?.total ?? 0,
      };
    },

    /** Every (frontier, unseen neighbour) pair, for path search; `limit + 1` rows at most. */
    neighbourPairs(
      frontier: readonly string[],
      seen: readonly string[],
      f: GraphFilter,
      always: readonly string[],
      limit: number,
    ): Promise<NeighbourPair[]> {
      if (frontier.length === 0) return Promise.resolve([]);
      return queryRows<NeighbourPair>(
        db,
        sql`with ${pairs(frontier, seen, f, always)}
        select src, dst, weight from pair order by src, dst limit ${limit + 1}`,
      );
    },

    /** Entities seen in a record the viewer may see (of an allowed type), in id order. */
    async entitiesOfRecord(recordId: string, f: GraphFilter): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`select distinct o.entity_id as id
        from observations o join records r on r.id = o.record_id
        where o.record_id = ${recordId}::uuid and ${visibleRecord(viewer)}
          and ${allowedType(sql`o.type`, sql`o.entity_id`, f)}
        order by id`,
      );
      return rows.map((row) => row.id);
    },

    /**
     * One pass over every visible observation of `entities`: which entity appears in which
     * record (for records that join two of them, hold `seedEntity`, or are named in `keep`:
     * seed, linked and caller-named records), and each entity's latest few observations, to
     * label it. Reading both from the same rows halves the work of the largest expansions.
     */
    async neighbourhood(
      entities: readonly string[],
      f: GraphFilter,
      keep: readonly string[],
      seedEntity: string | null,
    ): Promise<{ incidence: Incidence[]; labels: EntityObservations[] }> {
      if (entities.length === 0) return { incidence: [], labels: [] };
      const rows = await queryRows<NeighbourhoodRow>(
        db,
        sql`with obs as materialized (
          select f.id as entity_id, x.* from unnest(${uuids(entities)}) f(id) cross join lateral (
            select o.id as obs_id, o.record_id, o.type, o.role, o.attributes, o.text_start,
              o.text_end, r.occurred_from, r.kind, r.title, r.owner_agency_id,
              ${supportingRecord(viewer, f)} as supports, r.id = any(${uuids(keep)}) as kept
            from observations o join records r on r.id = o.record_id
            where o.entity_id = f.id and ${visibleRecord(viewer)} offset 0
          ) x
        ), inc as (
          select entity_id, record_id, array_agg(distinct role order by role) as roles,
            occurred_from, kind, title, owner_agency_id, bool_and(supports) as supports,
            bool_or(kept) as kept
          from obs where supports or kept
          group by entity_id, record_id, occurred_from, kind, title, owner_agency_id
        ), chosen as (
          select record_id from inc group by record_id
          having count(*) >= 2 or bool_or(entity_id = ${seedEntity}::uuid) or bool_or(kept)
        ), lab as (
          select * from (
            select obs.*, row_number() over (partition by entity_id
              order by occurred_from desc nulls last, obs_id) as n
            from obs
          ) z where n <= ${LABEL_OBSERVATIONS}
        )
        select true as incidence, inc.entity_id as "entityId", inc.record_id as "recordId",
          inc.roles, inc.occurred_from as "occurredFrom", inc.supports, inc.kind, inc.title,
          inc.owner_agency_id as "ownerAgencyId", null::uuid as id, null::text as type,
          null::text as role, null::jsonb as attributes, null::int as "textStart",
          null::int as "textEnd"
        from inc join chosen using (record_id)
        union all
        select false, entity_id, record_id, null, occurred_from, null, null, null,
          owner_agency_id, obs_id, type, role, attributes, text_start, text_end
        from lab`,
      );
      return splitNeighbourhood(rows);
    },

    /** Node details of records the viewer may see. */
    async recordNodes(ids: readonly string[]): Promise<RecordNodeRow[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<RecordNodeRow>(
        db,
        sql`select r.id, r.kind, r.title, r.occurred_from as "occurredFrom",
          r.owner_agency_id as "ownerAgencyId"
        from records r where r.id = any(${uuids(ids)}) and ${visibleRecord(viewer)}`,
      );
      return rows.map((row) => ({ ...row, occurredFrom: toDate(row.occurredFrom) }));
    },

    /** Requested ids resolved to their current entity, kept only where the viewer sees it. */
    visibleEntities(ids: readonly string[]): Promise<{ requested: string; current: string }[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return queryRows(
        db,
        sql`select q.requested, q.current from (
          select x as requested, graph_current_entity(x) as current from unnest(${uuids(ids)}) x
        ) q
        where q.current is not null and ${entityIsVisible(viewer, sql`q.current`)}`,
      );
    },

    /** Which of these ids are records the viewer may see. */
    async visibleRecordIds(ids: readonly string[]): Promise<string[]> {
      return (await this.recordNodes(ids)).map((row) => row.id);
    },
  };
}

export type GraphRepository = ReturnType<typeof createGraphRepository>;
