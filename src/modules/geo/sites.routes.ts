import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  loadSitesBodySchema,
  loadSitesResultSchema,
  siteListSchema,
  siteSchema,
} from './sites.schemas.ts';
import { deleteSite, getSite, listSites, loadSites } from './sites.service.ts';

/** A site file may be larger than an ordinary JSON body. */
const SITES_BODY_LIMIT = 8 * 1024 * 1024;

export function sitesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['geo'];
  r.post(
    '/geo/sites',
    {
      config: { access: 'sites:admin' },
      bodyLimit: SITES_BODY_LIMIT,
      schema: { tags, body: loadSitesBodySchema, response: { 200: loadSitesResultSchema } },
    },
    (req) => loadSites(ctxOf(req, deps), req.body),
  );
  r.get(
    '/geo/sites',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: siteListSchema } } },
    async (req) => ({ items: await listSites(ctxOf(req, deps)) }),
  );
  r.get(
    '/geo/sites/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParamsSchema, response: { 200: siteSchema } },
    },
    (req) => getSite(ctxOf(req, deps), req.params.id),
  );
  r.delete(
    '/geo/sites/:id',
    {
      config: { access: 'sites:admin' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteSite(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
