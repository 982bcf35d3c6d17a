import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import type { Caveat, ShareLevel, Tlp } from '../../access/markings.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { entities } from '../entities/entities.table.ts';
import { records } from '../records/records.table.ts';
import { users } from '../users/users.table.ts';

/**
 * An explicit analyst link: from an entity to another entity or to a record, with a label and
 * the source that justifies it. It carries its own markings (the owner is the creator's
 * agency) and is shown only to a viewer who may see it and both its ends. Entity ends keep
 * the id the analyst linked; reads follow `entities.merged_into_id` to the survivor, so a
 * later merge or split moves the link with its entity.
 */
export const graphLinks = pgTable(
  'graph_links',
  {
    ...shareableColumns,
    fromEntityId: uuid('from_entity_id')
      .notNull()
      .references(() => entities.id),
    toEntityId: uuid('to_entity_id').references(() => entities.id),
    toRecordId: uuid('to_record_id').references(() => records.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    source: text('source').notNull(),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    tlp: text('tlp').$type<Tlp>().notNull(),
    caveats: text('caveats').array().$type<Caveat[]>().notNull(),
    partnerShare: text('partner_share').$type<ShareLevel>().notNull(),
    networkShare: text('network_share').$type<ShareLevel>().notNull(),
    releasableTo: uuid('releasable_to').array().notNull(),
    ...timestamps,
  },
  (t) => [
    index('graph_links_from_idx').on(t.fromEntityId),
    index('graph_links_to_entity_idx').on(t.toEntityId),
    index('graph_links_to_record_idx').on(t.toRecordId),
    check(
      'graph_links_one_target_check',
      sql`(${t.toEntityId} is null) <> (${t.toRecordId} is null)`,
    ),
    check('graph_links_tlp_check', sql`${t.tlp} in ('CLEAR','GREEN','AMBER','AMBER+STRICT','RED')`),
    check('graph_links_partner_share_check', sql`${t.partnerShare} in ('full','pointer','none')`),
    check('graph_links_network_share_check', sql`${t.networkShare} in ('full','pointer','none')`),
  ],
);
