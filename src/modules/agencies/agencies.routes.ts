import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  agencySchema,
  createAgencyBodySchema,
  updateAgencyBodySchema,
} from './agencies.schemas.ts';
import {
  setAgencyActive,
  createAgency,
  deleteAgency,
  getAgency,
  listAgencies,
  updateAgency,
} from './agencies.service.ts';

export function agenciesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];
  r.get(
    '/agencies',
    {
      config: { access: 'agencies:read' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageResponseSchema(agencySchema) },
      },
    },
    (req) => listAgencies(ctxOf(req, deps), req.query),
  );
  r.post(
    '/agencies',
    {
      config: { access: 'agencies:admin' },
      schema: { tags, body: createAgencyBodySchema, response: { 201: agencySchema } },
    },
    async (req, reply) => reply.status(201).send(await createAgency(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/agencies/:id',
    {
      config: { access: 'agencies:read' },
      schema: { tags, params: idParamsSchema, response: { 200: agencySchema } },
    },
    (req) => getAgency(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/agencies/:id',
    {
      config: { access: 'agencies:admin' },
      schema: {
        tags,
        params: idParamsSchema,
        body: updateAgencyBodySchema,
        response: { 200: agencySchema },
      },
    },
    (req) => updateAgency(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/agencies/:id',
    {
      config: { access: 'agencies:admin' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteAgency(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
  for (const [action, active] of [
    ['suspend', false],
    ['reinstate', true],
  ] as const) {
    r.post(
      `/agencies/:id/${action}`,
      {
        config: { access: 'accounts:suspend' },
        schema: { tags, params: idParamsSchema, response: { 200: agencySchema } },
      },
      (req) => setAgencyActive(ctxOf(req, deps), req.params.id, active),
    );
  }
}
