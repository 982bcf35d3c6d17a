// Bad request bodies as a whole (malformed, empty, wrong shape, too deep, too large, wrong
// media type) and values inside them that the database cannot store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import {
  createBadInputApp,
  expectClientError,
  expectNamesField,
  label,
  type Attempt,
  type BadInputApp,
  type Payload,
} from './bad-input.test-helpers.ts';
import { expectProblem, problemPaths } from './http.test-helpers.ts';
import { recordBody } from './test-app.ts';

/** `{"a":{"a":…1…}}` nested `depth` times, as raw JSON text (no recursion on our side). */
const nestedObjectJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describeEachDatabase('bad input never breaks the API', (kind) => {
  let api: BadInputApp;
  beforeAll(async () => {
    api = await createBadInputApp(kind);
  });
  afterAll(() => api.close());

  describe('bodies', () => {
    it('malformed JSON is 400 request.malformed_json on every route that accepts a body', async () => {
      expect(api.writes().length).toBeGreaterThan(10);
      for (const e of api.writes()) {
        for (const text of ['{"title":', '{title: 1}', "{'a':1}", '{"a":1}}', '\u0000']) {
          const res = await api.sendJson(e, text);
          expectClientError(res, `${label(e)} ${JSON.stringify(text)}`);
          expect(res.json().code, label(e)).toBe('request.malformed_json');
        }
      }
    });

    it('an empty JSON body is 400, never a 500', async () => {
      for (const e of api.withBody()) {
        const res = await api.sendJson(e, '');
        expectClientError(res, label(e));
        expect(res.statusCode).toBe(400);
      }
    });

    it('a body that is not an object (array, null, string, number, boolean) is 400 at path "body"', async () => {
      for (const e of api.withBody()) {
        for (const text of ['[]', '[{"name":"x"}]', 'null', '"text"', '42', 'true']) {
          const res = await api.sendJson(e, text);
          expectNamesField(res, 'body');
        }
      }
    });

    it('unknown fields are refused with 400 naming the field', async () => {
      const valid: Record<string, Payload> = {
        'POST /api/v1/auth/login': { username: 'someone', password: 'x' },
        'POST /api/v1/records': recordBody(),
        'POST /api/v1/agencies': { name: 'Well-formed agency' },
        'POST /api/v1/sharing-groups': { name: 'Well-formed group' },
        'PATCH /api/v1/records/:id': { version: 1 },
      };
      for (const e of api.withBody()) {
        const base = valid[label(e)] ?? {};
        const res = await api.send({
          method: e.method,
          url: e.path,
          payload: { ...base, isAdmin: true },
        });
        expectProblem(res, 400, 'validation.failed');
        const named = res
          .json<{ errors: { path: string; message: string }[] }>()
          .errors.some((x) => x.path.includes('isAdmin') || x.message.includes('isAdmin'));
        expect(named, `${label(e)} does not name the unknown field: ${res.body}`).toBe(true);
      }
      // Nested unknown fields too (markings, observations, points of contact).
      const nested = await api.send({
        method: 'POST',
        url: '/api/v1/records',
        payload: recordBody({ markings: { tlp: 'GREEN', classification: 'SECRET' } }),
      });
      expectProblem(nested, 400, 'validation.failed');
      expect(problemPaths(nested).some((p) => p.startsWith('body.markings'))).toBe(true);
      expect(nested.body).toContain('classification');
    });

    it('deeply nested objects are refused with a 400, not a crash', async () => {
      for (const e of api.withBody()) {
        for (const text of [
          `{"isAdmin":${nestedObjectJson(2_000)}}`,
          '['.repeat(50_000) + ']'.repeat(50_000),
        ]) {
          const res = await api.sendJson(e, text);
          expectClientError(res, label(e));
          expect(res.statusCode).toBe(400);
        }
      }
      const deepPayload = await api.send({
        method: 'POST',
        url: '/api/v1/records',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(recordBody({ payload: { x: 'DEEP' } })).replace(
          '"DEEP"',
          nestedObjectJson(5_000),
        ),
      });
      expectClientError(deepPayload, 'deep record payload');
    });

    it('a body over the limit (2 MB, or more where a route takes files) is 413 request.too_large on every route that accepts a body', async () => {
      for (const e of api.writes()) {
        const size = Math.max(2 * 1024 * 1024, (e.route.bodyLimit ?? 0) + 1);
        const res = await api.sendJson(e, JSON.stringify({ title: 'x'.repeat(size) }));
        expectProblem(res, 413, 'request.too_large');
      }
    });

    it('non-JSON content types are refused with 415 (or 400 for plain text), never a 500', async () => {
      for (const e of api.withBody()) {
        for (const type of [
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/octet-stream',
          'image/png',
        ]) {
          const res = await api.sendJson(e, '<title>x</title>', type);
          expectProblem(res, 415, 'request.unsupported_media_type');
        }
        const text = await api.sendJson(e, 'title=x', 'text/plain');
        expectClientError(text, `${label(e)} text/plain`);
        expect([400, 415]).toContain(text.statusCode);
      }
    });
  });

  describe('values the database cannot store are refused, not a 500', () => {
    it('a NUL character in any text is a 4xx (record title, agency name, login, audit filter)', async () => {
      const attempts: Attempt[] = [
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ title: 'Tres\u0000pass' }),
        },
        { method: 'POST', url: '/api/v1/agencies', payload: { name: 'Null\u0000 County' } },
        { method: 'GET', url: '/api/v1/audit?objectId=%00' },
        { method: 'GET', url: '/api/v1/audit?action=record.read%00' },
      ];
      const login = {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin\u0000', password: 'whatever' },
      } as const;
      expect(await api.serverErrors([...attempts, login])).toEqual([]);
    });

    it('a lone UTF-16 surrogate in a record is a 4xx', async () => {
      const text = JSON.stringify(recordBody()).replace('Trespass', 'Tres\\ud800pass');
      const res = await api.send({
        method: 'POST',
        url: '/api/v1/records',
        headers: { 'content-type': 'application/json' },
        payload: text,
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      expectClientError(res, 'lone surrogate');
    });

    it('dates PostgreSQL cannot hold (year 0000, after 9999) are a 4xx on write and on filters', async () => {
      const attempts: Attempt[] = [
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ occurredFrom: '0000-01-01T00:00:00Z' }),
        },
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ occurredFrom: '9999-12-31T23:59:59-14:00' }),
        },
        { method: 'GET', url: '/api/v1/records?occurredAfter=0000-01-01T00:00:00Z' },
        { method: 'GET', url: '/api/v1/audit?from=0000-06-01T00:00:00Z' },
        { method: 'GET', url: '/api/v1/audit?to=9999-12-31T23:00:00-02:00' },
      ];
      expect(await api.serverErrors(attempts)).toEqual([]);
    });
  });

  describe('observation attributes', () => {
    it('a date of birth that is neither YYYY, YYYY-MM nor YYYY-MM-DD is 422 naming the attribute', async () => {
      for (const dateOfBirth of ['sometime in 1980', '1980-02-03T00:00:00Z', '03/02/1980 or so']) {
        const res = await api.send(
          {
            method: 'POST',
            url: '/api/v1/records',
            payload: recordBody({
              observations: [
                { type: 'person', role: 'subject', attributes: { surname: 'Doe', dateOfBirth } },
              ],
            }),
          },
          api.analyst,
        );
        expect(res.statusCode, `${dateOfBirth}: ${res.body}`).toBe(422);
        expect(problemPaths(res)).toContain('observations.0.attributes.dateOfBirth');
      }
    });
  });
});
