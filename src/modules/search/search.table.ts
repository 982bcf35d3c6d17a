import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { records } from '../records/records.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A search a user kept to re-run: the query and filters, never the results (a run always
 * answers from the data as it is then, for the viewer running it). Shared searches are seen
 * by the users of the agency the search was saved in, and by no one else.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    sharedWithAgency: boolean('shared_with_agency').notNull().default(false),
    /** The search as `SearchInput` (q, filters, sort); validated again on every run. */
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId, t.id),
    index('saved_searches_agency_shared_idx')
      .on(t.agencyId, t.id)
      .where(sql`${t.sharedWithAgency}`),
  ],
);

/**
 * XS-03 for search: a search found a pointer-level record of another agency by a name or
 * identifier. The owner learns who searched, from which agency, when and with what stated
 * purpose — not the query. One notice per record, searcher and UTC day: re-running the same
 * search all afternoon does not flood the owner's inbox.
 */
export const searchPointerNotices = pgTable(
  'search_pointer_notices',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    searcherUserId: uuid('searcher_user_id')
      .notNull()
      .references(() => users.id),
    searcherAgencyId: uuid('searcher_agency_id')
      .notNull()
      .references(() => agencies.id),
    purpose: text('purpose'),
    day: date('day').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('search_pointer_notices_once_a_day').on(t.recordId, t.searcherUserId, t.day),
    index('search_pointer_notices_owner_idx').on(t.ownerAgencyId, t.id),
  ],
);

/**
 * Every distinct word of the observations' search text (names folded, identifiers compacted),
 * filled by a trigger as observations are written. A misspelt name or a partial identifier is
 * matched against this short list by trigram, and the words found are then looked up exactly
 * in the observations' word index: fuzzy matching stays fast at millions of observations.
 * Words whose observations are gone stay behind; they match nothing.
 */
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});
