import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { hitViewSchema, notificationSchema } from './correlation.schemas.ts';
import { listHits, listNotifications, markNotificationRead } from './correlation.service.ts';
import { streamEvents } from './events.ts';

export function correlationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['correlation'];
  r.get(
    '/hits',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageResponseSchema(hitViewSchema) },
      },
    },
    (req) => listHits(ctxOf(req, deps), req.query),
  );
  r.get(
    '/notifications',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: {
          200: pageResponseSchema(notificationSchema).extend({ unread: z.number().int() }),
        },
      },
    },
    (req) => listNotifications(ctxOf(req, deps), req.query),
  );
  r.post(
    '/notifications/:id/read',
    {
      config: { access: 'records:read' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await markNotificationRead(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/events',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        description:
          'Server-Sent Events: `notification` events (hits for your agency and notices that another agency touched your subject) as they happen. Resumes after `Last-Event-ID`.',
      },
    },
    (req, reply) => {
      streamEvents(ctxOf(req, deps), deps.database, req, reply);
    },
  );
}
