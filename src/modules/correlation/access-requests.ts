/**
 * XS-04 "request access" on a pointer hit: the requester states why; the request is tracked,
 * audited against the owner's record (so it shows in that record's access log) and lands in
 * the owner agency's inbox. Only a viewer who sees the hit as a pointer may ask: one who sees
 * the content needs no access, one who sees nothing gets the same 404 as for a missing hit.
 */
import { aliasedTable, and, desc, eq, lt, or } from 'drizzle-orm';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError, isUniqueViolation } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { records } from '../records/records.table.ts';
import { users } from '../users/users.table.ts';
import { viewsOf } from './correlation.service.ts';
import { accessRequests, hits, notifications } from './correlation.table.ts';
import { signalNewNotifications } from './notification-signal.ts';

export const hitNotFound = defineError({
  code: 'hits.not_found',
  status: 404,
  title: 'No such hit',
});
const notNeeded = defineError({
  code: 'access_requests.not_needed',
  status: 409,
  title: 'You can already see this record; there is nothing to request',
});
const alreadyOpen = defineError({
  code: 'access_requests.already_open',
  status: 409,
  title: 'You already have an open access request for this hit',
});

export async function requestAccess(ctx: ServiceContext, hitId: string, reason: string) {
  const outcome = await ctx.db
    .transaction(async (tx) => {
      // A hit is between two agencies; hitView assumes the viewer is one of them.
      const party = or(
        eq(hits.agencyId, ctx.viewer.agencyId),
        eq(hits.otherAgencyId, ctx.viewer.agencyId),
      );
      const [hit] = await tx
        .select()
        .from(hits)
        .where(and(eq(hits.id, hitId), party));
      const view = hit && (await viewsOf(tx, ctx, [hit])).get(hit.id);
      if (!hit || !view) return 'invisible' as const;
      if (view.other.access !== 'pointer') return 'not_needed' as const;
      const ownerRecordId = view.direction === 'outgoing' ? hit.otherRecordId : hit.recordId;
      const ownerAgencyId = view.other.pointer.ownerAgency.id;
      const row = {
        id: newId(),
        hitId,
        recordId: ownerRecordId,
        ownerAgencyId,
        requesterUserId: ctx.viewer.userId,
        requesterAgencyId: ctx.viewer.agencyId,
        reason,
        status: 'open' as const,
        createdAt: ctx.clock.now(),
      };
      await tx.insert(accessRequests).values(row);
      await tx.insert(notifications).values({
        id: newId(),
        agencyId: ownerAgencyId,
        kind: 'access_request',
        hitId,
        createdAt: row.createdAt,
      });
      await signalNewNotifications(tx);
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'access_request.create',
          objectType: 'access_request',
          objectIds: [row.id, hitId, ownerRecordId],
          reason,
        },
      ]);
      return { row, ownerAgency: view.other.pointer.ownerAgency };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) return 'duplicate' as const;
      throw err;
    });
  if (outcome === 'invisible')
    throw await deny(ctx, hitId, 'not visible or missing', hitNotFound());
  if (outcome === 'not_needed')
    throw await deny(ctx, hitId, 'content already visible', notNeeded());
  if (outcome === 'duplicate') throw alreadyOpen();
  const { row, ownerAgency } = outcome;
  return { id: row.id, hitId, status: row.status, reason, createdAt: row.createdAt, ownerAgency };
}

async function deny(ctx: ServiceContext, hitId: string, reason: string, error: Error) {
  await ctx.db.transaction((tx) =>
    appendAudit(tx, auditActor(ctx), [
      {
        action: 'access_request.create',
        objectType: 'hit',
        objectIds: [hitId],
        decision: 'deny',
        reason,
      },
    ]),
  );
  return error;
}

/**
 * The agency's requests: `outgoing` were made by its users, `incoming` ask for its records.
 * Only the owner sees which record a request is about, and only a colleague who may see that
 * record (the visibility rule) sees the request at all; the requester knows the hit.
 */
export async function listAccessRequests(
  ctx: ServiceContext,
  q: { direction: 'incoming' | 'outgoing'; cursor?: string | undefined; limit: number },
) {
  const before = decodeCursor(q.cursor);
  const incoming = q.direction === 'incoming';
  return ctx.db.transaction(async (tx) => {
    const rows = await readRequests(tx, ctx.viewer, incoming, before, q.limit + 1);
    const page = toPage(rows, q.limit);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'access_request.list',
        objectType: 'access_request',
        objectIds: page.items.map((r) => r.id),
        details: { direction: q.direction },
      },
    ]);
    return {
      items: page.items.map(({ recordId, recordTitle, ...r }) => ({
        ...r,
        record: incoming ? { id: recordId, title: recordTitle } : null,
      })),
      nextCursor: page.nextCursor,
    };
  });
}

async function readRequests(
  tx: Tx,
  viewer: Viewer,
  incoming: boolean,
  before: string | undefined,
  limit: number,
) {
  const owner = aliasedTable(agencies, 'owner');
  const requesterAgency = aliasedTable(agencies, 'requester_agency');
  const rows = await tx
    .select({
      id: accessRequests.id,
      hitId: accessRequests.hitId,
      status: accessRequests.status,
      reason: accessRequests.reason,
      createdAt: accessRequests.createdAt,
      ownerAgency: { id: owner.id, name: owner.name },
      requesterUsername: users.username,
      requesterAgency: { id: requesterAgency.id, name: requesterAgency.name },
      recordId: accessRequests.recordId,
      recordTitle: records.title,
    })
    .from(accessRequests)
    .innerJoin(owner, eq(owner.id, accessRequests.ownerAgencyId))
    .innerJoin(requesterAgency, eq(requesterAgency.id, accessRequests.requesterAgencyId))
    .innerJoin(users, eq(users.id, accessRequests.requesterUserId))
    .innerJoin(records, eq(records.id, accessRequests.recordId))
    .where(
      and(
        incoming
          ? and(eq(accessRequests.ownerAgencyId, viewer.agencyId), visibleTo(viewer, records))
          : eq(accessRequests.requesterAgencyId, viewer.agencyId),
        before ? lt(accessRequests.id, before) : undefined,
      ),
    )
    .orderBy(desc(accessRequests.id))
    .limit(limit);
  return rows.map(({ requesterUsername, requesterAgency, ...r }) => ({
    ...r,
    requester: { username: requesterUsername, agency: requesterAgency },
  }));
}
