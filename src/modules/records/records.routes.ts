import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  createRecordBodySchema,
  listRecordsQuerySchema,
  recordSchema,
  recordSummarySchema,
  recordVersionSchema,
  updateRecordBodySchema,
} from './records.schemas.ts';
import {
  createRecord,
  getRecord,
  listRecords,
  listRecordVersions,
  updateRecord,
} from './records.service.ts';

export function recordsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['records'];
  r.post(
    '/records',
    {
      config: { access: 'records:write' },
      schema: { tags, body: createRecordBodySchema, response: { 201: recordSchema } },
    },
    async (req, reply) => reply.status(201).send(await createRecord(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/records',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        querystring: listRecordsQuerySchema,
        response: { 200: pageResponseSchema(recordSummarySchema) },
      },
    },
    (req) => listRecords(ctxOf(req, deps), req.query),
  );
  r.get(
    '/records/:id',
    {
      config: { access: 'records:read' },
      schema: { tags, params: idParamsSchema, response: { 200: recordSchema } },
    },
    (req) => getRecord(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/records/:id',
    {
      config: { access: 'records:write' },
      schema: {
        tags,
        params: idParamsSchema,
        body: updateRecordBodySchema,
        response: { 200: recordSchema },
      },
    },
    (req) => updateRecord(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/records/:id/versions',
    {
      config: { access: 'records:read' },
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(recordVersionSchema) }) },
      },
    },
    (req) => listRecordVersions(ctxOf(req, deps), req.params.id),
  );
}
