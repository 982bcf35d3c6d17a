/**
 * The cast and the calls of the SAR vetting tests: a reporting agency and a fusion center,
 * reviewers and analysts with current or lapsed NSI training, SARs marked so that only those
 * two agencies see them (each test's queue holds only its own SARs).
 */
import { and, arrayContains, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../access/viewer.ts';
import type { TestApp, TestUser } from '../../server/test-app.ts';
import { recordBody } from '../../server/test-app.ts';
import { auditLog } from '../audit/audit.table.ts';

/** The tests' clock: attestations below are current or lapsed relative to it. */
export const VETTING_NOW = new Date('2026-06-15T12:00:00Z');
export const CURRENT_TRAINING = '2026-01-10';
export const LAPSED_TRAINING = '2024-02-01';
export const FACTS =
  'Photographed the perimeter cameras and gate schedule for 40 minutes; fled when approached.';

const attributes = (nsiTrainedAnalyst: string | null) => ({
  lawEnforcement: true,
  cfr23Trained: false,
  piiAccess: true,
  healthAccess: false,
  nsiTrainedAnalyst,
});

export async function buildVettingCast(t: TestApp) {
  const reporting = await t.buildAgency();
  const center = await t.buildAgency({ discipline: 'fusion_center', level: 'state' });
  const person = (agencyId: string, roles: Role[], trained: string | null) =>
    t.buildUser(agencyId, { roles, attributes: attributes(trained) });
  return {
    reporting,
    center,
    officer: await person(reporting.id, ['analyst'], null),
    reviewer: await person(center.id, ['sar_reviewer'], null),
    analyst: await person(center.id, ['sar_analyst'], CURRENT_TRAINING),
    lapsedAnalyst: await person(center.id, ['sar_analyst'], LAPSED_TRAINING),
    /** Holds both vetting roles: the two-person rule is about people, not roles. */
    both: await person(center.id, ['sar_reviewer', 'sar_analyst'], CURRENT_TRAINING),
  };
}
export type VettingCast = Awaited<ReturnType<typeof buildVettingCast>>;

/** A SAR of the reporting agency that only it and the center may see. */
export function sarBody(cast: VettingCast, overrides: Record<string, unknown> = {}) {
  return recordBody({
    kind: 'sar',
    title: 'Photography of the water treatment plant',
    markings: {
      tlp: 'AMBER',
      caveats: ['LES'],
      partnerShare: 'full',
      networkShare: 'none',
      releasableTo: [cast.center.id],
    },
    payload: { behaviours: ['PHOTO'], targetSectors: ['WATR'] },
    ...overrides,
  });
}

export function vettingCalls(t: TestApp) {
  const move = (as: TestUser, id: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/sars/${id}/transitions`,
      headers: as.auth,
      payload: body,
    });
  return {
    /** Creates a record (a SAR unless the body says otherwise) and returns its id. */
    async create(as: TestUser, body: Record<string, unknown>): Promise<string> {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: as.auth,
        payload: body,
      });
      if (res.statusCode !== 201) throw new Error(`record not created: ${res.body}`);
      return res.json<{ id: string }>().id;
    },
    move,
    /** One step that must succeed, with articulable facts where the step takes them. */
    async step(as: TestUser, id: string, to: string) {
      const res = await move(as, id, {
        to,
        rationale: `Step to ${to}`,
        ...(to === 'ise_sar' ? { articulableFacts: FACTS } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
    },
    vetting: (as: TestUser, id: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/sars/${id}/transitions`, headers: as.auth }),
    queue: (as: TestUser, query: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/sars/queue?${query}`, headers: as.auth }),
    /** Audit rows of one action naming one object, oldest first. */
    audits: (action: string, objectId: string) =>
      t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), arrayContains(auditLog.objectIds, [objectId])))
        .orderBy(asc(auditLog.seq)),
    /** Denials of one action to one user, oldest first. */
    denials: (action: string, userId: string) =>
      t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, action),
            eq(auditLog.actorUserId, userId),
            eq(auditLog.decision, 'deny'),
          ),
        )
        .orderBy(asc(auditLog.seq)),
  };
}
