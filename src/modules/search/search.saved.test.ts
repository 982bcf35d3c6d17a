import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem, problemPaths } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { SearchResult } from './search.schemas.ts';
import { createRecordAs, markings } from './search.test-helpers.ts';

type Saved = { id: string; name: string; isMine: boolean; sharedWithAgency: boolean };

describeEachDatabase('saved searches', (kind) => {
  let t: TestApp;
  let me: TestUser;
  let colleague: TestUser; // same agency
  let outsider: TestUser; // another agency
  let auditor: TestUser;

  const call = (as: TestUser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/search/saved${url}`, headers: as.auth, payload });
  async function save(as: TestUser, body: object): Promise<Saved> {
    const res = await call(as, 'POST', '', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Saved>();
  }
  const listed = async (as: TestUser) =>
    (await call(as, 'GET', '')).json<{ items: Saved[] }>().items.map((s) => s.id);
  const run = async (as: TestUser, id: string) => {
    const res = await call(as, 'GET', `/${id}/run`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SearchResult>().items.map((i) => i.title);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agency = await t.buildAgency();
    me = await t.personas.analyst(agency.id);
    colleague = await t.personas.analyst(agency.id);
    auditor = await t.personas.auditor(agency.id);
    outsider = await t.personas.analyst((await t.buildAgency()).id);
    await createRecordAs(t, me, { title: 'Heron sighting one', markings: markings() });
  });
  afterAll(() => t.close());

  it('re-running a saved search returns fresh results, and is audited with its id', async () => {
    const saved = await save(me, { name: 'Herons', query: { q: 'heron', kind: ['incident'] } });
    expect(saved).toMatchObject({ name: 'Herons', isMine: true, sharedWithAgency: false });
    expect(await run(me, saved.id)).toEqual(['Heron sighting one']);
    await createRecordAs(t, me, { title: 'Heron sighting two', markings: markings() });
    expect((await run(me, saved.id)).sort()).toEqual(['Heron sighting one', 'Heron sighting two']);
    const audit = await auditOf(t.app, auditor, saved.id);
    expect(audit.map((a) => a.action)).toContain('search.saved.create');
    const byActor = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?actorUserId=${me.id}&action=search.run&limit=500`,
      headers: auditor.auth,
    });
    const details = byActor.json<{ items: { details: { savedSearchId?: string } }[] }>().items;
    expect(details.filter((d) => d.details.savedSearchId === saved.id)).toHaveLength(2);
  });

  it('a shared search is seen and run by colleagues of the same agency only', async () => {
    const shared = await save(me, {
      name: 'Shared herons',
      sharedWithAgency: true,
      query: { q: 'heron' },
    });
    const mine = await save(me, { name: 'Private herons', query: { q: 'heron' } });
    expect(await listed(colleague)).toContain(shared.id);
    expect(await listed(colleague)).not.toContain(mine.id);
    expect(await run(colleague, shared.id)).toHaveLength(2);
    const seen = (await call(colleague, 'GET', `/${shared.id}`)).json<Saved>();
    expect(seen.isMine).toBe(false);
    expectProblem(await call(colleague, 'GET', `/${mine.id}`), 404, 'search.saved_not_found');
    expect(await listed(outsider)).toEqual([]);
    for (const url of [`/${shared.id}`, `/${shared.id}/run`])
      expectProblem(await call(outsider, 'GET', url), 404, 'search.saved_not_found');
  });

  it('only the user who saved a search deletes it', async () => {
    const shared = await save(me, { name: 'To delete', sharedWithAgency: true, query: {} });
    expectProblem(
      await call(colleague, 'DELETE', `/${shared.id}`),
      403,
      'search.not_saved_search_owner',
    );
    expectProblem(await call(outsider, 'DELETE', `/${shared.id}`), 404, 'search.saved_not_found');
    expect((await call(me, 'DELETE', `/${shared.id}`)).statusCode).toBe(204);
    expectProblem(await call(me, 'GET', `/${shared.id}`), 404);
    const audit = await auditOf(t.app, auditor, shared.id);
    expect(audit.map((a) => [a.action, a.decision])).toEqual(
      expect.arrayContaining([
        ['search.saved.delete', 'deny'],
        ['search.saved.delete', 'allow'],
      ]),
    );
  });

  it('refuses a saved search whose query is not a valid search, naming the field', async () => {
    const cases = [
      // The unknown key is named in the message of its parent's path.
      { body: { name: 'x', query: { colour: 'red' } }, path: 'body.query' },
      { body: { name: 'x', query: { kind: ['spaceship'] } }, path: 'body.query.kind.0' },
      { body: { name: '', query: {} }, path: 'body.name' },
      {
        body: {
          name: 'x',
          query: {
            polygon: [
              [0, 0],
              [1, 1],
            ],
          },
        },
        path: 'body.query.polygon',
      },
    ];
    for (const c of cases) {
      const res = await call(me, 'POST', '', c.body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res), res.body).toContain(c.path);
    }
  });
});
