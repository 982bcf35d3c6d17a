/**
 * Explicit analyst links: create (the analyst must see both ends), list and delete (the author,
 * or an admin or supervisor of the owning agency). A link carries its own markings and is
 * shown only where the viewer may see it and both its ends. Every action is audited.
 */
import { markingOf } from '../../access/markings.ts';
import { canView } from '../../access/policy.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { unprocessable, type AppError } from '../../shared/errors.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.service.ts';
import { checkReleasableTo } from '../records/records.service.ts';
import { linkNotFound, linkNotYours, linkToItself } from './graph.errors.ts';
import { graphRepos } from './graph.service.ts';
import type { LinkRow } from './links.repository.ts';
import type { CreateLinkBody, ListLinksQuery } from './links.schemas.ts';
import { entitySeed, isDenied, recordSeed, type Denied } from './seeds.ts';

export function toLinkView(l: LinkRow) {
  return {
    id: l.id,
    fromEntityId: l.fromEntityId,
    toEntityId: l.toEntityId,
    toRecordId: l.toRecordId,
    label: l.label,
    source: l.source,
    ownerAgencyId: l.ownerAgencyId,
    createdByUserId: l.createdByUserId,
    createdAt: l.createdAt,
    markings: markingOf(l),
  };
}

export async function createLink(ctx: ServiceContext, body: CreateLinkBody) {
  const { viewer } = ctx;
  if (!canView(viewer, { ...body.markings, ownerAgencyId: viewer.agencyId }))
    throw unprocessable('With these markings you could not see the link yourself', {
      errors: [{ path: 'markings', message: 'markings you do not meet' }],
    });
  await checkReleasableTo(ctx.db, body.markings.releasableTo);
  const action = 'graph.link.create';
  const outcome = await ctx.db.transaction(
    async (tx): Promise<{ error: AppError } | { link: LinkRow | undefined }> => {
      const repos = graphRepos(tx, viewer);
      const from = await entitySeed(repos, action, body.fromEntityId);
      const to = body.toEntityId
        ? await entitySeed(repos, action, body.toEntityId)
        : await recordSeed(tx, viewer, repos, action, body.toRecordId ?? '');
      if (isDenied(from) || isDenied(to)) {
        const denied = isDenied(from) ? from : (to as Denied);
        await appendAudit(tx, auditActor(ctx), [denied.audit]);
        return { error: denied.denied };
      }
      if (from.id === to.id) return { error: linkToItself() };
      const id = newId();
      const now = ctx.clock.now();
      await repos.links.insert({
        id,
        originCenterId: ctx.centerId,
        fromEntityId: from.id,
        toEntityId: to.kind === 'entity' ? to.id : null,
        toRecordId: to.kind === 'record' ? to.id : null,
        label: body.label,
        source: body.source,
        ownerAgencyId: viewer.agencyId,
        createdByUserId: viewer.userId,
        ...body.markings,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, auditActor(ctx), [
        {
          action,
          objectType: 'graph_link',
          objectIds: [id, from.id, to.id],
          details: { label: body.label },
        },
      ]);
      return { link: await repos.links.find(id) };
    },
  );
  if ('error' in outcome) throw outcome.error;
  if (!outcome.link) throw linkNotFound();
  return toLinkView(outcome.link);
}

export async function listLinks(ctx: ServiceContext, query: ListLinksQuery) {
  const before = decodeCursor(query.cursor);
  return ctx.db.transaction(async (tx) => {
    const repos = graphRepos(tx, ctx.viewer);
    const entity = query.entityId ? await repos.graph.visibleEntities([query.entityId]) : [];
    const rows =
      query.entityId && entity.length === 0
        ? []
        : await repos.links.list(
            { entityId: entity[0]?.current, recordId: query.recordId },
            before,
            query.limit + 1,
          );
    const page = toPage(rows, query.limit);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'graph.link.list',
        objectType: 'graph_link',
        objectIds: page.items.map((l) => l.id),
        details: { entityId: query.entityId ?? null, recordId: query.recordId ?? null },
      },
    ]);
    return { items: page.items.map(toLinkView), nextCursor: page.nextCursor };
  });
}

const MAY_DELETE_AGENCY_LINKS = ['admin', 'supervisor'];

export async function deleteLink(ctx: ServiceContext, id: string): Promise<void> {
  const { viewer } = ctx;
  const denial = await ctx.db.transaction(async (tx) => {
    const repos = graphRepos(tx, viewer);
    const link = await repos.links.find(id);
    const mayDelete =
      link !== undefined &&
      (viewer.kind === 'system' ||
        link.createdByUserId === viewer.userId ||
        (link.ownerAgencyId === viewer.agencyId &&
          viewer.roles.some((r) => MAY_DELETE_AGENCY_LINKS.includes(r))));
    const event: AuditEvent = {
      action: 'graph.link.delete',
      objectType: 'graph_link',
      objectIds: [id],
    };
    if (!link || !mayDelete) {
      const reason = link
        ? 'not the author or a supervisor of the owning agency'
        : 'not visible or missing';
      await appendAudit(tx, auditActor(ctx), [{ ...event, decision: 'deny', reason }]);
      return link ? linkNotYours() : linkNotFound();
    }
    await repos.links.delete(id);
    await appendAudit(tx, auditActor(ctx), [
      {
        ...event,
        details: {
          label: link.label,
          from: link.fromEntityId,
          to: link.toEntityId ?? link.toRecordId,
        },
      },
    ]);
    return undefined;
  });
  if (denial) throw denial;
}
