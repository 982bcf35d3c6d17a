import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.ts';
import { records } from '../records/records.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A cross-agency hit: a record of `agencyId` touched an entity that a record of
 * `otherAgencyId` holds. Stored once; what each side may learn of it is decided at read time
 * by the visibility rule (content, a pointer, or nothing).
 */
export const hits = pgTable(
  'hits',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id').notNull(),
    entityType: text('entity_type').notNull(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    observationId: uuid('observation_id').notNull(),
    otherRecordId: uuid('other_record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    otherAgencyId: uuid('other_agency_id')
      .notNull()
      .references(() => agencies.id),
    otherObservationId: uuid('other_observation_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('hits_agency_idx').on(t.agencyId, t.id),
    index('hits_other_agency_idx').on(t.otherAgencyId, t.id),
    // Detection looks up the hits already made for the records of a batch (and cascades).
    index('hits_record_idx').on(t.recordId),
    index('hits_other_record_idx').on(t.otherRecordId),
  ],
);

export const NOTIFICATION_KINDS = ['hit', 'subject_touched'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An agency's inbox: `hit` for the side that arrived, `subject_touched` for the owner (XS-03). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    hitId: uuid('hit_id')
      .notNull()
      .references(() => hits.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notifications_agency_idx').on(t.agencyId, t.id)],
);

/** Read state is per person: one colleague reading a notice does not read it for all. */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
