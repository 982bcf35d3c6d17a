import { boolean, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import type { Marking } from '../../access/markings.ts';
import { agencies } from '../agencies/agencies.table.ts';

/**
 * Where records come from: a feed, an export or a form of one agency. Records are keyed by
 * (source, source record id), and take the source's default markings unless they carry their own.
 */
export const sources = pgTable(
  'sources',
  {
    ...shareableColumns,
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    defaultMarkings: jsonb('default_markings').$type<Marking>().notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('sources_agency_name_key').on(t.agencyId, t.name)],
);
