import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem, MISSING_ID } from '../../server/http.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { observations } from './entities.table.ts';

type Source = { observationId: string; recordId: string; agencyId: string };
type Profile = Record<string, { value: unknown; sources: Source[] }[]>;

describeEachDatabase('entity profiles', (kind) => {
  let t: TestApp;
  let a: TestUser; // analyst of agency A
  let b: TestUser; // analyst of agency B
  let partner: TestUser; // partner without LES, agency C
  let auditor: TestUser;
  let entityId: string;
  const rec = { a: '', b: '', shared: '' };
  const obs = { a: '', b: '', shared: '' };

  async function createRecord(as: TestUser, body: object) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: as.auth,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<{
      id: string;
      observations: { id: string; entityId: string }[];
    }>();
    return { id: record.id, observation: record.observations[0]! };
  }
  const person = (attributes: object) => [{ type: 'person', role: 'subject', attributes }];
  const ownAgencyOnly = { tlp: 'AMBER+STRICT', caveats: ['LES'], partnerShare: 'full' };
  const getEntity = (as: TestUser, id = entityId) =>
    t.app.inject({ method: 'GET', url: `/api/v1/entities/${id}`, headers: as.auth });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agencyA = await t.buildAgency();
    const agencyB = await t.buildAgency();
    a = await t.personas.analyst(agencyA.id);
    b = await t.personas.analyst(agencyB.id);
    partner = await t.personas.partnerWithoutLes((await t.buildAgency()).id);
    auditor = await t.personas.auditor(agencyA.id);

    // A's record and B's record are each visible to their own agency only; B's third record
    // is shared with every law-enforcement partner.
    const ra = await createRecord(
      a,
      recordBody({
        title: 'A: trespass',
        markings: ownAgencyOnly,
        observations: person({ givenName: 'John', surname: 'Doe', dateOfBirth: '1980-02-03' }),
      }),
    );
    const rb = await createRecord(
      b,
      recordBody({
        title: 'B: informant report',
        markings: ownAgencyOnly,
        observations: person({
          givenName: 'Jon',
          surname: 'Doe',
          phones: ['+1 804 555 0142'],
        }),
      }),
    );
    const rs = await createRecord(
      b,
      recordBody({
        title: 'B: shared traffic stop',
        observations: person({ givenName: 'Johnny', surname: 'Doe', dateOfBirth: '1980-02-03' }),
      }),
    );
    rec.a = ra.id;
    rec.b = rb.id;
    rec.shared = rs.id;
    obs.a = ra.observation.id;
    obs.b = rb.observation.id;
    obs.shared = rs.observation.id;
    // Simulate entity resolution: all three observations are judged to be one person.
    entityId = ra.observation.entityId;
    await t.database.db
      .update(observations)
      .set({ entityId })
      .where(inArray(observations.id, [obs.b, obs.shared]));
  });
  afterAll(() => t.close());

  it("agency A's analyst sees a profile merged from A's record and the shared one only, with sources", async () => {
    const res = await getEntity(a);
    expect(res.statusCode, res.body).toBe(200);
    const entity = res.json<{
      id: string;
      type: string;
      profile: Profile;
      observations: { id: string; recordId: string; ownerAgencyId: string }[];
      recordIds: string[];
    }>();
    expect(entity).toMatchObject({ id: entityId, type: 'person' });
    expect([...entity.recordIds].sort()).toEqual([rec.a, rec.shared].sort());
    expect(entity.observations.map((o) => o.id).sort()).toEqual([obs.a, obs.shared].sort());
    expect(entity.observations.find((o) => o.id === obs.shared)?.ownerAgencyId).toBe(b.agencyId);

    expect(entity.profile['surname']).toEqual([
      {
        value: 'Doe',
        sources: expect.arrayContaining([
          { observationId: obs.a, recordId: rec.a, agencyId: a.agencyId },
          { observationId: obs.shared, recordId: rec.shared, agencyId: b.agencyId },
        ]),
      },
    ]);
    expect(entity.profile['surname']![0]!.sources).toHaveLength(2);
    expect(entity.profile['givenName']!.map((v) => v.value).sort()).toEqual(['John', 'Johnny']);
    expect(entity.profile['dateOfBirth']).toEqual([
      { value: '1980-02-03', sources: expect.any(Array) },
    ]);
    expect(entity.profile['dateOfBirth']![0]!.sources).toHaveLength(2);

    // Nothing of B's own-agency record leaks: not its id, its name variant, nor its phone.
    expect(entity.profile).not.toHaveProperty('phones');
    expect(res.body).not.toContain(rec.b);
    expect(res.body).not.toContain(obs.b);
    expect(res.body).not.toContain('Jon"');
    expect(res.body).not.toContain('8045550142');
  });

  it("agency B's analyst sees B's two records and not A's", async () => {
    const res = await getEntity(b);
    expect(res.statusCode, res.body).toBe(200);
    const entity = res.json<{ profile: Profile; recordIds: string[] }>();
    expect([...entity.recordIds].sort()).toEqual([rec.b, rec.shared].sort());
    expect(entity.profile['givenName']!.map((v) => v.value).sort()).toEqual(['Johnny', 'Jon']);
    expect(entity.profile['phones']).toEqual([
      {
        value: ['+18045550142'],
        sources: [{ observationId: obs.b, recordId: rec.b, agencyId: b.agencyId }],
      },
    ]);
    expect(res.body).not.toContain(rec.a);
    expect(res.body).not.toContain(obs.a);
    expect(res.body).not.toContain('"John"');
  });

  it('an entity none of whose observations the viewer may see answers 404, exactly like a missing one', async () => {
    const hidden = await getEntity(partner);
    const missing = await getEntity(partner, MISSING_ID);
    expectProblem(hidden, 404, 'entities.not_found');
    expectProblem(missing, 404, 'entities.not_found');
    const { instance: _h, ...hiddenBody } = hidden.json();
    const { instance: _m, ...missingBody } = missing.json();
    expect(hiddenBody).toEqual(missingBody);
    expect(hidden.body).not.toContain('Doe');
  });

  it('the profile follows the records: once B shares its record, A sees that part too', async () => {
    const own = await t.personas.analyst(b.agencyId);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${rec.b}`,
      headers: own.auth,
      payload: { version: 1, markings: { tlp: 'GREEN', caveats: ['LES'], partnerShare: 'full' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    try {
      const entity = (await getEntity(a)).json<{ profile: Profile; recordIds: string[] }>();
      expect([...entity.recordIds].sort()).toEqual([rec.a, rec.b, rec.shared].sort());
      expect(entity.profile['givenName']!.map((v) => v.value).sort()).toEqual([
        'John',
        'Johnny',
        'Jon',
      ]);
    } finally {
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/records/${rec.b}`,
        headers: own.auth,
        payload: { version: 2, markings: ownAgencyOnly },
      });
    }
    expect((await getEntity(a)).json().recordIds).not.toContain(rec.b);
  });

  it('CI-08 each read is audited: an allow naming the entity and the records seen, a deny for the refused viewer', async () => {
    const before = await auditOf(t.app, auditor, entityId, '&action=entity.read');
    expect((await getEntity(a)).statusCode).toBe(200);
    expect((await getEntity(partner)).statusCode).toBe(404);
    const after = await auditOf(t.app, auditor, entityId, '&action=entity.read');
    const fresh = after.slice(0, after.length - before.length);
    expect(fresh).toHaveLength(2);
    const [deny, allow] = fresh as [(typeof fresh)[0], (typeof fresh)[0]];
    expect(allow).toMatchObject({ decision: 'allow', actorUserId: a.id, objectType: 'entity' });
    expect(allow.objectIds).toEqual(expect.arrayContaining([entityId, rec.a, rec.shared]));
    expect(allow.objectIds).not.toContain(rec.b);
    expect(deny).toMatchObject({ decision: 'deny', actorUserId: partner.id });
    expect(deny.objectIds).toEqual([entityId]);

    const missing = await getEntity(a, MISSING_ID);
    expect(missing.statusCode).toBe(404);
    const denied = await auditOf(t.app, auditor, MISSING_ID, '&action=entity.read');
    expect(denied[0]).toMatchObject({ decision: 'deny', actorUserId: a.id });
  });
});
