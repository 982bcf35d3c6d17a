import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { eq } from 'drizzle-orm';
import { mergeEntities, rejectCandidate, splitEntity } from './analyst.service.ts';
import { loadSettledPairs } from './kept-apart.ts';
import { entityMerges } from './resolution.table.ts';
import { candidateBetween, ctxFor, entityOf, writeObservation } from './resolution.test-helpers.ts';

describeEachDatabase('analyst decisions stand against later automatic resolution', (kind) => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let asA: ServiceContext;
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await t.personas.analyst((await t.buildAgency()).id);
    b = await t.personas.analyst((await t.buildAgency()).id);
    asA = await ctxFor(t, a);
  });
  afterAll(() => t.close());

  const mergesInto = (id: string) =>
    t.database.db.select().from(entityMerges).where(eq(entityMerges.entityId, id));
  const rationale = 'Different women: one was in custody on that date';
  const oak = { address: { street: '12 Oak St', city: 'Richmond', state: 'VA' } };

  /** X has a licence, Y an address: name and birth date alone make them a candidate. */
  async function rejectedPair(surname: string) {
    const person = { givenName: 'Teresa', surname, dateOfBirth: '1979-11-02' };
    const licence = { scheme: 'driver_license', value: `${surname.toUpperCase()}9`, issuer: 'VA' };
    const x = await writeObservation(t, a, { ...person, identifiers: [licence] });
    const y = await writeObservation(t, b, { ...person, ...oak });
    const [candidate] = await candidateBetween(t.database.db, x, y);
    expect(candidate?.status).toBe('open');
    await rejectCandidate(asA, candidate!.id, { rationale });
    return { person, licence, x, y };
  }

  it('a rejected pair and an undone merge are kept apart, following their observations into later merges', async () => {
    const { person, x, y } = await rejectedPair('Vandermolen');
    let settled = await loadSettledPairs(t.database.db, [x.entityId]);
    expect(settled.isKeptApart(x.entityId, y.entityId)).toBe(true);
    expect(settled.settledUnder()(y.entityId, x.entityId)).toBe(true);

    // Y's entity is merged by hand into another record of her: the decision follows.
    const z = await writeObservation(t, b, {
      ...person,
      dateOfBirth: '1979-11-12',
      address: { street: '12 Oak St', city: 'Norfolk', state: 'VA' },
    });
    expect(z.entityId).not.toBe(y.entityId);
    await mergeEntities(asA, z.entityId, { otherEntityId: y.entityId, rationale: 'Same woman' });
    settled = await loadSettledPairs(t.database.db, [z.entityId, x.entityId]);
    expect(settled.isKeptApart(z.entityId, x.entityId)).toBe(true);
    expect(settled.isKeptApart(z.entityId, y.entityId)).toBe(false);

    // An automatic merge undone by an analyst keeps its two sides apart.
    const passport = { scheme: 'passport', value: 'P5550101', issuer: 'USA' };
    const other = { givenName: 'Olu', surname: 'Braithwaite', dateOfBirth: '1966-04-09' };
    const v1 = await writeObservation(t, a, { ...other, identifiers: [passport] });
    const v2 = await writeObservation(t, b, { ...other, identifiers: [passport] });
    expect(v2.entityId).toBe(v1.entityId);
    const [auto] = await mergesInto(v1.entityId);
    await splitEntity(asA, v1.entityId, { mergeId: auto!.id, rationale });
    settled = await loadSettledPairs(t.database.db, [v1.entityId]);
    expect(settled.isKeptApart(v1.entityId, auto!.absorbedEntityId)).toBe(true);
    expect(await entityOf(t.database.db, v2.observationId)).toBe(auto!.absorbedEntityId);
  });

  it('a rejected pair is not proposed again when a later record joins one side', async () => {
    const { person, licence, x, y } = await rejectedPair('Ashworth');
    const z = await writeObservation(t, b, { ...person, identifiers: [licence] });
    expect(z.entityId).toBe(x.entityId);
    const again = await candidateBetween(t.database.db, x, y);
    expect(again.map((c) => c.status)).toEqual(['rejected']);
  });

  it('a later record that matches both sides of a rejected pair does not merge them', async () => {
    const { person, licence, x, y } = await rejectedPair('Pemberton');
    const bridge = await writeObservation(t, b, { ...person, identifiers: [licence], ...oak });
    const db = t.database.db;
    expect([x.entityId, y.entityId]).toContain(bridge.entityId);
    expect(await entityOf(db, x.observationId)).not.toBe(await entityOf(db, y.observationId));
  });
});
