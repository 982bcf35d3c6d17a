import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { records } from '../records/records.table.ts';
import { entities, observations } from './entities.table.ts';
import type { ObservationRole, ObservationType } from './observation-types.ts';

export type VisibleObservation = {
  id: string;
  recordId: string;
  agencyId: string;
  type: ObservationType;
  role: ObservationRole;
  attributes: Record<string, unknown>;
  textStart: number | null;
  textEnd: number | null;
  recordOccurredFrom: Date | null;
};

/** Entity reads for one viewer: observations come only from records the viewer may see. */
export function createEntitiesRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  return {
    async findEntity(id: string) {
      const [row] = await db.select().from(entities).where(eq(entities.id, id));
      return row;
    },
    /** A page of current (unmerged) entities with the observations the viewer may see. */
    async listWithVisibleObservations(
      type: ObservationType | undefined,
      after: string | undefined,
      limit: number,
    ) {
      const page = await db
        .select({ id: entities.id, type: entities.type })
        .from(entities)
        .where(
          and(
            isNull(entities.mergedIntoId),
            type ? eq(entities.type, type) : undefined,
            after ? gt(entities.id, after) : undefined,
          ),
        )
        .orderBy(asc(entities.id))
        .limit(limit);
      const ids = page.map((e) => e.id);
      const obs =
        ids.length === 0
          ? []
          : await db
              .select({
                id: observations.id,
                entityId: observations.entityId,
                recordId: records.id,
                source: records.source,
                sourceRecordId: records.sourceRecordId,
              })
              .from(observations)
              .innerJoin(records, eq(records.id, observations.recordId))
              .where(and(inArray(observations.entityId, ids), visibleTo(viewer, records)))
              .orderBy(asc(observations.id));
      return { page, obs };
    },
    /** Which of these observations the viewer may see (through their records). */
    async visibleAmong(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: observations.id })
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .where(and(inArray(observations.id, [...ids]), visibleTo(viewer, records)));
      return new Set(rows.map((r) => r.id));
    },
    visibleObservations(entityId: string): Promise<VisibleObservation[]> {
      return db
        .select({
          id: observations.id,
          recordId: observations.recordId,
          agencyId: records.ownerAgencyId,
          type: observations.type,
          role: observations.role,
          attributes: observations.attributes,
          textStart: observations.textStart,
          textEnd: observations.textEnd,
          recordOccurredFrom: records.occurredFrom,
        })
        .from(observations)
        .innerJoin(records, eq(records.id, observations.recordId))
        .where(and(eq(observations.entityId, entityId), visibleTo(viewer, records)))
        .orderBy(asc(observations.id));
    },
  };
}
