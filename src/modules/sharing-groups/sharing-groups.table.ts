import { check, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { users } from '../users/users.table.ts';

export const sharingGroups = pgTable(
  'sharing_groups',
  {
    ...shareableColumns,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('sharing_groups_name_key').on(t.name)],
);

/** A member is an agency (all its users) or one user: exactly one of the two is set. */
export const sharingGroupMembers = pgTable(
  'sharing_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => sharingGroups.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [
    check('sharing_group_members_one_member', sql`num_nonnulls(${t.agencyId}, ${t.userId}) = 1`),
    // NULLs are distinct, so each index constrains only the rows of its own kind.
    uniqueIndex('sharing_group_members_agency_key').on(t.agencyId, t.groupId),
    uniqueIndex('sharing_group_members_user_key').on(t.userId, t.groupId),
  ],
);
