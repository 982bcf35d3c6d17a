/**
 * The timeline module owns one view: visible records in time order — of an entity (with the
 * entity's role in each), of a set of ids, or of filters — for the UI's timeline and as a CSV
 * export. It reads through the visibility rule and audits the ids it shows (an export as
 * such). It holds no tables; records, entities and places belong to their modules.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { entityNotFound } from '../entities/entities.service.ts';
import { countyName } from '../geo/counties.ts';
import { currentEntityId } from '../resolution/evidence.ts';
import { createTimelineRepository } from './timeline.repository.ts';
import type { Timeline, TimelineQuery } from './timeline.schemas.ts';

/** The timeline a query selects; `format` only names the audit action (read or export). */
export async function getTimeline(ctx: ServiceContext, q: TimelineQuery): Promise<Timeline> {
  const action = q.format === 'csv' ? 'timeline.export' : 'timeline.read';
  const result = await ctx.db.transaction(async (tx) => {
    const repo = createTimelineRepository({ db: tx, viewer: ctx.viewer });
    const entityId = q.entityId ? await currentEntityId(tx, q.entityId) : undefined;
    // With ids, fetch them all so `notFound` never names one that only fell past the limit.
    const fetch = Math.max(q.limit, q.ids?.length ?? 0);
    const rows = await repo.items(
      {
        ...q,
        entityId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      },
      fetch,
    );
    if (entityId && rows.length === 0 && !(await repo.entityIsVisible(entityId))) {
      await appendAudit(tx, auditActor(ctx), [
        {
          action,
          objectType: 'entity',
          objectIds: [...new Set([q.entityId ?? entityId, entityId])],
          decision: 'deny',
          reason: 'not visible or missing',
        },
      ]);
      return undefined;
    }
    const items = rows.slice(0, q.limit).map(({ lat, lon, address, countyFips, ...r }) => ({
      ...r,
      location:
        lat === null || lon === null
          ? null
          : {
              lat,
              lon,
              address,
              countyFips,
              countyName: countyFips ? (countyName(countyFips) ?? null) : null,
            },
    }));
    const found = new Set(rows.map((r) => r.recordId));
    const shown = items.map((i) => i.recordId);
    const timeline = {
      entityId: entityId ?? null,
      items,
      truncated: rows.length > q.limit,
      notFound: (q.ids ?? []).filter((id) => !found.has(id)),
    };
    await appendAudit(tx, auditActor(ctx), [
      {
        action,
        objectType: 'record',
        objectIds: [...(entityId ? [entityId] : []), ...shown],
        details: { query: q, records: items.length, truncated: timeline.truncated },
      },
    ]);
    return timeline;
  });
  if (!result) throw entityNotFound();
  return result;
}
