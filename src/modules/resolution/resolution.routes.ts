import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import {
  confirmCandidate,
  mergeEntities,
  rejectCandidate,
  splitEntity,
} from './analyst.service.ts';
import { retrainResolution } from './retrain.ts';
import {
  candidateDecisionSchema,
  confirmCandidateBodySchema,
  mergeEntitiesBodySchema,
  mergeResultSchema,
  rejectCandidateBodySchema,
  retrainResultSchema,
  splitEntityBodySchema,
  splitResultSchema,
} from './resolution.schemas.ts';

/** Analyst decisions on entities (CI-14) and the admin's retrain. */
export function resolutionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const resolve = { access: 'entities:resolve' } as const;
  const tags = ['entities'];
  r.post(
    '/entities/candidates/:id/confirm',
    {
      config: resolve,
      schema: {
        tags,
        params: idParamsSchema,
        body: confirmCandidateBodySchema,
        response: { 200: candidateDecisionSchema },
      },
    },
    (req) => confirmCandidate(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/entities/candidates/:id/reject',
    {
      config: resolve,
      schema: {
        tags,
        params: idParamsSchema,
        body: rejectCandidateBodySchema,
        response: { 200: candidateDecisionSchema },
      },
    },
    (req) => rejectCandidate(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/entities/:id/split',
    {
      config: resolve,
      schema: {
        tags,
        params: idParamsSchema,
        body: splitEntityBodySchema,
        response: { 200: splitResultSchema },
      },
    },
    (req) => splitEntity(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/entities/:id/merge',
    {
      config: resolve,
      schema: {
        tags,
        params: idParamsSchema,
        body: mergeEntitiesBodySchema,
        response: { 200: mergeResultSchema },
      },
    },
    (req) => mergeEntities(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/resolution/retrain',
    {
      config: { access: 'entities:admin-resolve' },
      schema: { tags: ['resolution'], response: { 200: retrainResultSchema } },
    },
    (req) => retrainResolution(ctxOf(req, deps)),
  );
}
