import { z } from 'zod';
import { AGENCY_LEVELS, DISCIPLINES } from '../../access/viewer.ts';

const pointOfContactSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    title: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.email().max(254).optional(),
  })
  .strict();

export const createAgencyBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    discipline: z.enum(DISCIPLINES).default('law_enforcement'),
    level: z.enum(AGENCY_LEVELS).default('local'),
    ori: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}[A-Z0-9]{7}$/, 'an ORI is 9 characters: state code and 7 letters or digits')
      .optional(),
    jurisdiction: z.string().trim().max(300).optional(),
    pointsOfContact: z.array(pointOfContactSchema).max(20).default([]),
  })
  .strict();
export type CreateAgencyBody = z.infer<typeof createAgencyBodySchema>;

export const updateAgencyBodySchema = createAgencyBodySchema
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateAgencyBody = z.infer<typeof updateAgencyBodySchema>;

export const agencySchema = z
  .object({
    id: z.uuid(),
    originCenterId: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    discipline: z.enum(DISCIPLINES),
    level: z.enum(AGENCY_LEVELS),
    ori: z.string().nullable(),
    jurisdiction: z.string().nullable(),
    pointsOfContact: z.array(pointOfContactSchema),
    active: z.boolean(),
    isHost: z
      .boolean()
      .describe(
        "The center's own agency, created at first start: it cannot be suspended or deleted",
      ),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Agency' });
