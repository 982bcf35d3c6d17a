import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { listAccessRequests, requestAccess } from './access-requests.ts';
import { ACCESS_REQUEST_STATUSES } from './correlation.table.ts';

const agencyRef = z.object({ id: z.uuid(), name: z.string() });
const createdSchema = z
  .object({
    id: z.uuid(),
    hitId: z.uuid(),
    status: z.enum(ACCESS_REQUEST_STATUSES),
    reason: z.string(),
    createdAt: z.date(),
    ownerAgency: agencyRef,
  })
  .meta({ id: 'AccessRequestCreated' });
const accessRequestSchema = createdSchema
  .extend({
    requester: z.object({ username: z.string(), agency: agencyRef }),
    /** Only the owning agency learns which of its records was asked for. */
    record: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  })
  .meta({ id: 'AccessRequest' });

export function accessRequestRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['correlation'];
  r.post(
    '/hits/:id/access-requests',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        description:
          'XS-04: ask the owning agency for the record behind a pointer hit. The request is tracked, audited and sent to the owner’s inbox. 409 when you already see the record or already asked.',
        params: idParamsSchema,
        body: z.object({ reason: z.string().trim().min(10).max(2000) }).strict(),
        response: { 201: createdSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestAccess(ctxOf(req, deps), req.params.id, req.body.reason)),
  );
  r.get(
    '/access-requests',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        querystring: pageQuerySchema.extend({
          direction: z.enum(['incoming', 'outgoing']).default('outgoing'),
        }),
        response: { 200: pageResponseSchema(accessRequestSchema) },
      },
    },
    (req) => listAccessRequests(ctxOf(req, deps), req.query),
  );
}
