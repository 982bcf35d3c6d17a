import { z } from 'zod';
import { pageQuerySchema } from '../../shared/pagination.ts';
import { markingOutSchema } from './records.schemas.ts';
import { SAR_STATES, VETTING_STEPS } from './sar-vetting.ts';

export const sarTransitionBodySchema = z
  .object({
    to: z.enum(SAR_STATES),
    /** Checked by the rule: blank is refused with 422 naming `rationale` (SAR-03). */
    rationale: z
      .string()
      .max(10_000)
      .meta({ description: 'Why: required on every transition; blank is refused with 422' }),
    articulableFacts: z.string().max(20_000).optional().meta({
      description:
        'SAR-05: the analyst’s articulable facts, for `to: ise_sar` only; required (at least the center’s minimum length) when the SAR has a Part 2 behaviour',
    }),
  })
  .strict();
export type SarTransitionBody = z.infer<typeof sarTransitionBodySchema>;

export const sarQueueQuerySchema = pageQuerySchema.extend({ step: z.enum(VETTING_STEPS) }).strict();
export type SarQueueQuery = z.infer<typeof sarQueueQuerySchema>;

export const sarTransitionSchema = z
  .object({
    id: z.uuid(),
    fromState: z.enum(SAR_STATES),
    toState: z.enum(SAR_STATES),
    at: z.date(),
    actor: z.object({ userId: z.uuid(), username: z.string(), agencyId: z.uuid() }),
    rationale: z.string(),
    articulableFacts: z.string().nullable(),
    /** The record version this step made. */
    recordVersion: z.number().int(),
  })
  .meta({ id: 'SarTransition' });

export const allowedTransitionSchema = z
  .object({ to: z.enum(SAR_STATES), requiresArticulableFacts: z.boolean() })
  .meta({ id: 'SarAllowedTransition' });

export const sarVettingPolicySchema = z
  .object({
    twoPersonVetting: z.boolean(),
    articulableFactsMinLength: z.number().int(),
    attestationValidMonths: z.number().int(),
  })
  .meta({ id: 'SarVettingPolicy' });

export const sarVettingSchema = z
  .object({
    sarId: z.uuid(),
    /** A life-cycle state; a SAR stored before the life cycle may hold another status. */
    status: z.string(),
    version: z.number().int(),
    behaviours: z.array(z.string()),
    hasPart2Behaviour: z.boolean(),
    transitions: z.array(sarTransitionSchema),
    /** What the viewer may do now: show only these controls. */
    allowedTransitions: z.array(allowedTransitionSchema),
    policy: sarVettingPolicySchema,
  })
  .meta({ id: 'SarVetting' });

export const sarQueueItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(SAR_STATES),
    ownerAgencyId: z.uuid(),
    isOwnAgency: z.boolean(),
    occurredFrom: z.date().nullable(),
    enteredAt: z.date(),
    behaviours: z.array(z.string()),
    hasPart2Behaviour: z.boolean(),
    /** When the SAR reached its current state (null: it has been waiting since entry). */
    lastTransitionAt: z.date().nullable(),
    markings: markingOutSchema,
  })
  .meta({ id: 'SarQueueItem' });
