import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  entityFeatureCollectionSchema,
  featuresQuerySchema,
  hotspotCollectionSchema,
  hotspotsQuerySchema,
  nearFeatureCollectionSchema,
  nearQuerySchema,
  recordFeatureCollectionSchema,
  siteNearQuerySchema,
} from './geo.schemas.ts';
import {
  findRecordsNear,
  findRecordsNearSite,
  getEntityFeatures,
  getHotspots,
  listRecordFeatures,
} from './geo.service.ts';
import { sitesRoutes } from './sites.routes.ts';

/** GeoJSON's own media type (RFC 7946 12); the body is JSON all the same. */
const asGeoJson = (reply: FastifyReply) => reply.type('application/geo+json; charset=utf-8');

export function geoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['geo'];
  const read = { access: 'records:read' } as const;
  r.get(
    '/geo/records',
    {
      config: read,
      schema: {
        tags,
        querystring: featuresQuerySchema,
        response: { 200: recordFeatureCollectionSchema },
      },
    },
    async (req, reply) =>
      asGeoJson(reply).send(await listRecordFeatures(ctxOf(req, deps), req.query)),
  );
  r.get(
    '/geo/hotspots',
    {
      config: read,
      schema: {
        tags,
        querystring: hotspotsQuerySchema,
        response: { 200: hotspotCollectionSchema },
      },
    },
    async (req, reply) => asGeoJson(reply).send(await getHotspots(ctxOf(req, deps), req.query)),
  );
  r.get(
    '/geo/near',
    {
      config: read,
      schema: {
        tags,
        querystring: nearQuerySchema,
        response: { 200: nearFeatureCollectionSchema },
      },
    },
    async (req, reply) => asGeoJson(reply).send(await findRecordsNear(ctxOf(req, deps), req.query)),
  );
  r.get(
    '/geo/entities/:id',
    {
      config: { access: 'entities:read' },
      schema: { tags, params: idParamsSchema, response: { 200: entityFeatureCollectionSchema } },
    },
    async (req, reply) =>
      asGeoJson(reply).send(await getEntityFeatures(ctxOf(req, deps), req.params.id)),
  );
  const siteNear = nearFeatureCollectionSchema.extend({ siteId: z.uuid() });
  r.get(
    '/geo/sites/:id/near',
    {
      config: read,
      schema: {
        tags,
        params: idParamsSchema,
        querystring: siteNearQuerySchema,
        response: { 200: siteNear },
      },
    },
    async (req, reply) =>
      asGeoJson(reply).send(await findRecordsNearSite(ctxOf(req, deps), req.params.id, req.query)),
  );
  sitesRoutes(app, deps);
}
