import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  sarQueueItemSchema,
  sarQueueQuerySchema,
  sarTransitionBodySchema,
  sarVettingSchema,
} from './sar-vetting.schemas.ts';
import { getSarVetting, listSarQueue, transitionSar } from './sar-vetting.service.ts';

/**
 * The SAR life cycle and two-step vetting (docs/sar-vetting.md). Who may take which step is
 * decided per SAR by the rule in sar-vetting.ts, so the routes only ask for a signed-in
 * user who may read (history, queue) or write (transitions) records.
 */
export function sarVettingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sars'];
  r.get(
    '/sars/queue',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        querystring: sarQueueQuerySchema,
        response: { 200: pageResponseSchema(sarQueueItemSchema) },
      },
    },
    (req) => listSarQueue(ctxOf(req, deps), req.query),
  );
  r.get(
    '/sars/:id/transitions',
    {
      config: { access: 'records:read' },
      schema: { tags, params: idParamsSchema, response: { 200: sarVettingSchema } },
    },
    (req) => getSarVetting(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/sars/:id/transitions',
    {
      config: { access: 'records:write' },
      schema: {
        tags,
        params: idParamsSchema,
        body: sarTransitionBodySchema,
        response: { 201: sarVettingSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await transitionSar(ctxOf(req, deps), req.params.id, req.body)),
  );
}
