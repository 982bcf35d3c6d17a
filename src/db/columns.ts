import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Global identity on every shareable object (ARCHITECTURE rule 4). */
export const shareableColumns = {
  id: uuid('id').primaryKey(),
  originCenterId: uuid('origin_center_id').notNull(),
  version: integer('version').notNull().default(1),
};

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
