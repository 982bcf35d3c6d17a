import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Caveat, ShareLevel, Tlp } from '../../access/markings.ts';
import { agencies } from '../agencies/agencies.table.ts';

/**
 * Every combination of the five columns the visibility rule reads that some record carries
 * (ADR 0010). A class _is_ its values: rows are only ever added, never changed. Records point
 * at theirs through `records.marking_class`, which a trigger keeps in step with the record's
 * own columns (migration 0024), so statements over many records apply the rule once per
 * class instead of once per row.
 */
export const markingClasses = pgTable(
  'marking_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    tlp: text('tlp').$type<Tlp>().notNull(),
    caveats: text('caveats').array().$type<Caveat[]>().notNull(),
    partnerShare: text('partner_share').$type<ShareLevel>().notNull(),
    releasableTo: uuid('releasable_to').array().notNull(),
  },
  (t) => [
    uniqueIndex('marking_classes_values_key').on(
      t.ownerAgencyId,
      t.tlp,
      t.caveats,
      t.partnerShare,
      t.releasableTo,
    ),
  ],
);
