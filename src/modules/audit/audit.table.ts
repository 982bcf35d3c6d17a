import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. Each row's hash covers its canonical serialization
 * and the previous row's hash. A trigger (migration 0001) refuses UPDATE, DELETE and
 * TRUNCATE; application code has no path to either.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Gapless, assigned under the chain lock: a missing number is a deleted row. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorAgencyId: uuid('actor_agency_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectIds: text('object_ids').array().notNull(),
    decision: text('decision').$type<'allow' | 'deny'>().notNull(),
    purpose: text('purpose'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    clientIp: text('client_ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.seq),
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_object_ids_idx').using('gin', t.objectIds),
  ],
);

/**
 * The chain head (one row), moved in the same transaction as each append. Without it,
 * deleting the newest rows would leave a valid but shorter chain.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
