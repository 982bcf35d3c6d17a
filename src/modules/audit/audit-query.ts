import { and, arrayContains, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { isoDateTimeSchema } from '../../shared/time.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { validationFailed } from '../../shared/errors.ts';
import { appendAudit, verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.table.ts';

export const listAuditQuerySchema = z
  .object({
    actorUserId: z.uuid().optional(),
    action: z.string().max(100).optional(),
    objectId: z.string().max(100).optional(),
    decision: z.enum(['allow', 'deny']).optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    cursor: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

/** Newest first; the cursor is the seq of the last row returned. Reading the log is audited. */
export async function listAudit(ctx: ServiceContext, q: ListAuditQuery) {
  return ctx.db.transaction(async (tx) => {
    const page = await readAuditPage(tx, q);
    const { cursor: _c, limit: _l, ...filter } = q;
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'audit.read',
        objectType: 'audit_log',
        objectIds: [],
        details: { filter, rows: page.items.length },
      },
    ]);
    return page;
  });
}

/** One page of the log for a filter, newest first; the caller audits the read. */
export async function readAuditPage(tx: Tx, q: ListAuditQuery) {
  const before =
    q.cursor === undefined ? undefined : Number(Buffer.from(q.cursor, 'base64url').toString());
  if (before !== undefined && !Number.isSafeInteger(before)) {
    throw validationFailed('The cursor is not one this server issued', {
      errors: [{ path: 'cursor', message: 'invalid cursor' }],
    });
  }
  const conditions: (SQL | undefined)[] = [
    before !== undefined ? lt(auditLog.seq, before) : undefined,
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.objectId ? arrayContains(auditLog.objectIds, [q.objectId]) : undefined,
    q.decision ? eq(auditLog.decision, q.decision) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  ];
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > q.limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null,
  };
}

export async function verifyAudit(ctx: ServiceContext) {
  const result = await verifyAuditChain(ctx.db);
  await ctx.db.transaction((tx) =>
    appendAudit(tx, auditActor(ctx), [
      {
        action: 'audit.verify',
        objectType: 'audit_log',
        decision: 'allow',
        details: { ok: result.ok, checked: result.checked },
      },
    ]),
  );
  return result;
}
