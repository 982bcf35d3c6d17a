import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { createSourceBodySchema, sourceSchema, updateSourceBodySchema } from './sources.schemas.ts';
import { createSource, getSource, listSources, updateSource } from './sources.service.ts';

export function sourcesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];
  r.get(
    '/sources',
    {
      config: { access: 'sources:read' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageResponseSchema(sourceSchema) },
      },
    },
    (req) => listSources(ctxOf(req, deps), req.query),
  );
  r.post(
    '/sources',
    {
      config: { access: 'sources:admin' },
      schema: { tags, body: createSourceBodySchema, response: { 201: sourceSchema } },
    },
    async (req, reply) => reply.status(201).send(await createSource(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/sources/:id',
    {
      config: { access: 'sources:read' },
      schema: { tags, params: idParamsSchema, response: { 200: sourceSchema } },
    },
    (req) => getSource(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/sources/:id',
    {
      config: { access: 'sources:admin' },
      schema: {
        tags,
        params: idParamsSchema,
        body: updateSourceBodySchema,
        response: { 200: sourceSchema },
      },
    },
    (req) => updateSource(ctxOf(req, deps), req.params.id, req.body),
  );
}
