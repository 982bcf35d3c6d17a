import { z } from 'zod';
import { isoDateTimeSchema } from '../../shared/time.ts';
import { CAVEATS, markingSchema, SHARE_LEVELS, TLP_LEVELS } from '../../access/markings.ts';
import {
  OBSERVATION_ROLES,
  OBSERVATION_TYPES,
  observationInputSchema,
} from '../entities/observation-types.ts';
import { DISPOSITIONS, INFORMATION_CATEGORIES, RECORD_KINDS } from './record-kinds.ts';
import { SAR_STATES } from './sar-vetting.ts';

const isoDateTime = isoDateTimeSchema;

export const locationSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    address: z.string().trim().max(500).optional(),
  })
  .strict();

export const RECORD_STATUSES = ['draft', 'submitted', 'active', 'closed'] as const;

export const createRecordBodySchema = z
  .object({
    kind: z.enum(RECORD_KINDS),
    title: z.string().trim().min(1).max(500),
    narrative: z.string().max(100_000).default(''),
    occurredFrom: isoDateTime.optional(),
    occurredTo: isoDateTime.optional(),
    location: locationSchema.optional(),
    markings: markingSchema,
    /** Validated per kind by the service (422 names the field). */
    payload: z.record(z.string(), z.unknown()).default({}),
    observations: z.array(observationInputSchema).max(500).default([]),
    sourceRecordId: z.string().trim().min(1).max(200).optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    informationCategory: z.enum(INFORMATION_CATEGORIES).optional(),
    disposition: z.enum(DISPOSITIONS).optional(),
    notifyOwnerOnHit: z.boolean().optional(),
  })
  .strict();
export type CreateRecordBody = z.infer<typeof createRecordBodySchema>;

export const updateRecordBodySchema = z
  .object({
    /** The version the change is based on; a stale one answers 409. */
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(500).optional(),
    narrative: z.string().max(100_000).optional(),
    occurredFrom: isoDateTime.nullable().optional(),
    occurredTo: isoDateTime.nullable().optional(),
    location: locationSchema.nullable().optional(),
    markings: markingSchema.optional(),
    payload: z.record(z.string(), z.unknown()).optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    disposition: z.enum(DISPOSITIONS).nullable().optional(),
    notifyOwnerOnHit: z.boolean().optional(),
  })
  .strict();
export type UpdateRecordBody = z.infer<typeof updateRecordBodySchema>;

export const listRecordsQuerySchema = z
  .object({
    kind: z.enum(RECORD_KINDS).optional(),
    /** SARs are listed by their life-cycle state (sar-vetting.ts). */
    status: z.enum(RECORD_STATUSES).or(z.enum(SAR_STATES)).optional(),
    ownerAgencyId: z.uuid().optional(),
    occurredAfter: isoDateTime.optional(),
    occurredBefore: isoDateTime.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListRecordsQuery = z.infer<typeof listRecordsQuerySchema>;

export const markingOutSchema = z.object({
  tlp: z.enum(TLP_LEVELS),
  caveats: z.array(z.enum(CAVEATS)),
  partnerShare: z.enum(SHARE_LEVELS),
  networkShare: z.enum(SHARE_LEVELS),
  releasableTo: z.array(z.uuid()),
});

export const observationSchema = z
  .object({
    id: z.uuid(),
    entityId: z.uuid(),
    type: z.enum(OBSERVATION_TYPES),
    role: z.enum(OBSERVATION_ROLES),
    attributes: z.record(z.string(), z.unknown()),
    textStart: z.number().int().nullable(),
    textEnd: z.number().int().nullable(),
  })
  .meta({ id: 'Observation' });

export const recordSummarySchema = z
  .object({
    id: z.uuid(),
    originCenterId: z.uuid(),
    version: z.number().int(),
    kind: z.enum(RECORD_KINDS),
    title: z.string(),
    narrative: z.string(),
    occurredFrom: z.date().nullable(),
    occurredTo: z.date().nullable(),
    location: z
      .object({ lat: z.number(), lon: z.number(), address: z.string().nullable() })
      .nullable(),
    ownerAgencyId: z.uuid(),
    /** False for records of other agencies: "verify with the owning agency before use" (XS-05). */
    isOwnAgency: z.boolean(),
    source: z.string(),
    sourceRecordId: z.string().nullable(),
    markings: markingOutSchema,
    status: z.string(),
    informationCategory: z.string(),
    disposition: z.string().nullable(),
    notifyOwnerOnHit: z.boolean(),
    enteredAt: z.date(),
    validatedAt: z.date().nullable(),
    reviewDueAt: z.date().nullable(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'RecordSummary' });

export const recordSchema = recordSummarySchema
  .extend({ observations: z.array(observationSchema) })
  .meta({ id: 'Record' });

export const recordVersionSchema = z
  .object({
    version: z.number().int(),
    changedAt: z.date(),
    changedByUserId: z.uuid().nullable(),
    snapshot: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RecordVersion' });
