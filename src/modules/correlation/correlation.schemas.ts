import { z } from 'zod';
import { NOTIFICATION_KINDS } from './correlation.table.ts';

const agencyRef = z.object({ id: z.uuid(), name: z.string() });
const contact = z
  .object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })
  .nullable();

export const hitViewSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.date(),
    entityId: z.uuid(),
    entityType: z.string(),
    direction: z.enum(['outgoing', 'incoming']),
    yourRecord: z.object({ id: z.uuid(), kind: z.string(), title: z.string() }),
    other: z.discriminatedUnion('access', [
      z.object({
        access: z.literal('content'),
        record: z.object({
          id: z.uuid(),
          kind: z.string(),
          title: z.string(),
          occurredFrom: z.date().nullable(),
          ownerAgency: agencyRef,
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
