import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { recordAccessLog } from './record-access-log.ts';

const accessLogEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.date(),
    actorUsername: z.string().nullable(),
    actorAgency: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    action: z.string(),
    decision: z.enum(['allow', 'deny']),
    purpose: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'RecordAccessLogEntry' });

export function recordAccessLogRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/records/:id/access-log',
    {
      config: { access: 'records:read' },
      schema: {
        tags: ['records'],
        description:
          'Who read, listed, found, changed or was refused this record, newest first: for the owning agency and auditors (403 for other agencies, 404 when the record is not visible).',
        params: idParamsSchema,
        querystring: z
          .object({
            cursor: z.string().max(40).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(accessLogEntrySchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    (req) => recordAccessLog(ctxOf(req, deps), req.params.id, req.query),
  );
}
