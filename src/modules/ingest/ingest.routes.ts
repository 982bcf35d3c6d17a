import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validationFailed } from '../../shared/errors.ts';
import { pageQuerySchema, pageResponseSchema } from '../../shared/pagination.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { ingestErrorSchema, ingestJobSchema, ingestQuerySchema } from './ingest.schemas.ts';
import {
  createIngestJob,
  getIngestJob,
  listIngestErrors,
  listIngestJobs,
  type NewIngestJob,
} from './ingest.service.ts';
import { streamErrorsCsv, streamJobEvents } from './ingest-streams.ts';
import { saveUpload } from './upload.ts';

const MAX_MAPPING_BYTES = 1024 * 1024;

/** Ingest lives in its own plugin: its body parsers stream uploads and apply nowhere else. */
export async function ingestRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(multipart, {
    limits: { fileSize: deps.config.maxIngestBytes, files: 2, fields: 10 },
  });
  // Any other content type is the file itself, streamed as it arrives (e.g. NDJSON).
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(null);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ingest'];
  r.post(
    '/ingest',
    {
      config: { access: 'ingest:write' },
      schema: {
        tags,
        description:
          'Upload a file to ingest. Either multipart/form-data with fields `source`, `format`, optional `dryRun`, `mapping` (CSV) — before — the `file` part; or the file as the raw body (e.g. application/x-ndjson) with `?source=&format=&dryRun=&fileName=`. Answers 202 with the queued job.',
        response: { 202: ingestJobSchema },
      },
    },
    async (req, reply) => {
      const input = req.isMultipart() ? await fromMultipart(req, deps) : fromRawBody(req, deps);
      const job = await createIngestJob(ctxOf(req, deps), deps.config.dataDir, input);
      deps.onIngestQueued?.();
      return reply.status(202).send(job);
    },
  );
  r.get(
    '/ingest/jobs',
    {
      config: { access: 'ingest:write' },
      schema: {
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageResponseSchema(ingestJobSchema) },
      },
    },
    (req) => listIngestJobs(ctxOf(req, deps), req.query),
  );
  r.get(
    '/ingest/jobs/:id',
    {
      config: { access: 'ingest:write' },
      schema: { tags, params: idParamsSchema, response: { 200: ingestJobSchema } },
    },
    (req) => getIngestJob(ctxOf(req, deps), req.params.id),
  );
  const errorsQuery = z
    .object({
      afterLine: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    })
    .strict();
  r.get(
    '/ingest/jobs/:id/errors',
    {
      config: { access: 'ingest:write' },
      schema: {
        tags,
        params: idParamsSchema,
        querystring: errorsQuery,
        response: { 200: z.object({ items: z.array(ingestErrorSchema) }) },
      },
    },
    async (req) => ({
      items: await listIngestErrors(
        ctxOf(req, deps),
        req.params.id,
        req.query.afterLine,
        req.query.limit,
      ),
    }),
  );
  r.get(
    '/ingest/jobs/:id/errors.csv',
    { config: { access: 'ingest:write' }, schema: { tags, params: idParamsSchema } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const job = await getIngestJob(ctx, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ingest-${job.id}-errors.csv"`)
        .send(streamErrorsCsv(ctx, job.id));
    },
  );
  r.get(
    '/ingest/jobs/:id/events',
    { config: { access: 'ingest:write' }, schema: { tags, params: idParamsSchema } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      await getIngestJob(ctx, req.params.id);
      streamJobEvents(ctx, req.params.id, req, reply);
    },
  );
}

async function fromMultipart(req: FastifyRequest, deps: AppDeps): Promise<NewIngestJob> {
  const fields: Record<string, string> = {};
  let mapping: string | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value);
    else if (part.fieldname === 'mapping') mapping = await readSmall(part.file, MAX_MAPPING_BYTES);
    else if (part.fieldname === 'file') {
      const q = parseParams({ ...fields, fileName: fields['fileName'] ?? part.filename });
      const file = part.file;
      // The file part is consumed by the service once the source is checked; nothing after it is read.
      return {
        ...q,
        mapping: mapping ?? fields['mapping'] ?? null,
        writeFile: (path) =>
          saveUpload(file, path, deps.config.maxIngestBytes).then(() => undefined),
      };
    } else await readSmall(part.file, 0);
  }
  throw validationFailed('The multipart body has no `file` part', {
    errors: [{ path: 'body.file', message: 'required' }],
  });
}

function fromRawBody(req: FastifyRequest, deps: AppDeps): NewIngestJob {
  const q = parseParams(req.query as Record<string, unknown>);
  return {
    ...q,
    mapping: null,
    writeFile: (path) =>
      saveUpload(req.raw, path, deps.config.maxIngestBytes).then(() => undefined),
  };
}

function parseParams(input: Record<string, unknown>) {
  const parsed = ingestQuerySchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: `querystring.${i.path.join('.')}`,
      message: i.message,
    }));
    throw validationFailed(errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return {
    sourceId: parsed.data.source,
    format: parsed.data.format,
    dryRun: parsed.data.dryRun,
    fileName: parsed.data.fileName,
  };
}

async function readSmall(stream: Readable, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max)
      throw validationFailed(`The mapping is larger than ${max} bytes`, {
        errors: [{ path: 'body.mapping', message: 'too large' }],
      });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
