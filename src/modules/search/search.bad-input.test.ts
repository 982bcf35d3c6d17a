import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, problemPaths } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { encodeSearchCursor } from './search-cursor.ts';
import { searchRaw } from './search.test-helpers.ts';

describeEachDatabase('search: bad input is a 400 naming the parameter', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const cases: [Record<string, string>, string][] = [
    [{ q: 'x'.repeat(501) }, 'querystring.q'],
    [{ bbox: '1,2,3' }, 'querystring.bbox'],
    [{ bbox: 'a,b,c,d' }, 'querystring.bbox.0'],
    [{ bbox: '-77,38,-76,37' }, 'querystring.bbox'],
    [{ bbox: '-77,38,-76,95' }, 'querystring.bbox.3'],
    [{ polygon: '0,0;1,1' }, 'querystring.polygon'],
    [{ polygon: '0,0;1,1;2' }, 'querystring.polygon.2'],
    [{ near: '37.5,-77.4' }, 'querystring.radiusKm'],
    [{ near: '91,0', radiusKm: '1' }, 'querystring.near.0'],
    [{ near: '37.5,-77.4', radiusKm: '0' }, 'querystring.radiusKm'],
    [{ near: '37.5,-77.4', radiusKm: '501' }, 'querystring.radiusKm'],
    [{ kind: 'spaceship' }, 'querystring.kind.0'],
    [{ kind: 'sar,spaceship' }, 'querystring.kind.1'],
    [{ category: 'NOPE' }, 'querystring.category.0'],
    [{ sector: 'NOPE' }, 'querystring.sector.0'],
    [{ status: 'lost' }, 'querystring.status.0'],
    [{ tlp: 'PURPLE' }, 'querystring.tlp.0'],
    [{ caveat: 'SECRET' }, 'querystring.caveat.0'],
    [{ agency: 'nope' }, 'querystring.agency.0'],
    [{ county: '99999' }, 'querystring.county.0'],
    [{ county: 'Fairfax' }, 'querystring.county.0'],
    [{ entity: 'nope' }, 'querystring.entity'],
    [{ from: 'yesterday' }, 'querystring.from'],
    [{ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'querystring.to'],
    [{ sort: 'best' }, 'querystring.sort'],
    [{ limit: '0' }, 'querystring.limit'],
    [{ limit: '101' }, 'querystring.limit'],
    [{ cursor: 'garbage' }, 'querystring.cursor'],
    // An unknown parameter is reported on the query string, its name in the message.
    [{ colour: 'red' }, 'querystring'],
  ];

  it('refuses each malformed or unknown parameter with its path', async () => {
    for (const [params, path] of cases) {
      const res = await searchRaw(t, analyst, params);
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res), `${JSON.stringify(params)}: ${res.body}`).toContain(path);
      if (path === 'querystring') expect(res.body).toContain('colour');
    }
  });

  it('refuses a repeated single-valued parameter, and a cursor of the other order', async () => {
    const repeated = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=a&q=b',
      headers: analyst.auth,
    });
    expect(problemPaths(repeated)).toContain('querystring.q');
    const dateCursor = encodeSearchCursor({
      sort: 'date',
      at: '2026-01-01T00:00:00Z',
      id: '018f0000-0000-7000-8000-000000000000',
    });
    const res = await searchRaw(t, analyst, { q: 'drone', cursor: dateCursor });
    expectProblem(res, 400, 'validation.failed');
    expect(problemPaths(res)).toContain('querystring.cursor');
  });

  it('accepts a list as commas or as a repeated key', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?kind=sar&kind=tip,incident',
      headers: analyst.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
