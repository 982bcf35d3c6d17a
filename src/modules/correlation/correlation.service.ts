/**
 * The correlation module owns cross-agency hits and the agency inbox they feed. Hits are
 * made at write time (detect.ts); here each is shown to a viewer only as far as the
 * visibility rule allows (hit-view.ts), and every read is audited.
 */
import { and, desc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../../shared/pagination.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { unsafeRecordHeads } from '../records/records.repository.ts';
import {
  hits,
  notificationReads,
  notifications,
  type NotificationKind,
} from './correlation.table.ts';
import { hitView, type AgencyCard, type HitView } from './hit-view.ts';

export const notificationNotFound = defineError({
  code: 'notifications.not_found',
  status: 404,
  title: 'No such notification',
});

type Hit = typeof hits.$inferSelect;
/** Unread notices are counted up to this many (an inbox shows "1000+" beyond). */
const MAX_UNREAD = 1000;
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  read: boolean;
  hit: HitView;
};

export async function viewsOf(
  db: Db,
  ctx: ServiceContext,
  rows: readonly Hit[],
): Promise<Map<string, HitView>> {
  const recordIds = [...new Set(rows.flatMap((h) => [h.recordId, h.otherRecordId]))];
  const agencyIds = [...new Set(rows.flatMap((h) => [h.agencyId, h.otherAgencyId]))];
  const heads = new Map((await unsafeRecordHeads(db, recordIds)).map((r) => [r.id, r]));
  const cards = await agencyCards(db, agencyIds);
  const views = new Map<string, HitView>();
  for (const h of rows) {
    const view = hitView(ctx.viewer, h, heads, cards);
    if (view) views.set(h.id, view);
  }
  return views;
}

/** Agencies as a pointer names them: name and first point of contact (XS-02). */
export async function agencyCards(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, AgencyCard>> {
  const cards = new Map<string, AgencyCard>();
  if (ids.length === 0) return cards;
  for (const a of await db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...ids]))) {
    const poc = a.pointsOfContact[0];
    cards.set(a.id, {
      id: a.id,
      name: a.name,
      pointOfContact: poc
        ? {
            name: poc.name,
            ...(poc.phone ? { phone: poc.phone } : {}),
            ...(poc.email ? { email: poc.email } : {}),
          }
        : null,
    });
  }
  return cards;
}

export async function listHits(
  ctx: ServiceContext,
  page: { cursor?: string | undefined; limit: number },
) {
  const before = decodeCursor(page.cursor);
  const mine = or(
    eq(hits.agencyId, ctx.viewer.agencyId),
    eq(hits.otherAgencyId, ctx.viewer.agencyId),
  );
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(hits)
      .where(and(mine, before ? lt(hits.id, before) : undefined))
      .orderBy(desc(hits.id))
      .limit(page.limit + 1);
    const window = rows.slice(0, page.limit);
    const views = await viewsOf(tx, ctx, window);
    const items = window.flatMap((h) => views.get(h.id) ?? []);
    await appendAudit(tx, auditActor(ctx), [
      { action: 'hit.list', objectType: 'hit', objectIds: items.map((i) => i.id) },
    ]);
    const last = window.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null };
  });
}

/** The viewer's agency inbox, newest first, with this user's read state and unread count. */
export async function listNotifications(
  ctx: ServiceContext,
  page: { cursor?: string | undefined; limit: number },
) {
  const before = decodeCursor(page.cursor);
  return ctx.db.transaction(async (tx) => {
    const rows = await notificationRows(
      tx,
      ctx,
      before ? lt(notifications.id, before) : undefined,
      page.limit + 1,
      'desc',
    );
    const window = rows.slice(0, page.limit);
    const items = await toViews(tx, ctx, window);
    // Counted over what this viewer may see of each hit: a count must not reveal hidden ones.
    const unreadRows = await notificationRows(
      tx,
      ctx,
      isNull(notificationReads.readAt),
      MAX_UNREAD,
      'desc',
    );
    const unread = (await toViews(tx, ctx, unreadRows)).length;
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'notification.list',
        objectType: 'notification',
        objectIds: items.map((i) => i.id),
      },
    ]);
    const last = window.at(-1);
    return {
      items,
      unread,
      nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null,
    };
  });
}

/** Notifications newer than `afterId`, oldest first: what a live stream sends next. */
export async function notificationsSince(
  ctx: ServiceContext,
  afterId: string | null,
  limit = 100,
): Promise<NotificationView[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await notificationRows(
      tx,
      ctx,
      afterId ? gt(notifications.id, afterId) : undefined,
      limit,
      'asc',
    );
    const items = await toViews(tx, ctx, rows);
    if (items.length > 0)
      await appendAudit(tx, auditActor(ctx), [
        {
          action: 'notification.stream',
          objectType: 'notification',
          objectIds: items.map((i) => i.id),
        },
      ]);
    return items;
  });
}

export async function markNotificationRead(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.agencyId, ctx.viewer.agencyId)));
    if (!row) throw notificationNotFound();
    await tx
      .insert(notificationReads)
      .values({ notificationId: id, userId: ctx.viewer.userId, readAt: ctx.clock.now() })
      .onConflictDoNothing();
    await appendAudit(tx, auditActor(ctx), [
      { action: 'notification.read', objectType: 'notification', objectIds: [id] },
    ]);
  });
}

async function notificationRows(
  tx: Db,
  ctx: ServiceContext,
  extra: SQL | undefined,
  limit: number,
  order: 'asc' | 'desc',
) {
  const rows = await tx
    .select({ n: notifications, hit: hits, readAt: notificationReads.readAt })
    .from(notifications)
    .innerJoin(hits, eq(hits.id, notifications.hitId))
    .leftJoin(
      notificationReads,
      and(
        eq(notificationReads.notificationId, notifications.id),
        eq(notificationReads.userId, ctx.viewer.userId),
      ),
    )
    .where(and(eq(notifications.agencyId, ctx.viewer.agencyId), extra))
    .orderBy(order === 'asc' ? notifications.id : desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.n, hit: r.hit, read: r.readAt !== null }));
}

async function toViews(
  tx: Db,
  ctx: ServiceContext,
  rows: Awaited<ReturnType<typeof notificationRows>>,
): Promise<NotificationView[]> {
  const views = await viewsOf(
    tx,
    ctx,
    rows.map((r) => r.hit),
  );
  return rows.flatMap((r) => {
    const hit = views.get(r.hit.id);
    return hit ? [{ id: r.id, kind: r.kind, createdAt: r.createdAt, read: r.read, hit }] : [];
  });
}
