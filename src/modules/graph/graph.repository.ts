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
};
export type RecordNodeRow = {
  id: string;
  kind: RecordKind;
  title: string;
  occurredFrom: Date | null;
  ownerAgencyId: string;
};
export type EntityObservations = { id: string; type: ObservationType; obs: VisibleObservation[] };
export type SharedRecord = RecordNodeRow & { a: string; b: string; total: number };

/**
 * Observations per entity read to build its label (the latest ones): enough to vote, bounded
 * for hubs. Ordered by the record's date, not the observation id: an `order by o.id limit`
 * tempts the planner to walk the primary key of the whole table instead of the entity index.
 */
const LABEL_OBSERVATIONS = 5;

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
     * Which entity appears in which visible record, for records that join two of `entities`,
     * hold `seedEntity`, or are named in `keep` (seed and linked records, caller-named ones).
     */
    async incidence(
      entities: readonly string[],
      f: GraphFilter,
      keep: readonly string[],
      seedEntity: string | null,
    ): Promise<Incidence[]> {
      if (entities.length === 0) return [];
      const kept = uuids(keep);
      const rows = await queryRows<Incidence>(
        db,
        sql`with inc as (
          select f.id as entity_id, x.* from unnest(${uuids(entities)}) f(id) cross join lateral (
            select o.record_id, array_agg(distinct o.role order by o.role) as roles,
              min(r.occurred_from) as occurred_from,
              bool_and(${supportingRecord(viewer, f)}) as supports
            from observations o join records r on r.id = o.record_id
            where o.entity_id = f.id and ${visibleRecord(viewer)}
              and (${supportingRecord(viewer, f)} or r.id = any(${kept}))
            group by o.record_id
          ) x
        ), chosen as (
          select record_id from inc group by record_id
          having count(*) >= 2 or bool_or(entity_id = ${seedEntity}::uuid) or record_id = any(${kept})
        )
        select inc.entity_id as "entityId", inc.record_id as "recordId", inc.roles,
          inc.occurred_from as "occurredFrom", inc.supports
        from inc join chosen using (record_id)`,
      );
      return rows.map((row) => ({ ...row, occurredFrom: toDate(row.occurredFrom) }));
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

    /** A few visible observations per entity, to build labels from what the viewer may see. */
    async entityObservations(ids: readonly string[]): Promise<EntityObservations[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<VisibleObservation & { entityId: string; entityType: string }>(
        db,
        sql`select e.id as "entityId", e.type as "entityType", x.*
        from entities e cross join lateral (
          select o.id, o.record_id as "recordId", r.owner_agency_id as "agencyId", o.type, o.role,
            o.attributes, o.text_start as "textStart", o.text_end as "textEnd",
            r.occurred_from as "recordOccurredFrom"
          from observations o join records r on r.id = o.record_id
          where o.entity_id = e.id and ${visibleRecord(viewer)}
          order by r.occurred_from desc nulls last, o.id limit ${LABEL_OBSERVATIONS}
        ) x
        where e.id = any(${uuids(ids)})`,
      );
      const byEntity = new Map<string, EntityObservations>();
      for (const { entityId, entityType, ...o } of rows) {
        let e = byEntity.get(entityId);
        if (!e) byEntity.set(entityId, (e = { id: entityId, type: o.type, obs: [] }));
        if (entityType !== o.type) e.type = entityType as ObservationType;
        e.obs.push({ ...o, recordOccurredFrom: toDate(o.recordOccurredFrom) });
      }
      return [...byEntity.values()];
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

    /** For each entity pair, the visible supporting records (latest first, `limit` each). */
    async sharedRecords(
      pairList: readonly (readonly [string, string])[],
      f: GraphFilter,
      limit: number,
    ): Promise<SharedRecord[]> {
      if (pairList.length === 0) return [];
      const rows = await queryRows<SharedRecord>(
        db,
        sql`select p.a, p.b, x.* from
          unnest(${uuids(pairList.map((p) => p[0]))}, ${uuids(pairList.map((p) => p[1]))}) as p(a, b)
        cross join lateral (
          select r.id, r.kind, r.title, r.occurred_from as "occurredFrom",
            r.owner_agency_id as "ownerAgencyId", (count(*) over ())::int as total
          from records r
          where r.id in (select record_id from observations where entity_id = p.a)
            and r.id in (select record_id from observations where entity_id = p.b)
            and ${supportingRecord(viewer, f)}
          order by r.occurred_from desc nulls last, r.id
          limit ${limit}
        ) x`,
      );
      return rows.map((row) => ({ ...row, occurredFrom: toDate(row.occurredFrom) }));
    },
  };
}

export type GraphRepository = ReturnType<typeof createGraphRepository>;
