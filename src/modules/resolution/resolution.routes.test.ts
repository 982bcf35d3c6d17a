import { afterAll, beforeAll, expect, it } from 'vitest';
import { isPermission } from '../../access/permissions.ts';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem, MISSING_ID } from '../../server/http.test-helpers.ts';
import { createTestApp, testConfig, type TestApp, type TestUser } from '../../server/test-app.ts';
import { resolutionRoutes } from './resolution.routes.ts';
import { candidateBetween, OWN_AGENCY_ONLY, writeObservation } from './resolution.test-helpers.ts';

/** Runs once access/permissions.ts names the two permissions these routes declare. */
const permissionsAdded = isPermission('entities:resolve') && isPermission('entities:admin-resolve');

describeEachDatabase('resolution routes', (kind) => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let auditor: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    if (!permissionsAdded) return;
    t = await createTestApp(kind);
    // Until server/routes.ts registers them, register the routes here.
    if (!t.app.hasRoute({ method: 'POST', url: '/api/v1/entities/:id/merge' })) {
      const deps = { config: testConfig, database: t.database, clock: t.clock, center: t.center };
      await t.app.register(
        (api) => {
          resolutionRoutes(api, deps);
        },
        { prefix: '/api/v1' },
      );
    }
    const agency = await t.buildAgency();
    a = await t.personas.analyst(agency.id);
    b = await t.personas.analyst((await t.buildAgency()).id);
    auditor = await t.personas.auditor(agency.id);
    admin = await t.personas.admin(agency.id);
  });
  afterAll(() => (permissionsAdded ? t.close() : undefined));

  const post = (user: TestUser | undefined, url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      ...(user ? { headers: user.auth } : {}),
      payload,
    });
  const rationale = 'Same man: the licence photo matches';

  it.runIf(permissionsAdded)(
    'need the entities:resolve permission (entities:admin-resolve to retrain) and a rationale',
    async () => {
      const body = { otherEntityId: MISSING_ID, rationale };
      expectProblem(await post(undefined, `/entities/${MISSING_ID}/merge`, body), 401);
      expectProblem(
        await post(auditor, `/entities/${MISSING_ID}/merge`, body),
        403,
        'access.forbidden',
      );
      expectProblem(await post(a, '/resolution/retrain', {}), 403, 'access.forbidden');
      const bare = await post(a, `/entities/${MISSING_ID}/merge`, { otherEntityId: MISSING_ID });
      expectProblem(bare, 400, 'validation.failed');
      expectProblem(
        await post(a, `/entities/candidates/${MISSING_ID}/reject`, { rationale }),
        404,
        'resolution.candidate_not_found',
      );
    },
  );

  it.runIf(permissionsAdded)(
    'CI-14 confirm answers 422 naming the missing evidence; association, merge and split answer 200',
    async () => {
      const person = { givenName: 'Anselm', surname: 'Vukovic', dateOfBirth: '1971-08-19' };
      const x = await writeObservation(t, a, person);
      const y = await writeObservation(t, b, person);
      const [candidate] = await candidateBetween(t.database.db, x, y);
      const refused = await post(a, `/entities/candidates/${candidate!.id}/confirm`, { rationale });
      const problem = expectProblem(refused, 422, 'resolution.insufficient_evidence') as {
        missingEvidence?: { rule: string; missing: string[] }[];
      };
      expect(problem.missingEvidence?.[0]).toEqual({
        rule: 'name+dob+identifier',
        missing: ['identifier'],
      });
      const linked = await post(a, `/entities/candidates/${candidate!.id}/confirm`, {
        rationale,
        association: true,
      });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json()).toMatchObject({ outcome: 'association', merge: null });

      const address = { address: { street: '7 Canal St', city: 'Norfolk', state: 'VA' } };
      const x2 = await writeObservation(t, a, { ...person, ...address });
      const y2 = await writeObservation(t, b, {
        ...person,
        dateOfBirth: '1971-08-18',
        address: { ...address.address, city: 'Hampton' },
      });
      const merged = await post(a, `/entities/${x2.entityId}/merge`, {
        otherEntityId: y2.entityId,
        rationale,
      });
      expect(merged.statusCode, merged.body).toBe(200);
      const { mergeId } = merged.json<{ mergeId: string }>();
      const split = await post(b, `/entities/${x2.entityId}/split`, { mergeId, rationale });
      expect(split.statusCode, split.body).toBe(200);
      expect(split.json()).toEqual({
        mergeId,
        entityId: x2.entityId,
        restoredEntityId: y2.entityId,
        observationIds: [y2.observationId],
      });
      const events = await auditOf(t.app, auditor, mergeId);
      expect(events.map((e) => e.action).sort()).toEqual(['entity.merge', 'entity.split']);
    },
  );

  it.runIf(permissionsAdded)(
    'an entity the analyst sees nothing of is 404; touching what they may not see is 403',
    async () => {
      const person = { givenName: 'Rosalind', surname: 'Achterberg', dateOfBirth: '1985-02-27' };
      const id = [{ scheme: 'passport', value: 'R7654321', issuer: 'USA' }];
      const hidden = await writeObservation(
        t,
        a,
        { ...person, identifiers: id },
        { markings: OWN_AGENCY_ONLY },
      );
      const shared = await writeObservation(t, b, { ...person, identifiers: id });
      const mine = await writeObservation(t, b, { givenName: 'Rosalind', surname: 'Achterberg' });
      const secret = await writeObservation(
        t,
        a,
        { givenName: 'Ugo', surname: 'Brandt' },
        { markings: OWN_AGENCY_ONLY },
      );
      const missing = await post(b, `/entities/${mine.entityId}/merge`, {
        otherEntityId: secret.entityId,
        rationale,
      });
      expectProblem(missing, 404, 'entities.not_found');
      const hiddenSide = await post(b, `/entities/${mine.entityId}/merge`, {
        otherEntityId: shared.entityId,
        rationale,
      });
      expectProblem(hiddenSide, 403, 'resolution.not_visible');
      expect(shared.entityId).toBe(hidden.entityId);
    },
  );

  it.runIf(permissionsAdded)('an admin retrains and re-resolves through the API', async () => {
    const res = await post(admin, '/resolution/retrain', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      trainedOn: expect.any(Number),
      mergesAdded: expect.any(Number),
    });
  });
});
