/**
 * Shared setup for the resolution tests: records written through the API (so incremental
 * resolution runs as in production), service contexts for named users, and reads of the
 * observation → entity mapping and of the audit log.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { auditLog } from '../audit/audit.table.ts';
import { observations } from '../entities/entities.table.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import { entityCandidates } from './resolution.table.ts';

export const OWN_AGENCY_ONLY = {
  tlp: 'AMBER+STRICT',
  caveats: ['LES'],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
};

export type Written = { recordId: string; observationId: string; entityId: string };

/** Writes a record with one person (or other) observation through the API. */
export async function writeObservation(
  t: TestApp,
  user: TestUser,
  attributes: Record<string, unknown>,
  opts: { type?: string; markings?: object } = {},
): Promise<Written> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/records',
    headers: user.auth,
    payload: recordBody({
      narrative: 'Subject seen near the rail yard.',
      observations: [{ type: opts.type ?? 'person', role: 'subject', attributes }],
      ...(opts.markings ? { markings: opts.markings } : {}),
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const record = res.json<{ id: string; observations: { id: string; entityId: string }[] }>();
  const [o] = record.observations;
  return { recordId: record.id, observationId: o!.id, entityId: o!.entityId };
}

export async function ctxFor(t: TestApp, user: TestUser): Promise<ServiceContext> {
  const viewer = await loadViewer(t.database.db, user.id, null);
  if (!viewer) throw new Error(`no viewer for ${user.username}`);
  return { db: t.database.db, viewer, clientIp: null, clock: t.clock, centerId: t.center.id };
}

/** observation id → entity id, for every observation (or the given ones). */
export async function entityMap(db: Db, ids?: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: observations.id, entityId: observations.entityId })
    .from(observations)
    .where(ids ? inArray(observations.id, [...ids]) : undefined)
    .orderBy(asc(observations.id));
  return new Map(rows.map((r) => [r.id, r.entityId]));
}

export async function entityOf(db: Db, observationId: string): Promise<string> {
  const map = await entityMap(db, [observationId]);
  return map.get(observationId)!;
}

/** The candidate recorded between the entities of two observations, if any. */
export async function candidateBetween(db: Db, x: Written, y: Written) {
  const [a, b] = [await entityOf(db, x.observationId), await entityOf(db, y.observationId)];
  const rows = await db
    .select()
    .from(entityCandidates)
    .where(
      or(
        and(eq(entityCandidates.entityA, a), eq(entityCandidates.entityB, b)),
        and(eq(entityCandidates.entityA, b), eq(entityCandidates.entityB, a)),
      ),
    );
  return rows;
}

export async function auditRows(db: Db, action: string, objectId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.action, action));
  return rows.filter((r) => r.objectIds.includes(objectId));
}

/** The AppError a service call rejects with. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Blocking keys of observations that no longer exist: none, however observations went. */
export async function orphanBlockingKeys(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from observation_keys k
        where not exists (select 1 from observations o where o.id = k.observation_id)`,
  );
  return row!.n;
}
