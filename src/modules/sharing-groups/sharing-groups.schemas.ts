import { z } from 'zod';

const membersSchema = z
  .object({
    agencyIds: z.array(z.uuid()).max(500).default([]),
    userIds: z.array(z.uuid()).max(5000).default([]),
  })
  .strict();

export const createSharingGroupBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).default(''),
    members: membersSchema.default({ agencyIds: [], userIds: [] }),
  })
  .strict();
export type CreateSharingGroupBody = z.infer<typeof createSharingGroupBodySchema>;

export const updateSharingGroupBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000),
    members: membersSchema,
  })
  .partial()
  .strict();
export type UpdateSharingGroupBody = z.infer<typeof updateSharingGroupBodySchema>;

export const sharingGroupSchema = z
  .object({
    id: z.uuid(),
    originCenterId: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    description: z.string(),
    members: z.object({ agencyIds: z.array(z.uuid()), userIds: z.array(z.uuid()) }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SharingGroup' });
