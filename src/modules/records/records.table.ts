import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import type { Caveat, ShareLevel, Tlp } from '../../access/markings.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { users } from '../users/users.table.ts';
import { markingClasses } from './marking-classes.table.ts';
import type { RecordKind } from './record-kinds.ts';
import { SAR_STATES } from './sar-vetting.ts';

/** Every kind of report in one table: common columns plus a kind-specific payload. */
export const records = pgTable(
  'records',
  {
    ...shareableColumns,
    kind: text('kind').$type<RecordKind>().notNull(),
    title: text('title').notNull(),
    narrative: text('narrative').notNull(),
    occurredFrom: timestamp('occurred_from', { withTimezone: true }),
    occurredTo: timestamp('occurred_to', { withTimezone: true }),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    address: text('address'),
    /** H3 cell of the point at resolution 9 (src/modules/geo/h3.ts); null without a location. */
    h3Cell: bigint('h3_cell', { mode: 'bigint' }),
    /** Five-digit FIPS of the US county the point lies in; null without one. */
    countyFips: text('county_fips'),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    source: text('source').notNull(),
    sourceRecordId: text('source_record_id'),
    tlp: text('tlp').$type<Tlp>().notNull(),
    caveats: text('caveats').array().$type<Caveat[]>().notNull(),
    partnerShare: text('partner_share').$type<ShareLevel>().notNull(),
    networkShare: text('network_share').$type<ShareLevel>().notNull(),
    releasableTo: uuid('releasable_to').array().notNull(),
    /**
     * The class of the five columns above (ADR 0010), set by a trigger on every insert and on
     * every change of them (migration 0024). The placeholder only tells Drizzle that writers
     * need not give one; the trigger overwrites whatever is sent.
     */
    markingClass: integer('marking_class')
      .notNull()
      .references(() => markingClasses.id)
      .$defaultFn(() => 0),
    /** XS-03: the owner may turn off "another agency touched this subject" notices. */
    notifyOwnerOnHit: boolean('notify_owner_on_hit').notNull().default(true),
    status: text('status').notNull(),
    informationCategory: text('information_category').notNull(),
    disposition: text('disposition'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Hash of the content as ingested: the same row ingested again changes nothing. */
    contentHash: text('content_hash'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('records_source_key').on(t.source, t.sourceRecordId),
    index('records_owner_idx').on(t.ownerAgencyId, t.id),
    index('records_kind_idx').on(t.kind, t.id),
    index('records_occurred_idx').on(t.occurredFrom),
    // Start-up finds records still missing their place columns without a full scan.
    index('records_place_missing_idx')
      .on(t.id)
      .where(sql`${t.lat} is not null and ${t.h3Cell} is null`),
    check(
      'records_kind_check',
      sql`${t.kind} in ('sar','incident','field_interview','arrest','tip','intel_report','cyber_indicator')`,
    ),
    check('records_tlp_check', sql`${t.tlp} in ('CLEAR','GREEN','AMBER','AMBER+STRICT','RED')`),
    check('records_partner_share_check', sql`${t.partnerShare} in ('full','pointer','none')`),
    check('records_network_share_check', sql`${t.networkShare} in ('full','pointer','none')`),
    check('records_lat_check', sql`${t.lat} between -90 and 90`),
    check('records_lon_check', sql`${t.lon} between -180 and 180`),
  ],
);

/**
 * Every version of a record: who made it and when, and the full state of each version that
 * has been superseded. The current version's `snapshot` is null — its state is the live
 * record and observations — and is filled when the next version replaces it (ADR 0011), so
 * a new record costs a small row here, not a second copy of itself.
 */
export const recordVersions = pgTable(
  'record_versions',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
    changedByUserId: uuid('changed_by_user_id').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.version] })],
);

const sarStateList = sql.raw(SAR_STATES.map((s) => `'${s}'`).join(','));

/**
 * SAR-03: every step of a SAR's life cycle — who took it, when, from which state to which,
 * and why. Written only by the vetting service, in the transaction that moves the record's
 * status and appends the audit event; never updated.
 */
export const sarTransitions = pgTable(
  'sar_transitions',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    /** As it was when acting: a later rename does not rewrite the vetting history. */
    actorUsername: text('actor_username').notNull(),
    actorAgencyId: uuid('actor_agency_id')
      .notNull()
      .references(() => agencies.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    rationale: text('rationale').notNull(),
    /** SAR-05: the analyst's articulable facts, on the ise_sar determination. */
    articulableFacts: text('articulable_facts'),
    /** The record version this transition made. */
    recordVersion: integer('record_version').notNull(),
  },
  (t) => [
    index('sar_transitions_record_idx').on(t.recordId, t.id),
    check('sar_transitions_rationale_check', sql`length(btrim(${t.rationale})) > 0`),
    check('sar_transitions_from_check', sql`${t.fromState} in (${sarStateList})`),
    check('sar_transitions_to_check', sql`${t.toState} in (${sarStateList})`),
  ],
);
