/** Every table, for Drizzle and drizzle-kit. Modules own their tables; this only gathers them. */
export { center } from '../modules/center/center.table.ts';
export { agencies } from '../modules/agencies/agencies.table.ts';
export { users } from '../modules/users/users.table.ts';
export {
  sharingGroups,
  sharingGroupMembers,
} from '../modules/sharing-groups/sharing-groups.table.ts';
export { sessions, apiTokens } from '../modules/auth/auth.table.ts';
export { records, recordVersions, sarTransitions } from '../modules/records/records.table.ts';
export { markingClasses } from '../modules/records/marking-classes.table.ts';
export { entities, observations } from '../modules/entities/entities.table.ts';
export { auditLog, auditChainHead } from '../modules/audit/audit.table.ts';
export { sources } from '../modules/sources/sources.table.ts';
export { ingestJobs, ingestErrors } from '../modules/ingest/ingest.table.ts';
export {
  observationKeys,
  blockingScheme,
  resolutionModel,
  entityMerges,
  entityCandidates,
} from '../modules/resolution/resolution.table.ts';
export {
  hits,
  notifications,
  notificationReads,
  accessRequests,
} from '../modules/correlation/correlation.table.ts';
export { graphLinks } from '../modules/graph/graph.table.ts';
export { infrastructureSites } from '../modules/geo/sites.table.ts';
export {
  savedSearches,
  searchPointerNotices,
  searchWords,
} from '../modules/search/search.table.ts';
