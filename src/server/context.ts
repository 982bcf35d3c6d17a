import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/context.ts';
import type { AppDeps } from './app.ts';

/** The service context for an authenticated request. */
export function ctxOf(request: FastifyRequest, deps: AppDeps): ServiceContext {
  if (!request.viewer) throw unauthenticated();
  return {
    db: deps.database.db,
    viewer: request.viewer,
    clientIp: request.ip,
    clock: deps.clock,
    centerId: deps.center.id,
  };
}
