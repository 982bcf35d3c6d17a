import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { entities } from '../entities/entities.table.ts';
import type { AppError } from '../../shared/errors.ts';
import { mergeEntities, splitEntity } from './analyst.service.ts';
import { retrainResolution } from './retrain.ts';
import { entityMerges } from './resolution.table.ts';
import {
  auditRows,
  ctxFor,
  entityMap,
  OWN_AGENCY_ONLY,
  refusal,
  writeObservation,
} from './resolution.test-helpers.ts';

describeEachDatabase('splitting an entity restores the clusters exactly', (kind) => {
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

  const rationale = 'Different men: the booking photos do not match';
  const street = (city: string) => ({ address: { street: '40 Mill Rd', city, state: 'VA' } });

  /**
   * One man in three entities resolution will not join by itself: E1 (two records joined by
   * a licence), E2 and E3 (a date of birth keyed one digit off, another city). Each pair
   * meets CI-14 (name, date of birth within a typo, same street), so an analyst may merge.
   */
  async function threeEntities(surname: string) {
    const person = { givenName: 'Yusuf', surname, dateOfBirth: '1983-05-14' };
    const licence = { scheme: 'driver_license', value: `${surname.toUpperCase()}-7`, issuer: 'VA' };
    const p1 = await writeObservation(t, a, {
      ...person,
      identifiers: [licence],
      ...street('Richmond'),
    });
    const p1b = await writeObservation(t, b, { ...person, identifiers: [licence] });
    const p2 = await writeObservation(t, b, {
      ...person,
      dateOfBirth: '1983-05-15',
      ...street('Norfolk'),
    });
    const p3 = await writeObservation(t, a, {
      ...person,
      dateOfBirth: '1983-05-24',
      ...street('Roanoke'),
    });
    expect(p1b.entityId).toBe(p1.entityId);
    expect(new Set([p1.entityId, p2.entityId, p3.entityId]).size).toBe(3);
    return { p1, p1b, p2, p3, e1: p1.entityId, e2: p2.entityId, e3: p3.entityId };
  }
  const merge = (survivor: string, other: string) =>
    mergeEntities(asA, survivor, { otherEntityId: other, rationale: 'Same man, same street' });
  const split = (entityId: string, mergeId: string, as = asA) =>
    splitEntity(as, entityId, { mergeId, rationale });
  const mapping = () => entityMap(t.database.db);
  const withMoved = (map: Map<string, string>, ids: string[], to: string) =>
    new Map([...map].map(([o, e]) => [o, ids.includes(o) ? to : e]));

  it('undoing the older of two merges puts back only its observations; undoing both restores the mapping exactly', async () => {
    const w = await threeEntities('Abernathy');
    const before = await mapping();
    const m1 = await merge(w.e1, w.e2);
    const m2 = await merge(w.e1, w.e3);
    const afterBoth = await mapping();
    expect(afterBoth.get(w.p2.observationId)).toBe(w.e1);

    const first = await split(w.e1, m1.mergeId);
    expect(first).toMatchObject({ restoredEntityId: w.e2, observationIds: [w.p2.observationId] });
    expect(await mapping()).toEqual(withMoved(afterBoth, [w.p2.observationId], w.e2));
    const [e2] = await t.database.db.select().from(entities).where(eq(entities.id, w.e2));
    const [e3] = await t.database.db.select().from(entities).where(eq(entities.id, w.e3));
    expect(e2!.mergedIntoId).toBeNull();
    expect(e3!.mergedIntoId).toBe(w.e1);
    const [undone] = await t.database.db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.id, m1.mergeId));
    expect(undone!.undoneAt).toBeInstanceOf(Date);

    await split(w.e1, m2.mergeId);
    expect(await mapping()).toEqual(before);
  });

  it('the other order, and a merge whose survivor was itself absorbed later: still exactly the clusters before', async () => {
    const w = await threeEntities('Castellanos');
    const before = await mapping();
    const m1 = await merge(w.e1, w.e2); // E1 ← E2
    const m2 = await merge(w.e3, w.e1); // E3 ← E1 (with E2's observation inside)
    expect((await mapping()).get(w.p2.observationId)).toBe(w.e3);
    // The older merge is found through the survivor's id too (E1 now leads to E3).
    await split(w.e1, m1.mergeId);
    expect((await mapping()).get(w.p2.observationId)).toBe(w.e2);
    expect((await mapping()).get(w.p1.observationId)).toBe(w.e3);
    await split(w.e3, m2.mergeId);
    expect(await mapping()).toEqual(before);

    const v = await threeEntities('Lindqvist');
    const start = await mapping();
    const n1 = await merge(v.e1, v.e2);
    const n2 = await merge(v.e1, v.e3);
    await split(v.e1, n2.mergeId);
    await split(v.e1, n1.mergeId);
    expect(await mapping()).toEqual(start);
  });

  it('an automatic merge that came later stays when the analyst merge beneath it is undone', async () => {
    const w = await threeEntities('Okereke');
    const m1 = await merge(w.e1, w.e2);
    // A new record with the licence: incremental resolution joins it to the merged entity.
    const licence = { scheme: 'driver_license', value: 'OKEREKE-7', issuer: 'VA' };
    const p4 = await writeObservation(t, a, {
      givenName: 'Yusuf',
      surname: 'Okereke',
      dateOfBirth: '1983-05-14',
      identifiers: [licence],
    });
    expect(p4.entityId).toBe(w.e1);
    const afterAuto = await mapping();
    await split(w.e1, m1.mergeId);
    expect(await mapping()).toEqual(withMoved(afterAuto, [w.p2.observationId], w.e2));
  });

  it('refuses: a merge of another entity (404), one undone already (409), one that moved an observation the analyst may not see (403, audited); an entity they see nothing of is 404', async () => {
    const w = await threeEntities('Fairweather');
    const m1 = await merge(w.e1, w.e2);
    expect((await refusal(split(w.e3, m1.mergeId))).code).toBe('resolution.merge_not_found');
    await split(w.e1, m1.mergeId);
    expect((await refusal(split(w.e1, m1.mergeId))).code).toBe('resolution.already_split');

    // A's record is AMBER+STRICT; B's record of the same man was resolved into A's entity.
    const person = { givenName: 'Petra', surname: 'Nakashima', dateOfBirth: '1990-01-30' };
    const id = [{ scheme: 'passport', value: 'X1234567', issuer: 'USA' }];
    const hidden = await writeObservation(
      t,
      a,
      { ...person, identifiers: id },
      { markings: OWN_AGENCY_ONLY },
    );
    const shared = await writeObservation(t, b, { ...person, identifiers: id });
    expect(shared.entityId).toBe(hidden.entityId);
    const [auto] = await t.database.db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.entityId, hidden.entityId));
    const denied = await refusal(split(hidden.entityId, auto!.id, asB));
    expect(denied.code).toBe('resolution.not_visible');
    expect((await auditRows(t.database.db, 'entity.split', auto!.id))[0]).toMatchObject({
      decision: 'deny',
      actorUserId: b.id,
      reason: 'resolution.not_visible',
    });
    const secret = await writeObservation(
      t,
      a,
      { givenName: 'Ines', surname: 'Quarry' },
      { markings: OWN_AGENCY_ONLY },
    );
    expect((await refusal(split(secret.entityId, auto!.id, asB))).code).toBe('entities.not_found');
    // The owner sees both sides and may split.
    const undone = await split(hidden.entityId, auto!.id);
    expect(undone.observationIds).toEqual([shared.observationId]);
    expect(
      (await auditRows(t.database.db, 'entity.split', auto!.id)).map((r) => r.decision),
    ).toContain('allow');
  });

  // Last in this file: the retrain stores a model trained on this file's few records.
  it('two analysts splitting one merge at once: exactly one succeeds, the other is 409; a retrain at the same time waits its turn and does not undo it', async () => {
    const w = await threeEntities('Szymanski');
    const m1 = await merge(w.e1, w.e2);
    const admin = await ctxFor(t, await t.personas.admin((await t.buildAgency()).id));
    const [one, two, retrained] = await Promise.allSettled([
      split(w.e1, m1.mergeId),
      split(w.e1, m1.mergeId, asB),
      retrainResolution(admin),
    ]);
    expect(retrained.status).toBe('fulfilled');
    const outcomes = [one, two].map((r) => r.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const failed = [one, two].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('resolution.already_split');
    const map = await mapping();
    expect(map.get(w.p2.observationId)).not.toBe(map.get(w.p1.observationId));
  });
});
