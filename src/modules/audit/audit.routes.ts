import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { listAudit, listAuditQuerySchema, verifyAudit } from './audit-query.ts';

const auditEventSchema = z
  .object({
    seq: z.number().int(),
    id: z.uuid(),
    at: z.date(),
    actorUserId: z.uuid().nullable(),
    actorUsername: z.string().nullable(),
    actorAgencyId: z.uuid().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectIds: z.array(z.string()),
    decision: z.enum(['allow', 'deny']),
    purpose: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    clientIp: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const verifySchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
    firstBroken: z.object({ seq: z.number().int(), problem: z.string() }).optional(),
  })
  .meta({ id: 'AuditVerification' });

export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get(
    '/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        querystring: listAuditQuerySchema,
        response: {
          200: z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    (req) => listAudit(ctxOf(req, deps), req.query),
  );
  r.get(
    '/audit/verify',
    { config: { access: 'audit:read' }, schema: { tags, response: { 200: verifySchema } } },
    (req) => verifyAudit(ctxOf(req, deps)),
  );
}
