/**
 * Reads for shortest paths, for one viewer: the records two entities share (the support of a
 * path edge) and the observations that label the entities on a path. Visible records only.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import type { VisibleObservation } from '../entities/entities.repository.ts';
import {
  LABEL_OBSERVATIONS,
  type EntityObservations,
  type RecordNodeRow,
} from './graph.repository.ts';
import type { GraphFilter } from './graph.schemas.ts';
import { supportingRecord, toDate, uuids, visibleRecord } from './graph.sql.ts';

export type SharedRecord = RecordNodeRow & { a: string; b: string; total: number };

export function createPathsRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  return {
    /**
     * A few visible observations per entity (its latest), to build labels. Ordered by the
     * record's date, not the observation id: an `order by o.id limit` tempts the planner to
     * walk the primary key of the whole table instead of the entity index.
     */
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
