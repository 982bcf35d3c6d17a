import { sql } from 'drizzle-orm';
import {
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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

export const NOTIFICATION_KINDS = ['hit', 'subject_touched', 'access_request'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * An agency's inbox: `hit` for the side that arrived, `subject_touched` for the owner (XS-03),
 * `access_request` for the owner when someone asks for a record behind a pointer (XS-04).
 */
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

export const ACCESS_REQUEST_STATUSES = ['open', 'granted', 'denied', 'withdrawn'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/**
 * XS-04: "request access" on a pointer hit. The requester names the hit (a pointer carries no
 * record id); the owner's record is kept here so the owner's access log and inbox show it.
 * Deciding (grant time-boxed, deny with reason) is the owner's next step.
 */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey(),
    hitId: uuid('hit_id')
      .notNull()
      .references(() => hits.id, { onDelete: 'cascade' }),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    requesterAgencyId: uuid('requester_agency_id')
      .notNull()
      .references(() => agencies.id),
    reason: text('reason').notNull(),
    status: text('status').$type<AccessRequestStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('access_requests_owner_idx').on(t.ownerAgencyId, t.id),
    index('access_requests_requester_idx').on(t.requesterAgencyId, t.id),
    // One open request per person and hit.
    uniqueIndex('access_requests_one_open')
      .on(t.hitId, t.requesterUserId)
      .where(sql`${t.status} = 'open'`),
  ],
);
