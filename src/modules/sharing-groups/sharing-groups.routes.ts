import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  createSharingGroupBodySchema,
  sharingGroupSchema,
  updateSharingGroupBodySchema,
} from './sharing-groups.schemas.ts';
import {
  createSharingGroup,
  deleteSharingGroup,
  getSharingGroup,
  listSharingGroups,
  updateSharingGroup,
} from './sharing-groups.service.ts';

export function sharingGroupsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sharing-groups'];
  r.get(
    '/sharing-groups',
    {
      config: { access: 'sharing-groups:read' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageResponseSchema(sharingGroupSchema) },
      },
    },
    (req) => listSharingGroups(ctxOf(req, deps), req.query),
  );
  r.post(
    '/sharing-groups',
    {
      config: { access: 'sharing-groups:admin' },
      schema: { tags, body: createSharingGroupBodySchema, response: { 201: sharingGroupSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSharingGroup(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/sharing-groups/:id',
    {
      config: { access: 'sharing-groups:read' },
      schema: { tags, params: idParamsSchema, response: { 200: sharingGroupSchema } },
    },
    (req) => getSharingGroup(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/sharing-groups/:id',
    {
      config: { access: 'sharing-groups:admin' },
      schema: {
        tags,
        params: idParamsSchema,
        body: updateSharingGroupBodySchema,
        response: { 200: sharingGroupSchema },
      },
    },
    (req) => updateSharingGroup(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/sharing-groups/:id',
    {
      config: { access: 'sharing-groups:admin' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteSharingGroup(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
