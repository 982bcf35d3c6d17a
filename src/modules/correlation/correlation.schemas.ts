import { z } from 'zod';
import { CAVEATS, TLP_LEVELS } from '../../access/markings.ts';
import { NOTIFICATION_KINDS } from './correlation.table.ts';

const agencyRef = z.object({ id: z.uuid(), name: z.string() });
const contact = z
  .object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })
  .nullable();
/** The record's TLP and caveats, for the screen's marking banner. */
const markings = z.object({ tlp: z.enum(TLP_LEVELS), caveats: z.array(z.enum(CAVEATS)) });

export const hitViewSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.date(),
    entityId: z.uuid(),
    entityType: z.string(),
    direction: z.enum(['outgoing', 'incoming']),
    yourRecord: z.object({ id: z.uuid(), kind: z.string(), title: z.string(), markings }),
    other: z.discriminatedUnion('access', [
      z.object({
        access: z.literal('content'),
        record: z.object({
          id: z.uuid(),
          kind: z.string(),
          title: z.string(),
          occurredFrom: z.date().nullable(),
          ownerAgency: agencyRef,
          markings,
        }),
      }),
      z.object({
        access: z.literal('pointer'),
        pointer: z.object({
          matchType: z.literal('entity'),
          entityType: z.string(),
          ownerAgency: agencyRef,
          pointOfContact: contact,
          recordDate: z.string(),
          matchStrength: z.literal('resolved'),
        }),
      }),
      z.object({ access: z.literal('notice'), agency: agencyRef, at: z.date() }),
    ]),
  })
  .meta({ id: 'Hit' });

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    createdAt: z.date(),
    read: z.boolean(),
    hit: hitViewSchema,
  })
  .meta({ id: 'Notification' });
