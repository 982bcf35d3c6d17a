import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { entities } from '../entities/entities.table.ts';
import type { Evidence, Model } from './model.ts';
import type { CandidateDecision } from './resolution.schemas.ts';

/**
 * Blocking keys of each observation, indexed: a new observation meets its candidates here.
 * Derived data, written only next to its observations, so no foreign key: checking one per
 * key row doubled the cost of the largest insert of an ingest. Deleting observations
 * deletes their keys (trigger `observations_keys_delete`, migration 0023).
 */
export const observationKeys = pgTable(
  'observation_keys',
  {
    observationId: uuid('observation_id').notNull(),
    key: text('key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.observationId, t.key] }),
    index('observation_keys_key_idx').on(t.key),
  ],
);

/**
 * Which blocking scheme (`BLOCKING_SCHEME` in blocking.ts) the stored keys were derived
 * with (one row). Start-up re-derives them when the code's scheme is newer (rekey.ts).
 */
export const blockingScheme = pgTable('blocking_scheme', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
  rekeyedAt: timestamp('rekeyed_at', { withTimezone: true }),
});

/** The trained model (one row): m/u per field level, priors, term frequencies. */
export const resolutionModel = pgTable('resolution_model', {
  id: integer('id').primaryKey(),
  model: jsonb('model').$type<Model>().notNull(),
  trainedOn: integer('trained_on').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/**
 * Every merge with its evidence. `observationIds` are those that moved from the absorbed
 * entity to the survivor, so a split puts exactly those back.
 */
export const entityMerges = pgTable(
  'entity_merges',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    absorbedEntityId: uuid('absorbed_entity_id')
      .notNull()
      .references(() => entities.id),
    observationA: uuid('observation_a').notNull(),
    observationB: uuid('observation_b').notNull(),
    observationIds: uuid('observation_ids').array().notNull(),
    probability: doublePrecision('probability').notNull(),
    weight: doublePrecision('weight').notNull(),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull(),
    rule: text('rule'),
    decidedBy: text('decided_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('entity_merges_entity_idx').on(t.entityId),
    index('entity_merges_absorbed_idx').on(t.absorbedEntityId),
  ],
);

/**
 * "Possible association": scored, not merged (below threshold or short of CI-14 evidence).
 * An analyst's decision sets `status` and `outcome`: a confirmed candidate either merged the
 * two entities or stands as a confirmed association (linked, identity not established); only
 * `outcome` tells which, since after a split a merged pair is apart again.
 */
export const entityCandidates = pgTable(
  'entity_candidates',
  {
    id: uuid('id').primaryKey(),
    entityA: uuid('entity_a').notNull(),
    entityB: uuid('entity_b').notNull(),
    observationA: uuid('observation_a').notNull(),
    observationB: uuid('observation_b').notNull(),
    probability: doublePrecision('probability').notNull(),
    weight: doublePrecision('weight').notNull(),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull(),
    reason: text('reason'),
    status: text('status').$type<'open' | 'confirmed' | 'rejected'>().notNull().default('open'),
    /** What the decision did (null while open); 'association' is a confirmed association. */
    outcome: text('outcome').$type<CandidateDecision['outcome']>(),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('entity_candidates_a_idx').on(t.entityA),
    index('entity_candidates_b_idx').on(t.entityB),
    // Profiles look confirmed associations up by observation; they are few (analysts'
    // decisions) among many open candidates.
    index('entity_candidates_associations_idx')
      .on(t.observationA, t.observationB)
      .where(sql`${t.outcome} = 'association'`),
  ],
);
