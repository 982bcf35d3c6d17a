import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import { records } from '../records/records.table.ts';
import type { ObservationRole, ObservationType } from './observation-types.ts';

/** A resolved entity: a cluster of observations judged to be the same real thing. */
export const entities = pgTable('entities', {
  ...shareableColumns,
  type: text('type').$type<ObservationType>().notNull(),
  /** Set when resolution merged this entity into another; kept so a split can restore it. */
  mergedIntoId: uuid('merged_into_id'),
  ...timestamps,
});

/**
 * An entity as one record saw it. It inherits the record's markings: every read joins the
 * record and applies the visibility rule to it.
 */
export const observations = pgTable(
  'observations',
  {
    ...shareableColumns,
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    type: text('type').$type<ObservationType>().notNull(),
    role: text('role').$type<ObservationRole>().notNull(),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    textStart: integer('text_start'),
    textEnd: integer('text_end'),
    /**
     * The record's date, `coalesce(occurred_from, entered_at)`, kept here so a search's name
     * matches carry their date without a read of each record, and date slices take the
     * newest of them (docs/search.md "Totals, facets and the window"). The record writer
     * and its updates keep it in step.
     */
    recordAt: timestamp('record_at', { withTimezone: true }).notNull(),
    /**
     * The record's owner agency (which never changes), kept here so hit detection finds
     * another agency's holders of an entity by index, however many observations the entity
     * holds from the agency writing (src/modules/correlation/detect.ts). Set by the writer.
     */
    ownerAgencyId: uuid('owner_agency_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('observations_record_idx').on(t.recordId),
    index('observations_entity_idx').on(t.entityId, t.ownerAgencyId),
  ],
);
