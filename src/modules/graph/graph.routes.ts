import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  expandRequestSchema,
  exportRequestSchema,
  graphSchema,
  pathsRequestSchema,
  pathsResponseSchema,
  structureRequestSchema,
} from './graph.schemas.ts';
import { expandGraph, exportGraph, graphStructure, type GraphExport } from './graph.service.ts';
import { createLinkBodySchema, linkSchema, listLinksQuerySchema } from './links.schemas.ts';
import { createLink, deleteLink, listLinks } from './links.service.ts';
import { findPaths } from './paths.service.ts';

const tags = ['graph'];
const read = { access: 'graph:read' } as const;

const sendExport = (reply: FastifyReply, doc: GraphExport) =>
  reply
    .type(doc.contentType)
    .header('content-disposition', `attachment; filename="${doc.filename}"`)
    .send(doc.body);

export function graphRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const expand = { tags, response: { 200: graphSchema } };
  r.get(
    '/graph/expand',
    { config: read, schema: { ...expand, querystring: expandRequestSchema } },
    (req) => expandGraph(ctxOf(req, deps), req.query),
  );
  r.post(
    '/graph/expand',
    { config: read, schema: { ...expand, body: expandRequestSchema } },
    (req) => expandGraph(ctxOf(req, deps), req.body),
  );
  const exportDescription =
    'The expansion as a file: JSON (nodes and edges, as /graph/expand) or GraphML for Gephi and i2 Analyst’s Notebook. Audited as an export.';
  r.get(
    '/graph/export',
    {
      config: read,
      schema: { tags, description: exportDescription, querystring: exportRequestSchema },
    },
    async (req, reply) => sendExport(reply, await exportGraph(ctxOf(req, deps), req.query)),
  );
  r.post(
    '/graph/export',
    { config: read, schema: { tags, description: exportDescription, body: exportRequestSchema } },
    async (req, reply) => sendExport(reply, await exportGraph(ctxOf(req, deps), req.body)),
  );
  const paths = { tags, response: { 200: pathsResponseSchema } };
  r.get(
    '/graph/paths',
    { config: read, schema: { ...paths, querystring: pathsRequestSchema } },
    (req) => findPaths(ctxOf(req, deps), req.query),
  );
  r.post('/graph/paths', { config: read, schema: { ...paths, body: pathsRequestSchema } }, (req) =>
    findPaths(ctxOf(req, deps), req.body),
  );
  r.post(
    '/graph/structure',
    {
      config: read,
      schema: { tags, body: structureRequestSchema, response: { 200: graphSchema } },
    },
    (req) => graphStructure(ctxOf(req, deps), req.body),
  );
  linkRoutes(r, deps);
}

function linkRoutes(r: FastifyInstance, deps: AppDeps) {
  const app = r.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/graph/links',
    {
      config: read,
      schema: {
        tags,
        querystring: listLinksQuerySchema,
        response: { 200: pageResponseSchema(linkSchema) },
      },
    },
    (req) => listLinks(ctxOf(req, deps), req.query),
  );
  app.post(
    '/graph/links',
    {
      config: { access: 'graph:link' },
      schema: { tags, body: createLinkBodySchema, response: { 201: linkSchema } },
    },
    async (req, reply) => reply.status(201).send(await createLink(ctxOf(req, deps), req.body)),
  );
  app.delete(
    '/graph/links/:id',
    {
      config: { access: 'graph:link' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteLink(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
