/**
 * The entities module owns observations (an entity as one record saw it) and resolved
 * entities. A profile is built only from the observations the viewer may see: an entity none
 * of whose observations are visible does not exist for that viewer (404). Resolution itself
 * (blocking, scoring, merging) belongs to the resolution module.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../../shared/pagination.ts';
import type { ObservationType } from './observation-types.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import {
  confirmedAssociationsOf,
  currentEntityId,
  mergesAndCandidatesOf,
} from '../resolution/evidence.ts';
import { createEntitiesRepository, type VisibleObservation } from './entities.repository.ts';

export const entityNotFound = defineError({
  code: 'entities.not_found',
  status: 404,
  title: 'No such entity',
});

type ProfileValue = {
  value: unknown;
  sources: { observationId: string; recordId: string; agencyId: string }[];
};

export async function getEntityProfile(ctx: ServiceContext, requestedId: string) {
  const result = await ctx.db.transaction(async (tx) => {
    const repo = createEntitiesRepository({ db: tx, viewer: ctx.viewer });
    const id = await currentEntityId(tx, requestedId);
    const entity = await repo.findEntity(id);
    const obs = entity ? await repo.visibleObservations(id) : [];
    const recordIds = [...new Set(obs.map((o) => o.recordId))];
    const visible = entity !== undefined && obs.length > 0;
    await appendAudit(tx, auditActor(ctx), [
      visible
        ? {
            action: 'entity.read',
            objectType: 'entity',
            objectIds: [id, ...recordIds],
            details: { observations: obs.length },
          }
        : {
            action: 'entity.read',
            objectType: 'entity',
            objectIds: [id],
            decision: 'deny',
            reason: 'not visible or missing',
          },
    ]);
    return visible
      ? { entity, obs, recordIds, resolution: await visibleResolution(repo, tx, id) }
      : undefined;
  });
  if (!result) throw entityNotFound();
  const { entity, obs, recordIds, resolution } = result;
  return {
    id: entity.id,
    type: entity.type,
    version: entity.version,
    originCenterId: entity.originCenterId,
    profile: mergeProfile(obs),
    observations: obs.map(({ agencyId: ownerAgencyId, ...o }) => ({ ...o, ownerAgencyId })),
    recordIds,
    resolution,
  };
}

/**
 * Merge evidence, possible associations and confirmed associations, each shown only when the
 * viewer may see both observations it rests on: evidence must not reveal what the viewer
 * cannot see, and an association must not reveal that another entity exists where the viewer
 * sees nothing of it.
 */
async function visibleResolution(
  repo: ReturnType<typeof createEntitiesRepository>,
  tx: Db,
  id: string,
) {
  const { merges, candidates } = await mergesAndCandidatesOf(tx, id);
  const associations = await confirmedAssociationsOf(tx, id);
  const ids = [...merges, ...candidates, ...associations].flatMap((x) => [
    x.observationA,
    x.observationB,
  ]);
  const seen = await repo.visibleAmong(ids);
  const both = (x: { observationA: string; observationB: string }) =>
    seen.has(x.observationA) && seen.has(x.observationB);
  return {
    merges: merges.filter(both).map((m) => ({
      mergeId: m.id,
      observationA: m.observationA,
      observationB: m.observationB,
      probability: m.probability,
      evidence: m.evidence,
      rule: m.rule,
      decidedBy: m.decidedBy,
      createdAt: m.createdAt,
    })),
    possibleAssociations: candidates.filter(both).map((c) => ({
      candidateId: c.id,
      otherEntityId: c.entityA === id ? c.entityB : c.entityA,
      observationA: c.observationA,
      observationB: c.observationB,
      probability: c.probability,
      evidence: c.evidence,
      reason: c.reason,
    })),
    confirmedAssociations: associations.filter(both).map((c) => ({
      candidateId: c.id,
      otherEntityId: c.otherEntityId,
      observationA: c.observationA,
      observationB: c.observationB,
      probability: c.probability,
      evidence: c.evidence,
      decidedByUserId: c.decidedByUserId,
      decidedAt: c.decidedAt,
    })),
  };
}

/** Each attribute with its distinct values, and which observation (and record) said so. */
export function mergeProfile(obs: readonly VisibleObservation[]): Record<string, ProfileValue[]> {
  const profile: Record<string, ProfileValue[]> = {};
  for (const o of obs) {
    for (const [key, value] of Object.entries(o.attributes)) {
      const values = (profile[key] ??= []);
      const canonical = JSON.stringify(value);
      let entry = values.find((v) => JSON.stringify(v.value) === canonical);
      if (!entry) values.push((entry = { value, sources: [] }));
      entry.sources.push({ observationId: o.id, recordId: o.recordId, agencyId: o.agencyId });
    }
  }
  return profile;
}

/**
 * Entities page by page (in id order), each with the observations the viewer may see;
 * entities with none visible are left out. For scoring a clustering against ground truth.
 */
export async function listEntities(
  ctx: ServiceContext,
  query: { type?: ObservationType | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(query.cursor);
  return ctx.db.transaction(async (tx) => {
    const repo = createEntitiesRepository({ db: tx, viewer: ctx.viewer });
    const { page, obs } = await repo.listWithVisibleObservations(query.type, after, query.limit);
    const byEntity = Map.groupBy(obs, (o) => o.entityId);
    const items = page
      .filter((e) => byEntity.has(e.id))
      .map((e) => ({
        id: e.id,
        type: e.type,
        observations: (byEntity.get(e.id) ?? []).map(({ entityId: _e, ...o }) => o),
      }));
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'entity.list',
        objectType: 'entity',
        objectIds: items.map((i) => i.id),
        details: { type: query.type ?? null },
      },
    ]);
    const last = page.at(-1);
    return {
      items,
      nextCursor: page.length === query.limit && last ? encodeCursor(last.id) : null,
    };
  });
}
