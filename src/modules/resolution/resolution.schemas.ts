import { z } from 'zod';
import { uuidSchema } from '../../shared/ids.ts';

/** Why the analyst decided: written to the audit log with the decision. */
const rationale = z.string().trim().min(3).max(2000);

export const confirmCandidateBodySchema = z
  .object({
    rationale,
    /** Record a confirmed possible association (identity not established) instead of merging. */
    association: z.boolean().default(false),
  })
  .strict();
export type ConfirmCandidateBody = z.infer<typeof confirmCandidateBodySchema>;

export const rejectCandidateBodySchema = z.object({ rationale }).strict();
export type RejectCandidateBody = z.infer<typeof rejectCandidateBodySchema>;

export const splitEntityBodySchema = z.object({ mergeId: uuidSchema, rationale }).strict();
export type SplitEntityBody = z.infer<typeof splitEntityBodySchema>;

export const mergeEntitiesBodySchema = z.object({ otherEntityId: uuidSchema, rationale }).strict();
export type MergeEntitiesBody = z.infer<typeof mergeEntitiesBodySchema>;

const evidenceSchema = z.object({ field: z.string(), level: z.string(), weight: z.number() });

export const mergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    entityId: z.uuid(),
    absorbedEntityId: z.uuid(),
    /** The observations that moved into the entity (a split moves exactly these back). */
    observationIds: z.array(z.uuid()),
    observationA: z.uuid(),
    observationB: z.uuid(),
    rule: z.string(),
    probability: z.number(),
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'EntityMerge' });
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const candidateDecisionSchema = z
  .object({
    candidateId: z.uuid(),
    status: z.enum(['confirmed', 'rejected']),
    /** merged: one entity now; association: linked, identity not established; already_merged. */
    outcome: z.enum(['merged', 'association', 'already_merged', 'rejected']),
    merge: mergeResultSchema.nullable(),
  })
  .meta({ id: 'CandidateDecision' });
export type CandidateDecision = z.infer<typeof candidateDecisionSchema>;

export const splitResultSchema = z
  .object({
    mergeId: z.uuid(),
    entityId: z.uuid(),
    restoredEntityId: z.uuid(),
    observationIds: z.array(z.uuid()),
  })
  .meta({ id: 'EntitySplit' });
export type SplitResult = z.infer<typeof splitResultSchema>;

export const retrainResultSchema = z
  .object({
    trainedOn: z.number().int(),
    trainedAt: z.date(),
    candidatePairs: z.number().int(),
    mergesAdded: z.number().int(),
    candidatesAdded: z.number().int(),
    keptApartByAnalysts: z.number().int(),
    refusedForConflict: z.number().int(),
  })
  .meta({ id: 'ResolutionRetrain' });
export type RetrainResult = z.infer<typeof retrainResultSchema>;
