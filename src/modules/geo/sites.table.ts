import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { shareableColumns, timestamps } from '../../db/columns.ts';
import { users } from '../users/users.table.ts';
import type { CisaSector } from './cisa-sectors.ts';

/**
 * Critical-infrastructure sites an administrator loads (CSV or GeoJSON): a reference list,
 * not protected records — any signed-in user may read it. Keyed by name, so loading the same
 * file again updates rather than duplicates.
 */
export const infrastructureSites = pgTable(
  'infrastructure_sites',
  {
    ...shareableColumns,
    name: text('name').notNull(),
    sector: text('sector').$type<CisaSector>().notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    address: text('address'),
    /** The site's own watch radius for "records near this site"; null means the default. */
    radiusKm: doublePrecision('radius_km'),
    countyFips: text('county_fips'),
    loadedByUserId: uuid('loaded_by_user_id').references(() => users.id),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('infrastructure_sites_name_key').on(t.name),
    check('infrastructure_sites_lat_check', sql`${t.lat} between -90 and 90`),
    check('infrastructure_sites_lon_check', sql`${t.lon} between -180 and 180`),
    check('infrastructure_sites_radius_check', sql`${t.radiusKm} > 0 and ${t.radiusKm} <= 500`),
  ],
);
