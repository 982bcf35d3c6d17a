import { z } from 'zod';
import { CAVEATS, markingSchema, SHARE_LEVELS, TLP_LEVELS } from '../../access/markings.ts';

export const createSourceBodySchema = z
  .object({
    agencyId: z.uuid(),
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).default(''),
    defaultMarkings: markingSchema.default({
      tlp: 'AMBER',
      caveats: [],
      partnerShare: 'full',
      networkShare: 'none',
      releasableTo: [],
    }),
  })
  .strict();
export type CreateSourceBody = z.infer<typeof createSourceBodySchema>;

export const updateSourceBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000),
    defaultMarkings: markingSchema,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateSourceBody = z.infer<typeof updateSourceBodySchema>;

export const sourceSchema = z
  .object({
    id: z.uuid(),
    originCenterId: z.uuid(),
    version: z.number().int(),
    agencyId: z.uuid(),
    name: z.string(),
    description: z.string(),
    defaultMarkings: z.object({
      tlp: z.enum(TLP_LEVELS),
      caveats: z.array(z.enum(CAVEATS)).readonly(),
      partnerShare: z.enum(SHARE_LEVELS),
      networkShare: z.enum(SHARE_LEVELS),
      releasableTo: z.array(z.uuid()).readonly(),
    }),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Source' });
