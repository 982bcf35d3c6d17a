import type { FastifyInstance } from 'fastify';
import { agenciesRoutes } from '../modules/agencies/agencies.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { entitiesRoutes } from '../modules/entities/entities.routes.ts';
import { resolutionRoutes } from '../modules/resolution/resolution.routes.ts';
import { recordsRoutes } from '../modules/records/records.routes.ts';
import { recordAccessLogRoutes } from '../modules/records/record-access-log.routes.ts';
import { sarVettingRoutes } from '../modules/records/sar-vetting.routes.ts';
import { sarCodesRoutes } from '../modules/records/sar-codes.routes.ts';
import { correlationRoutes } from '../modules/correlation/correlation.routes.ts';
import { accessRequestRoutes } from '../modules/correlation/access-requests.routes.ts';
import { ingestRoutes } from '../modules/ingest/ingest.routes.ts';
import { sourcesRoutes } from '../modules/sources/sources.routes.ts';
import { sharingGroupsRoutes } from '../modules/sharing-groups/sharing-groups.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import { geoRoutes } from '../modules/geo/geo.routes.ts';
import { timelineRoutes } from '../modules/timeline/timeline.routes.ts';
import { graphRoutes } from '../modules/graph/graph.routes.ts';
import { searchRoutes } from '../modules/search/search.routes.ts';
import { trendsRoutes } from '../modules/trends/trends.routes.ts';
import type { AppDeps } from './app.ts';

/** Every module's routes under /api/v1. */
export async function registerApiRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  authRoutes(api, deps);
  agenciesRoutes(api, deps);
  usersRoutes(api, deps);
  sharingGroupsRoutes(api, deps);
  recordsRoutes(api, deps);
  recordAccessLogRoutes(api, deps);
  sarVettingRoutes(api, deps);
  sarCodesRoutes(api);
  entitiesRoutes(api, deps);
  resolutionRoutes(api, deps);
  auditRoutes(api, deps);
  sourcesRoutes(api, deps);
  correlationRoutes(api, deps);
  accessRequestRoutes(api, deps);
  geoRoutes(api, deps);
  timelineRoutes(api, deps);
  graphRoutes(api, deps);
  searchRoutes(api, deps);
  trendsRoutes(api, deps);
  await api.register((scope) => ingestRoutes(scope, deps));
}
