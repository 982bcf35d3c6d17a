/**
 * Located reads of records for one viewer. Every query joins the visibility rule, so a map
 * point, a cell count or a distance list is built only from records the viewer may see.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import {
  aggregateMarkingColumns,
  aggregateMarkingRollup,
  toAggregateMarking,
  type AggregateMarking,
  type AggregateMarkingRow,
} from '../../access/aggregate-marking.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { observations } from '../entities/entities.table.ts';
import { records } from '../records/records.table.ts';
import { inVisibleClasses } from '../records/marking-classes.ts';
import { areaAroundPoint, type Area } from './area.ts';
import { distanceFrom, inArea, inWindow, matchesFilter, type RecordFilter } from './geo.sql.ts';

export type Window = { from?: Date | undefined; to?: Date | undefined };
export type Selection = { window: Window; filter: RecordFilter };

/** What a map point shows; no narrative. */
const pointColumns = {
  id: records.id,
  kind: records.kind,
  title: records.title,
  occurredFrom: records.occurredFrom,
  occurredTo: records.occurredTo,
  lat: sql<number>`${records.lat}`,
  lon: sql<number>`${records.lon}`,
  address: records.address,
  countyFips: records.countyFips,
  ownerAgencyId: records.ownerAgencyId,
  ownerAgencyName: agencies.name,
  tlp: records.tlp,
  caveats: records.caveats,
  status: records.status,
  behaviours: sql<string[]>`coalesce(${records.payload} -> 'behaviours', '[]'::jsonb)`,
};

export function createGeoRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const visible = visibleTo(viewer, records);
  /**
   * The scans below cover whole windows and boxes, so they read the rule off the record's
   * marking class, which the covering indexes carry (ADR 0010).
   */
  const selected = (s: Selection): SQL[] => [
    inVisibleClasses(viewer),
    ...inWindow(s.window),
    ...matchesFilter(s.filter),
  ];
  return {
    /**
     * Newest first, `limit + 1` rows so the caller can say "truncated". The ids come first from
     * an index-only scan of records_place_time_idx (newest first, visibility checked on the
     * index tuple), so a viewer who sees few records does not make the database fetch and sort
     * every record of the window; then only those rows are read.
     */
    pointsInArea(area: Area, s: Selection, limit: number) {
      const newest = db
        .select({ id: records.id })
        .from(records)
        .where(and(isNotNull(records.h3Cell), inArea(area), ...selected(s)))
        .orderBy(desc(records.occurredFrom), desc(records.id))
        .limit(limit + 1);
      return db
        .select(pointColumns)
        .from(records)
        .innerJoin(agencies, eq(agencies.id, records.ownerAgencyId))
        .where(inArray(records.id, newest))
        .orderBy(desc(records.occurredFrom), desc(records.id));
    },

    /**
     * Nearest first, with the great-circle distance. The box around the circle prefilters on
     * records_lat_lon_idx, which also carries what the rule and the distance need, so the
     * nearest ids come from the index alone; then only those rows are read.
     */
    pointsNear(
      center: { lat: number; lon: number },
      radiusKm: number,
      s: Selection & { excludeId?: string },
      limit: number,
    ) {
      const distance = distanceFrom(center.lat, center.lon);
      const nearest = db
        .select({ id: records.id })
        .from(records)
        .where(
          and(
            inArea(areaAroundPoint(center.lat, center.lon, radiusKm)),
            sql`${distance} <= ${radiusKm}`,
            s.excludeId ? ne(records.id, s.excludeId) : undefined,
            ...selected(s),
          ),
        )
        .orderBy(asc(distance), asc(records.id))
        .limit(limit + 1);
      return db
        .select({ ...pointColumns, distanceKm: distance })
        .from(records)
        .innerJoin(agencies, eq(agencies.id, records.ownerAgencyId))
        .where(inArray(records.id, nearest))
        .orderBy(asc(distance), asc(records.id));
    },

    /**
     * Visible records per H3 cell at `resolution`, busiest first, `limit + 1` cells, and the
     * marking of everything counted (the strictest union of their markings; null when nothing
     * was counted). The parent cell is a bit mask of the stored resolution-9 cell (h3_parent,
     * migration 0006).
     */
    async cellCounts(
      area: Area,
      s: Selection,
      resolution: number,
      limit: number,
    ): Promise<{ cells: { cell: string; count: number }[]; marking: AggregateMarking }> {
      const rows = await queryRows<{ cell: string; count: number } & AggregateMarkingRow>(
        db,
        // Grouped on the bigint; cast to text only for the cells returned.
        sql`select cell::text as cell, count::int as count, ${aggregateMarkingRollup()} from (
              select h3_parent(${records.h3Cell}, ${resolution}::int) as cell, count(*) as count,
                     ${aggregateMarkingColumns(viewer, records)}
              from ${records}
              where ${records.h3Cell} is not null and ${and(inArea(area), ...selected(s))}
              group by 1) cells
            order by count desc, cell limit ${limit + 1}`,
      );
      return {
        cells: rows.map((r) => ({ cell: r.cell, count: r.count })),
        marking: toAggregateMarking(rows[0]),
      };
    },

    /** The point of one visible record, or undefined (invisible and missing look the same). */
    async locationOf(id: string) {
      const [row] = await db
        .select({ id: records.id, lat: records.lat, lon: records.lon })
        .from(records)
        .where(and(eq(records.id, id), visible));
      return row;
    },

    /**
     * An entity's visible observations, each with a point where one is known: the
     * observation's own coordinates when it gave some (a location entity), otherwise where its
     * record happened (null when neither is located).
     */
    entityPoints(entityId: string, limit: number) {
      const obsLat = sql`(${observations.attributes} ->> 'lat')::float8`;
      const obsLon = sql`(${observations.attributes} ->> 'lon')::float8`;
      const hasOwn = sql`(${observations.attributes} ? 'lat' and ${observations.attributes} ? 'lon')`;
      return db
        .select({
          observationId: observations.id,
          type: observations.type,
          recordId: records.id,
          role: observations.role,
          pointFrom: sql<
            'observation' | 'record'
          >`case when ${hasOwn} then 'observation' else 'record' end`,
          lat: sql<number | null>`case when ${hasOwn} then ${obsLat} else ${records.lat} end`,
          lon: sql<number | null>`case when ${hasOwn} then ${obsLon} else ${records.lon} end`,
          kind: records.kind,
          title: records.title,
          occurredFrom: records.occurredFrom,
          ownerAgencyId: records.ownerAgencyId,
          ownerAgencyName: agencies.name,
        })
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .innerJoin(agencies, eq(agencies.id, records.ownerAgencyId))
        .where(and(eq(observations.entityId, entityId), visible))
        .orderBy(asc(records.occurredFrom), asc(observations.id))
        .limit(limit + 1);
    },
  };
}

export type PointRow = Awaited<
  ReturnType<ReturnType<typeof createGeoRepository>['pointsInArea']>
>[number];
