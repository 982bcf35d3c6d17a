import type { Db } from '../db/client.ts';
import type { Viewer } from '../access/viewer.ts';
import type { AuditActor } from '../modules/audit/audit.service.ts';
import type { Clock } from './clock.ts';

/** What every service call carries: the database, who is asking, and from where. */
export type ServiceContext = Readonly<{
  db: Db;
  viewer: Viewer;
  clientIp: string | null;
  clock: Clock;
  centerId: string;
}>;

export function auditActor(ctx: ServiceContext): AuditActor {
  return { viewer: ctx.viewer, clientIp: ctx.clientIp, now: ctx.clock.now() };
}
