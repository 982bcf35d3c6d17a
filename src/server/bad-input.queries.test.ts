// Bad query strings on the list routes: limits, cursors and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import { createBadInputApp, expectNamesField, type BadInputApp } from './bad-input.test-helpers.ts';
import { expectProblem, problemPaths } from './http.test-helpers.ts';

describeEachDatabase('bad input never breaks the API', (kind) => {
  let api: BadInputApp;
  beforeAll(async () => {
    api = await createBadInputApp(kind);
  });
  afterAll(() => api.close());

  describe('query strings', () => {
    const listRoutes = [
      '/api/v1/agencies',
      '/api/v1/users',
      '/api/v1/sharing-groups',
      '/api/v1/records',
      '/api/v1/audit',
    ];
    it('a limit that is not a whole number in range is 400 naming querystring.limit', async () => {
      for (const url of listRoutes) {
        for (const limit of ['abc', '0', '-1', '1.5', '100000', '', '1e400']) {
          const res = await api.send({ method: 'GET', url: `${url}?limit=${limit}` });
          expectNamesField(res, 'querystring.limit');
        }
        const repeated = await api.send({ method: 'GET', url: `${url}?limit=1&limit=2` });
        expectNamesField(repeated, 'querystring.limit');
      }
    });

    it('a cursor the server never issued is 400 naming the cursor', async () => {
      for (const url of listRoutes) {
        for (const cursor of ['garbage', 'x'.repeat(39)]) {
          const res = await api.send({ method: 'GET', url: `${url}?cursor=${cursor}` });
          expectProblem(res, 400, 'validation.failed');
          expect(
            problemPaths(res).some((p) => p.endsWith('cursor')),
            `${url}: ${res.body}`,
          ).toBe(true);
        }
      }
    });

    it('strict filters refuse unknown or malformed parameters with 400 naming them', async () => {
      const cases = [
        { url: '/api/v1/records?kind=spaceship', path: 'querystring.kind' },
        { url: '/api/v1/records?ownerAgencyId=nope', path: 'querystring.ownerAgencyId' },
        { url: '/api/v1/records?occurredAfter=yesterday', path: 'querystring.occurredAfter' },
        { url: '/api/v1/users?agencyId=nope', path: 'querystring.agencyId' },
        { url: '/api/v1/audit?from=2026-13-45', path: 'querystring.from' },
        { url: '/api/v1/audit?decision=maybe', path: 'querystring.decision' },
        { url: '/api/v1/audit?actorUserId=1', path: 'querystring.actorUserId' },
        { url: `/api/v1/audit?action=${'a'.repeat(101)}`, path: 'querystring.action' },
      ];
      for (const c of cases)
        expectNamesField(await api.send({ method: 'GET', url: c.url }), c.path);
      for (const url of ['/api/v1/records?colour=red', '/api/v1/audit?colour=red']) {
        const res = await api.send({ method: 'GET', url });
        expectProblem(res, 400, 'validation.failed');
        expect(res.body).toContain('colour');
      }
    });
  });
});
