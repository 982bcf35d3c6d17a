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
  // Said on every agency, so a client can leave out what the API refuses for the host agency.
  const view = <T extends { id: string }>(a: T) => ({
    ...a,
    isHost: a.id === deps.center.hostAgencyId,
  });
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
    async (req) => {
      const page = await listAgencies(ctxOf(req, deps), req.query);
      return { ...page, items: page.items.map(view) };
    },
  );
  r.post(
    '/agencies',
    {
      config: { access: 'agencies:admin' },
      schema: { tags, body: createAgencyBodySchema, response: { 201: agencySchema } },
    },
    async (req, reply) =>
      reply.status(201).send(view(await createAgency(ctxOf(req, deps), req.body))),
  );
  r.get(
    '/agencies/:id',
    {
      config: { access: 'agencies:read' },
      schema: { tags, params: idParamsSchema, response: { 200: agencySchema } },
    },
    async (req) => view(await getAgency(ctxOf(req, deps), req.params.id)),
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
    async (req) => view(await updateAgency(ctxOf(req, deps), req.params.id, req.body)),
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
      async (req) => view(await setAgencyActive(ctxOf(req, deps), req.params.id, active)),
    );
  }
}
