import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from './viewer.ts';

/**
 * For administrative objects that belong to an agency (sources, ingest jobs): the center's
 * administrators and the system see every agency's; everyone else sees their own agency's.
 * Returns undefined where no restriction applies.
 */
export function ownAgencyUnlessAdmin(viewer: Viewer, agencyColumn: AnyPgColumn): SQL | undefined {
  return viewer.kind === 'system' || viewer.roles.includes('admin')
    ? undefined
    : eq(agencyColumn, viewer.agencyId);
}
