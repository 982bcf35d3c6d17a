/**
 * Who touched a record: the audit entries naming it (reads, lists and searches that returned
 * it, changes, exports, denials), for the owning agency and for auditors. An auditor reads it
 * without seeing the record itself; anyone else who cannot see the record gets the same 404
 * as for the record, and a viewer of another agency who can see it is refused.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { hasPermission } from '../../access/permissions.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { readAuditPage } from '../audit/audit-query.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { accessLogOwnersOnly } from './records.errors.ts';
import { createRecordsRepository } from './records.repository.ts';
import { denyRead } from './records.service.ts';

export type AccessLogQuery = { cursor?: string | undefined; limit: number };

type Outcome = 'invisible' | 'not_owner' | Awaited<ReturnType<typeof readPage>>;

export async function recordAccessLog(ctx: ServiceContext, id: string, q: AccessLogQuery) {
  const auditor = hasPermission(ctx.viewer, 'audit:read');
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    if (!auditor) {
      const row = await createRecordsRepository({ db: tx, viewer: ctx.viewer }).findById(id);
      if (!row) return 'invisible';
      if (row.ownerAgencyId !== ctx.viewer.agencyId) return 'not_owner';
    }
    const page = await readPage(tx, id, q);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'record.access_log',
        objectType: 'record',
        objectIds: [id],
        details: { rows: page.items.length, as: auditor ? 'auditor' : 'owner' },
      },
    ]);
    return page;
  });
  if (outcome === 'invisible') throw await denyRead(ctx, id, 'record.access_log');
  if (outcome === 'not_owner') {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, auditActor(ctx), [
        {
          action: 'record.access_log',
          objectType: 'record',
          objectIds: [id],
          decision: 'deny',
          reason: 'not the owning agency',
        },
      ]),
    );
    throw accessLogOwnersOnly();
  }
  return outcome;
}

async function readPage(tx: Tx, id: string, q: AccessLogQuery) {
  const page = await readAuditPage(tx, { objectId: id, limit: q.limit, cursor: q.cursor });
  const agencyIds = [
    ...new Set(page.items.flatMap((e) => (e.actorAgencyId ? [e.actorAgencyId] : []))),
  ];
  const names = new Map(
    agencyIds.length === 0
      ? []
      : (
          await tx
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, agencyIds))
        ).map((a) => [a.id, a.name]),
  );
  return {
    items: page.items.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorUsername: e.actorUsername,
      actorAgency: e.actorAgencyId
        ? { id: e.actorAgencyId, name: names.get(e.actorAgencyId) ?? null }
        : null,
      action: e.action,
      decision: e.decision,
      purpose: e.purpose,
      reason: e.reason,
    })),
    nextCursor: page.nextCursor,
  };
}
