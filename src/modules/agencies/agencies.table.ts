import { boolean, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import type { AgencyLevel, Discipline } from '../../access/viewer.ts';

export type PointOfContact = { name: string; title?: string; phone?: string; email?: string };

export const agencies = pgTable(
  'agencies',
  {
    ...shareableColumns,
    name: text('name').notNull(),
    discipline: text('discipline').$type<Discipline>().notNull(),
    level: text('level').$type<AgencyLevel>().notNull(),
    ori: text('ori'),
    jurisdiction: text('jurisdiction'),
    pointsOfContact: jsonb('points_of_contact').$type<PointOfContact[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('agencies_name_key').on(t.name), uniqueIndex('agencies_ori_key').on(t.ori)],
);
