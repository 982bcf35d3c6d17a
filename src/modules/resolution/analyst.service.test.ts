import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { confirmCandidate, mergeEntities, rejectCandidate } from './analyst.service.ts';
import { entityCandidates, entityMerges } from './resolution.table.ts';
import {
  auditRows,
  candidateBetween,
  ctxFor,
  entityOf,
  OWN_AGENCY_ONLY,
  refusal,
  writeObservation,
} from './resolution.test-helpers.ts';

describeEachDatabase('analyst decisions: confirm, reject, merge (CI-14)', (kind) => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let asA: ServiceContext;
  let asB: ServiceContext;
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await t.personas.analyst((await t.buildAgency()).id);
    b = await t.personas.analyst((await t.buildAgency()).id);
    asA = await ctxFor(t, a);
    asB = await ctxFor(t, b);
  });
  afterAll(() => t.close());

  const born = { dateOfBirth: '1979-11-02' };
  const oak = { address: { street: '12 Oak St', city: 'Richmond', state: 'VA' } };
  const rationale = 'Booking photos and the shared address match';

  let phones = 0;
  const phone = () => `+1804555${String(100 + phones++).padStart(4, '0')}`;

  /**
   * Two records of one man that resolution leaves as a possible association: name and date
   * of birth alone, or (`withAddress`) also the same address but a different sex and phone,
   * which keeps the probability below the auto-merge threshold.
   */
  async function possibleAssociation(surname: string, withAddress = false) {
    const person = { givenName: 'Marcus', surname, ...born };
    const differ = (sex: string) => (withAddress ? { ...oak, sex, phones: [phone()] } : {});
    const x = await writeObservation(t, a, { ...person, ...differ('M') });
    const y = await writeObservation(t, b, { ...person, ...differ('F') });
    const [candidate] = await candidateBetween(t.database.db, x, y);
    expect(candidate, 'resolution should have proposed a possible association').toBeDefined();
    expect(await entityOf(t.database.db, y.observationId)).not.toBe(x.entityId);
    return { x, y, candidate: candidate! };
  }

  it('CI-14 confirming a candidate whose evidence meets the minimum merges the entities as the analyst’s decision, audited with the rationale', async () => {
    const { x, y, candidate } = await possibleAssociation('Delacroix', true);
    const decision = await confirmCandidate(asA, candidate.id, { rationale, association: false });
    expect(decision).toMatchObject({ status: 'confirmed', outcome: 'merged' });
    const db = t.database.db;
    expect(await entityOf(db, y.observationId)).toBe(await entityOf(db, x.observationId));
    const [merge] = await db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.id, decision.merge!.mergeId));
    expect(merge).toMatchObject({ decidedBy: a.id, rule: 'name+dob+address', undoneAt: null });
    const [closed] = await db
      .select()
      .from(entityCandidates)
      .where(eq(entityCandidates.id, candidate.id));
    expect(closed).toMatchObject({ status: 'confirmed', outcome: 'merged', decidedByUserId: a.id });
    const [event] = await auditRows(db, 'entity.candidate.confirm', candidate.id);
    expect(event).toMatchObject({ decision: 'allow', actorUserId: a.id });
    expect(event!.details).toMatchObject({ rationale, outcome: 'merged' });
  });

  it('CI-14 name and date of birth alone: confirming as a merge is refused with 422 naming what is missing, nothing changes, the refusal is audited', async () => {
    const { x, y, candidate } = await possibleAssociation('Vandermolen');
    const err = await refusal(
      confirmCandidate(asA, candidate.id, { rationale, association: false }),
    );
    expect(err.code).toBe('resolution.insufficient_evidence');
    expect(err.status).toBe(422);
    const missing = err.details?.['missingEvidence'] as { rule: string; missing: string[] }[];
    expect(missing[0]).toEqual({ rule: 'name+dob+identifier', missing: ['identifier'] });
    expect(missing).toContainEqual({ rule: 'name+dob+address', missing: ['street'] });
    const db = t.database.db;
    expect(await entityOf(db, y.observationId)).not.toBe(await entityOf(db, x.observationId));
    const [open] = await db
      .select()
      .from(entityCandidates)
      .where(eq(entityCandidates.id, candidate.id));
    expect(open).toMatchObject({ status: 'open', outcome: null });
    const [denied] = await auditRows(db, 'entity.candidate.confirm', candidate.id);
    expect(denied).toMatchObject({ decision: 'deny', reason: 'resolution.insufficient_evidence' });
    expect(denied!.details).toMatchObject({ rationale });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('CI-14 confirming with association: true records a confirmed possible association and does not merge', async () => {
    const { x, y, candidate } = await possibleAssociation('Okonkwo');
    const decision = await confirmCandidate(asB, candidate.id, { rationale, association: true });
    expect(decision).toEqual({
      candidateId: candidate.id,
      status: 'confirmed',
      outcome: 'association',
      merge: null,
    });
    const db = t.database.db;
    expect(await entityOf(db, y.observationId)).not.toBe(await entityOf(db, x.observationId));
    const [row] = await db
      .select()
      .from(entityCandidates)
      .where(eq(entityCandidates.id, candidate.id));
    expect(row).toMatchObject({
      status: 'confirmed',
      outcome: 'association',
      decidedByUserId: b.id,
    });
    expect(
      await db.select().from(entityMerges).where(eq(entityMerges.absorbedEntityId, y.entityId)),
    ).toEqual([]);
  });

  it('rejecting closes a candidate; deciding it again is 409', async () => {
    const { candidate } = await possibleAssociation('Brannigan');
    expect(await rejectCandidate(asA, candidate.id, { rationale })).toMatchObject({
      status: 'rejected',
      outcome: 'rejected',
    });
    const [row] = await t.database.db
      .select()
      .from(entityCandidates)
      .where(eq(entityCandidates.id, candidate.id));
    expect(row).toMatchObject({ status: 'rejected', outcome: 'rejected', decidedByUserId: a.id });
    expect(
      (await auditRows(t.database.db, 'entity.candidate.reject', candidate.id))[0],
    ).toMatchObject({ decision: 'allow', details: { rationale } });
    for (const again of [
      rejectCandidate(asA, candidate.id, { rationale }),
      confirmCandidate(asA, candidate.id, { rationale, association: true }),
    ]) {
      expect((await refusal(again)).code).toBe('resolution.candidate_decided');
    }
  });

  it('CI-14 a manual merge stands on the strongest pair meeting a rule; without such a pair, or across types, it is refused', async () => {
    // A DOB keyed one digit off and another city: too weak for resolution to propose anything.
    const x = await writeObservation(t, a, {
      givenName: 'Ilse',
      surname: 'Marchetti',
      ...born,
      ...oak,
    });
    const y = await writeObservation(t, b, {
      givenName: 'Ilse',
      surname: 'Marchetti',
      dateOfBirth: '1979-11-03',
      address: { street: '12 Oak St', city: 'Norfolk', state: 'VA' },
    });
    expect(await entityOf(t.database.db, y.observationId)).not.toBe(x.entityId);
    const merged = await mergeEntities(asA, x.entityId, { otherEntityId: y.entityId, rationale });
    expect(merged).toMatchObject({
      entityId: x.entityId,
      absorbedEntityId: y.entityId,
      observationIds: [y.observationId],
      rule: 'name+dob+address',
    });
    expect(await entityOf(t.database.db, y.observationId)).toBe(x.entityId);
    expect(
      (await auditRows(t.database.db, 'entity.merge', merged.mergeId))[0]!.details,
    ).toMatchObject({
      rationale,
      rule: 'name+dob+address',
    });

    const z = await writeObservation(t, a, { givenName: 'Ilse', surname: 'Marchetti' });
    const weak = await refusal(
      mergeEntities(asA, x.entityId, { otherEntityId: z.entityId, rationale }),
    );
    expect(weak.code).toBe('resolution.insufficient_evidence');
    expect(weak.message).toContain('dob');
    const number = await writeObservation(t, a, { number: '+17575550142' }, { type: 'phone' });
    const mixed = await refusal(
      mergeEntities(asA, x.entityId, { otherEntityId: number.entityId, rationale }),
    );
    expect(mixed.code).toBe('resolution.type_mismatch');
  });

  it('an entity the analyst sees nothing of is 404; a merge touching an observation they may not see is 403 resolution.not_visible, audited as a denial', async () => {
    const licence = { scheme: 'driver_license', value: 'K77001234', issuer: 'VA' };
    const person = { givenName: 'Dmitri', surname: 'Halvorsen', ...born, identifiers: [licence] };
    const hidden = await writeObservation(t, a, person, { markings: OWN_AGENCY_ONLY });
    const seen = await writeObservation(t, b, person);
    // Resolution joined B's record to A's hidden one: B sees one of the entity's two.
    expect(seen.entityId).toBe(hidden.entityId);
    const other = await writeObservation(t, b, { ...person, identifiers: [], ...oak });
    const secret = await writeObservation(
      t,
      a,
      { givenName: 'Ana', surname: 'Quist' },
      { markings: OWN_AGENCY_ONLY },
    );

    const notFound = await refusal(
      mergeEntities(asB, other.entityId, { otherEntityId: secret.entityId, rationale }),
    );
    expect(notFound.code).toBe('entities.not_found');
    const forbidden = await refusal(
      mergeEntities(asB, other.entityId, { otherEntityId: seen.entityId, rationale }),
    );
    expect(forbidden.code).toBe('resolution.not_visible');
    expect(forbidden.status).toBe(403);
    const db = t.database.db;
    expect(await entityOf(db, other.observationId)).toBe(other.entityId);
    const [denied] = await auditRows(db, 'entity.merge', seen.entityId);
    expect(denied).toMatchObject({
      decision: 'deny',
      reason: 'resolution.not_visible',
      actorUserId: b.id,
    });
  });
});
