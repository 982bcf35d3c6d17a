/**
 * Timeline reads for one viewer: records in time order, each joined to the visibility rule.
 * An entity's roles come from its observations in each record, which inherit the record's
 * markings — a visible record shows the entity's visible roles.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { observations } from '../entities/entities.table.ts';
import type { ObservationRole } from '../entities/observation-types.ts';
import { areaOfBox, type BoundingBox } from '../geo/area.ts';
import { inArea, inWindow, matchesFilter } from '../geo/geo.sql.ts';
import { records } from '../records/records.table.ts';

export type TimelineSelection = {
  entityId?: string | undefined;
  ids?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  ownerAgencyId?: string | undefined;
  bbox?: BoundingBox | undefined;
};

const columns = {
  recordId: records.id,
  kind: records.kind,
  title: records.title,
  occurredFrom: records.occurredFrom,
  occurredTo: records.occurredTo,
  enteredAt: records.enteredAt,
  ownerAgencyId: records.ownerAgencyId,
  ownerAgencyName: agencies.name,
  status: records.status,
  tlp: records.tlp,
  caveats: records.caveats,
  lat: records.lat,
  lon: records.lon,
  address: records.address,
  countyFips: records.countyFips,
};

export function createTimelineRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const visible = visibleTo(viewer, records);
  const where = (s: TimelineSelection): SQL | undefined =>
    and(
      visible,
      s.ids ? inArray(records.id, [...s.ids]) : undefined,
      s.ownerAgencyId ? eq(records.ownerAgencyId, s.ownerAgencyId) : undefined,
      s.bbox ? inArea(areaOfBox(s.bbox)) : undefined,
      ...inWindow(s),
      ...matchesFilter(s),
    );
  // Undated records close the timeline; ties keep entry order.
  const timeOrder = [
    sql`${records.occurredFrom} asc nulls last`,
    asc(records.enteredAt),
    asc(records.id),
  ];
  return {
    /** `limit + 1` rows, earliest first. */
    async items(s: TimelineSelection, limit: number) {
      if (!s.entityId) {
        const rows = await db
          .select(columns)
          .from(records)
          .innerJoin(agencies, eq(agencies.id, records.ownerAgencyId))
          .where(where(s))
          .orderBy(...timeOrder)
          .limit(limit + 1);
        return rows.map((r) => ({ ...r, roles: [] as ObservationRole[] }));
      }
      return db
        .select({
          ...columns,
          roles: sql<
            ObservationRole[]
          >`array_agg(distinct ${observations.role} order by ${observations.role})`,
        })
        .from(records)
        .innerJoin(agencies, eq(agencies.id, records.ownerAgencyId))
        .innerJoin(
          observations,
          and(eq(observations.recordId, records.id), eq(observations.entityId, s.entityId)),
        )
        .where(where(s))
        .groupBy(records.id, agencies.name)
        .orderBy(...timeOrder)
        .limit(limit + 1);
    },

    /** Whether the viewer sees any observation of the entity (else it does not exist for them). */
    async entityIsVisible(entityId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: observations.id })
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .where(and(eq(observations.entityId, entityId), visible))
        .limit(1);
      return row !== undefined;
    },
  };
}
