import { z } from 'zod';
import { CAVEATS, TLP_LEVELS } from '../../access/markings.ts';
import { OBSERVATION_ROLES } from '../entities/observation-types.ts';
import { bboxSchema, checkWindow } from '../geo/geo.schemas.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import { SAR_BEHAVIOUR_CODES } from '../records/sar-codes.ts';
import { isoDateTimeSchema } from '../../shared/time.ts';

export const MAX_TIMELINE_IDS = 500;
export const MAX_TIMELINE_ITEMS = 10_000;

/** `ids=a,b,c`: record ids, comma-separated. */
const idListSchema = z
  .string()
  .max(MAX_TIMELINE_IDS * 37)
  .transform((s, ctx) => {
    const ids = [...new Set(s.split(',').map((x) => x.trim()))];
    const bad = ids.find((id) => !z.uuid().safeParse(id).success);
    if (bad !== undefined || ids.length > MAX_TIMELINE_IDS) {
      ctx.addIssue({
        code: 'custom',
        message:
          bad !== undefined
            ? `'${bad.slice(0, 40)}' is not a UUID`
            : `at most ${MAX_TIMELINE_IDS} ids`,
      });
      return z.NEVER;
    }
    return ids;
  });

const FILTERS = ['from', 'to', 'kind', 'category', 'ownerAgencyId', 'bbox'] as const;

export const timelineQuerySchema = z
  .object({
    /** All visible records of this entity (merged entities are followed to the survivor). */
    entityId: z.uuid().optional(),
    /** These records (invisible or missing ones are listed in `notFound`). */
    ids: idListSchema.optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    kind: z.enum(RECORD_KINDS).optional(),
    category: z.enum(SAR_BEHAVIOUR_CODES).optional(),
    ownerAgencyId: z.uuid().optional(),
    bbox: bboxSchema.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(MAX_TIMELINE_ITEMS).default(1000),
  })
  .strict()
  .superRefine(checkWindow)
  .superRefine((q, ctx) => {
    if (q.entityId && q.ids)
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give entityId or ids, not both' });
    if (!q.entityId && !q.ids && FILTERS.every((f) => q[f] === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['entityId'],
        message: `give entityId, ids, or at least one filter (${FILTERS.join(', ')})`,
      });
  });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineItemSchema = z.object({
  recordId: z.uuid(),
  kind: z.enum(RECORD_KINDS),
  title: z.string(),
  occurredFrom: z.date().nullable(),
  occurredTo: z.date().nullable(),
  enteredAt: z.date(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  status: z.string(),
  tlp: z.enum(TLP_LEVELS),
  caveats: z.array(z.enum(CAVEATS)),
  location: z
    .object({
      lat: z.number(),
      lon: z.number(),
      address: z.string().nullable(),
      countyFips: z.string().nullable(),
      countyName: z.string().nullable(),
    })
    .nullable(),
  /** The entity's role(s) in this record; empty when the timeline is not an entity's. */
  roles: z.array(z.enum(OBSERVATION_ROLES)),
});

export const timelineSchema = z
  .object({
    entityId: z.uuid().nullable(),
    items: z.array(timelineItemSchema),
    /** More records matched than `limit`; the earliest `limit` are shown. */
    truncated: z.boolean(),
    /** Requested ids that are missing or that you may not see (the two look the same). */
    notFound: z.array(z.uuid()),
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof timelineSchema>;
