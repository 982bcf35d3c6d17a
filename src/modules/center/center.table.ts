import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** This instance: exactly one row. Its Ed25519 key pair signs what federation sends later. */
export const center = pgTable('center', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  hostAgencyId: uuid('host_agency_id'),
  systemUserId: uuid('system_user_id'),
  publicKeyPem: text('public_key_pem').notNull(),
  privateKeyPem: text('private_key_pem').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
