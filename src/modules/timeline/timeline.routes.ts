import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { timelineCsv } from './timeline-csv.ts';
import { timelineQuerySchema, timelineSchema } from './timeline.schemas.ts';
import { getTimeline } from './timeline.service.ts';

export function timelineRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/timeline',
    {
      config: { access: 'records:read' },
      schema: {
        tags: ['timeline'],
        description:
          'Visible records in time order. `format=csv` answers text/csv (RFC 4180) instead of JSON, audited as an export; the header `x-timeline-truncated` says whether the limit cut it.',
        querystring: timelineQuerySchema,
        response: { 200: z.union([timelineSchema, z.string().describe('text/csv')]) },
      },
    },
    async (req, reply) => {
      const timeline = await getTimeline(ctxOf(req, deps), req.query);
      if (req.query.format === 'json') return timeline;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="timeline.csv"')
        .header('x-timeline-truncated', String(timeline.truncated))
        .send(timelineCsv(timeline));
    },
  );
}
