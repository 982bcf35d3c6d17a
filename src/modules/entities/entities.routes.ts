import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { ctxOf } from '../../server/context.ts';
import { OBSERVATION_ROLES, OBSERVATION_TYPES } from './observation-types.ts';
import { getEntityProfile, listEntities } from './entities.service.ts';

const profileValueSchema = z.object({
  value: z.unknown(),
  sources: z.array(z.object({ observationId: z.uuid(), recordId: z.uuid(), agencyId: z.uuid() })),
});

const evidenceSchema = z.object({ field: z.string(), level: z.string(), weight: z.number() });

const entitySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(OBSERVATION_TYPES),
    version: z.number().int(),
    originCenterId: z.uuid(),
    profile: z.record(z.string(), z.array(profileValueSchema)),
    observations: z.array(
      z.object({
        id: z.uuid(),
        recordId: z.uuid(),
        ownerAgencyId: z.uuid(),
        type: z.enum(OBSERVATION_TYPES),
        role: z.enum(OBSERVATION_ROLES),
        attributes: z.record(z.string(), z.unknown()),
        textStart: z.number().int().nullable(),
        textEnd: z.number().int().nullable(),
        recordOccurredFrom: z.date().nullable(),
      }),
    ),
    recordIds: z.array(z.uuid()),
    resolution: z.object({
      merges: z.array(
        z.object({
          /** What a split names (POST /entities/{id}/split). */
          mergeId: z.uuid(),
          observationA: z.uuid(),
          observationB: z.uuid(),
          probability: z.number(),
          evidence: z.array(evidenceSchema),
          rule: z.string().nullable(),
          decidedBy: z.string(),
          createdAt: z.date(),
        }),
      ),
      /** Open: resolution proposed them, no analyst has decided. */
      possibleAssociations: z.array(
        z.object({
          candidateId: z.uuid(),
          otherEntityId: z.uuid(),
          observationA: z.uuid(),
          observationB: z.uuid(),
          probability: z.number(),
          evidence: z.array(evidenceSchema),
          reason: z.string().nullable(),
        }),
      ),
      /** An analyst confirmed the link without merging: identity is not established (CI-14). */
      confirmedAssociations: z.array(
        z.object({
          candidateId: z.uuid(),
          otherEntityId: z.uuid(),
          observationA: z.uuid(),
          observationB: z.uuid(),
          probability: z.number(),
          evidence: z.array(evidenceSchema),
          decidedByUserId: z.uuid().nullable(),
          decidedAt: z.date().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'Entity' });

const entityListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(OBSERVATION_TYPES),
      observations: z.array(
        z.object({
          id: z.uuid(),
          recordId: z.uuid(),
          source: z.string(),
          sourceRecordId: z.string().nullable(),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});
const listQuerySchema = z
  .object({
    type: z.enum(OBSERVATION_TYPES).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export function entitiesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/entities',
    {
      config: { access: 'entities:read' },
      schema: {
        tags: ['entities'],
        querystring: listQuerySchema,
        response: { 200: entityListSchema },
      },
    },
    (req) => listEntities(ctxOf(req, deps), req.query),
  );
  r.get(
    '/entities/:id',
    {
      config: { access: 'entities:read' },
      schema: { tags: ['entities'], params: idParamsSchema, response: { 200: entitySchema } },
    },
    (req) => getEntityProfile(ctxOf(req, deps), req.params.id),
  );
}
