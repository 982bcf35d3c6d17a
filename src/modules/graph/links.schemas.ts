import { z } from 'zod';
import { CAVEATS, markingSchema, SHARE_LEVELS, TLP_LEVELS } from '../../access/markings.ts';

const uuid = z.uuid({ message: 'must be a UUID' });

export const createLinkBodySchema = z
  .object({
    fromEntityId: uuid,
    /** Exactly one of toEntityId and toRecordId. */
    toEntityId: uuid.optional(),
    toRecordId: uuid.optional(),
    /** What the link says, e.g. "brother of", "employed by", "rented the vehicle". */
    label: z.string().trim().min(1).max(200),
    /** Where the analyst learned it: a record, a call, a case file — the justification. */
    source: z.string().trim().min(1).max(2000),
    /** The link's own markings; it is shown only to viewers who may also see both ends. */
    markings: markingSchema,
  })
  .strict()
  .refine((b) => (b.toEntityId === undefined) !== (b.toRecordId === undefined), {
    message: 'give exactly one of toEntityId and toRecordId',
    path: ['toEntityId'],
  });
export type CreateLinkBody = z.infer<typeof createLinkBodySchema>;

export const listLinksQuerySchema = z
  .object({
    entityId: uuid.optional(),
    recordId: uuid.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => q.entityId === undefined || q.recordId === undefined, {
    message: 'give at most one of entityId and recordId',
    path: ['recordId'],
  });
export type ListLinksQuery = z.infer<typeof listLinksQuerySchema>;

export const linkSchema = z
  .object({
    id: z.uuid(),
    /** The current entity at each end (after any merge). */
    fromEntityId: z.uuid(),
    toEntityId: z.uuid().nullable(),
    toRecordId: z.uuid().nullable(),
    label: z.string(),
    source: z.string(),
    ownerAgencyId: z.uuid(),
    createdByUserId: z.uuid().nullable(),
    createdAt: z.date(),
    markings: z.object({
      tlp: z.enum(TLP_LEVELS),
      caveats: z.array(z.enum(CAVEATS)),
      partnerShare: z.enum(SHARE_LEVELS),
      networkShare: z.enum(SHARE_LEVELS),
      releasableTo: z.array(z.uuid()),
    }),
  })
  .meta({ id: 'GraphLink' });
