import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  createSavedSearchBodySchema,
  pointerNoticeSchema,
  savedSearchSchema,
} from './saved-searches.schemas.ts';
import {
  createSavedSearch,
  deleteSavedSearch,
  getSavedSearch,
  listSavedSearches,
  runSavedSearch,
} from './saved-searches.service.ts';
import {
  inputOfQueryString,
  pageOptionsSchema,
  searchQueryStringSchema,
  searchResultSchema,
} from './search.schemas.ts';
import { listPointerNotices } from './search-notices.service.ts';
import { searchRecords } from './search.service.ts';

export function searchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];
  const access = 'records:read' as const;
  r.get(
    '/search',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Search records by words, names and identifiers, with filters and facets',
        querystring: searchQueryStringSchema,
        response: { 200: searchResultSchema },
      },
    },
    (req) =>
      searchRecords(ctxOf(req, deps), inputOfQueryString(req.query), {
        cursor: req.query.cursor,
        limit: req.query.limit,
      }),
  );
  r.post(
    '/search/saved',
    {
      config: { access },
      schema: { tags, body: createSavedSearchBodySchema, response: { 201: savedSearchSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSavedSearch(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/search/saved',
    {
      config: { access },
      schema: {
        tags,
        querystring: pageOptionsSchema,
        response: { 200: pageResponseSchema(savedSearchSchema) },
      },
    },
    (req) => listSavedSearches(ctxOf(req, deps), req.query),
  );
  r.get(
    '/search/saved/:id',
    {
      config: { access },
      schema: { tags, params: idParamsSchema, response: { 200: savedSearchSchema } },
    },
    (req) => getSavedSearch(ctxOf(req, deps), req.params.id),
  );
  r.delete(
    '/search/saved/:id',
    { config: { access }, schema: { tags, params: idParamsSchema } },
    async (req, reply) => {
      await deleteSavedSearch(ctxOf(req, deps), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/search/saved/:id/run',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Run a saved search again: fresh results, as you see the data now',
        params: idParamsSchema,
        querystring: pageOptionsSchema,
        response: { 200: searchResultSchema },
      },
    },
    (req) => runSavedSearch(ctxOf(req, deps), req.params.id, req.query),
  );
  r.get(
    '/search/pointer-notices',
    {
      config: { access },
      schema: {
        tags,
        summary: "XS-03: who found your agency's pointer-level records by searching",
        querystring: pageOptionsSchema,
        response: { 200: pageResponseSchema(pointerNoticeSchema) },
      },
    },
    (req) => listPointerNotices(ctxOf(req, deps), req.query),
  );
}
