import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import type { Role, UserAttributes } from '../../access/viewer.ts';
import { agencies } from '../agencies/agencies.table.ts';

export const users = pgTable(
  'users',
  {
    ...shareableColumns,
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    attributes: jsonb('attributes').$type<UserAttributes>().notNull(),
    /** argon2id; null for accounts that cannot sign in with a password (the system user). */
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_agency_idx').on(t.agencyId),
  ],
);
