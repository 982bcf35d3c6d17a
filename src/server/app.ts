import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import './types.ts';
import { isPermission } from '../access/permissions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import type { CenterInfo } from '../modules/center/center.service.ts';
import { makeAuthHook } from './auth-hook.ts';
import { rejectUnstorableInput } from './input-hygiene.ts';
import { registerMetrics } from './metrics.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { registerApiRoutes } from './routes.ts';
import { registerWebApp } from './web-app.ts';

export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  center: CenterInfo;
  /** Called when an ingest job is queued, so the worker starts at once. */
  onIngestQueued?: () => void;
};

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      // Logs go to stderr: stdout is the CLI's (one JSON object with --json).
      stream: process.stderr,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: deps.config.maxBodyBytes,
    genReqId: () => newId(),
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (bad URL encoding) answer as problem documents too.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, toProblem(error, request));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionTokenHash', null);

  // Refuse to boot with a route that does not say who may call it.
  app.addHook('onRoute', (route) => {
    // The API docs plugin registers its own static routes; they are public by design.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    if (!isPermission(route.config?.access)) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Map, chart and link-chart exports are blob: URLs; MapLibre runs its workers
        // from blob: too. Scripts stay 'self' only (the web app has no inline script).
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        // Over plain http (the demo on localhost) upgrading would send the app's own
        // requests to an https port nobody listens on.
        'upgrade-insecure-requests': deps.config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests; retry in ${context.after}`), {
        statusCode: 429,
        code: 'FST_ERR_RATE_LIMIT',
      }),
  });
  await registerOpenApi(app);

  const metrics = registerMetrics(app);
  app.addHook('onRequest', makeAuthHook(deps.database.db, deps.clock));
  app.addHook('preValidation', rejectUnstorableInput);
  app.setErrorHandler((error: Error, request, reply) => {
    const p = toProblem(error, request);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, p);
  });
  const serveWebApp = await registerWebApp(app);
  app.setNotFoundHandler({}, (request, reply) => {
    if (serveWebApp(request, reply)) return reply;
    return sendProblem(
      reply,
      problem(404, 'not_found', 'Not found', { instance: request.url.split('?')[0] }),
    );
  });

  registerOperationalRoutes(app, deps, () => metrics.metrics());
  await app.register((api) => registerApiRoutes(api, deps), { prefix: '/api/v1' });
  return app;
}

async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Watchfloor API',
        version: '1',
        description:
          'Fusion-center platform API. Errors are RFC 9457 problem documents with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'wf_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );
}

function registerOperationalRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  metrics: () => Promise<string>,
) {
  const hidden = { hide: true };
  app.get('/healthz', { config: { access: 'public' }, schema: hidden }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: hidden }, async (_req, reply) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ready', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });
  app.get('/metrics', { config: { access: 'public' }, schema: hidden }, async (_req, reply) =>
    reply.type('text/plain; version=0.0.4').send(await metrics()),
  );
}

export const idParamsSchema = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
