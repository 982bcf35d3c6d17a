import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { computeTrends } from './trends.service.ts';
import { trendsQuerySchema, trendsResponseSchema } from './trends.schemas.ts';

export function trendsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/trends',
    {
      config: { access: 'records:read' },
      schema: {
        tags: ['trends'],
        summary:
          'Weekly counts per category (or kind) and region, with statistically significant rises flagged',
        querystring: trendsQuerySchema,
        response: { 200: trendsResponseSchema },
      },
    },
    (req) => computeTrends(ctxOf(req, deps), req.query),
  );
}
