import { z } from 'zod';
import { ROLES } from '../../access/viewer.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/secrets.ts';

export const attributesSchema = z
  .object({
    lawEnforcement: z.boolean().default(false),
    cfr23Trained: z.boolean().default(false),
    piiAccess: z.boolean().default(false),
    healthAccess: z.boolean().default(false),
    nsiTrainedAnalyst: z.iso.date('must be a date YYYY-MM-DD').nullable().default(null),
  })
  .strict();

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

export const createUserBodySchema = z
  .object({
    agencyId: z.uuid(),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '2–63 letters, digits, dot, dash or underscore'),
    displayName: z.string().trim().min(1).max(200),
    email: z.email().max(254).optional(),
    phone: z.string().trim().max(40).optional(),
    roles: z.array(z.enum(ROLES)).min(1, 'give the user at least one role').max(ROLES.length),
    attributes: attributesSchema.default({
      lawEnforcement: false,
      cfr23Trained: false,
      piiAccess: false,
      healthAccess: false,
      nsiTrainedAnalyst: null,
    }),
    /** Omit to have the server generate a one-time password that must be changed at sign-in. */
    password: passwordSchema.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    email: z.email().max(254).nullable(),
    phone: z.string().trim().max(40).nullable(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    attributes: attributesSchema,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    originCenterId: z.uuid(),
    version: z.number().int(),
    agencyId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    attributes: attributesSchema,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.date().nullable(),
    lastLoginAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const createdUserSchema = userSchema
  .extend({ oneTimePassword: z.string().optional() })
  .meta({ id: 'CreatedUser' });

export const createTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).default('api'),
    expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .strict();

export const createdTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    token: z.string().describe('Shown once; only its hash is stored'),
    expiresAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CreatedToken' });
