import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  createdTokenSchema,
  createdUserSchema,
  createTokenBodySchema,
  createUserBodySchema,
  updateUserBodySchema,
  userSchema,
} from './users.schemas.ts';
import {
  createTokenForUser,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  setUserActive,
  updateUser,
} from './users.service.ts';

export function usersRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const listQuery = pageQuerySchema.extend({
    agencyId: z.uuid().optional(),
    username: z.string().trim().toLowerCase().max(100).optional(),
  });
  r.get(
    '/users',
    {
      config: { access: 'users:read' },
      schema: { tags, querystring: listQuery, response: { 200: pageResponseSchema(userSchema) } },
    },
    (req) => listUsers(ctxOf(req, deps), req.query),
  );
  r.post(
    '/users',
    {
      config: { access: 'users:admin' },
      schema: { tags, body: createUserBodySchema, response: { 201: createdUserSchema } },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/users/:id',
    {
      config: { access: 'users:read' },
      schema: { tags, params: idParamsSchema, response: { 200: userSchema } },
    },
    (req) => getUser(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/users/:id',
    {
      config: { access: 'users:admin' },
      schema: {
        tags,
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    (req) => updateUser(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/users/:id',
    {
      config: { access: 'users:admin' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteUser(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/users/:id/suspend',
    {
      config: { access: 'accounts:suspend' },
      schema: { tags, params: idParamsSchema, response: { 200: userSchema } },
    },
    (req) => setUserActive(ctxOf(req, deps), req.params.id, false),
  );
  r.post(
    '/users/:id/reinstate',
    {
      config: { access: 'accounts:suspend' },
      schema: { tags, params: idParamsSchema, response: { 200: userSchema } },
    },
    (req) => setUserActive(ctxOf(req, deps), req.params.id, true),
  );
  r.post(
    '/users/:id/tokens',
    {
      config: { access: 'users:admin' },
      schema: {
        tags,
        params: idParamsSchema,
        body: createTokenBodySchema,
        response: { 201: createdTokenSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createTokenForUser(ctxOf(req, deps), req.params.id, req.body)),
  );
}
