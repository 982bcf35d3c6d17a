import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import {
  collectRoutes,
  expectProblem,
  freshIp,
  MISSING_ID,
  problemPaths,
  routeEntries,
  type RouteEntry,
} from './http.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from './test-app.ts';

type Payload = Record<string, unknown>;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const label = (e: RouteEntry) => `${e.method} ${e.url}`;
const hasBodySchema = (e: RouteEntry) => e.route.schema?.body !== undefined;

/** `{"a":{"a":…1…}}` nested `depth` times, as raw JSON text (no recursion on our side). */
const nestedObjectJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A problem, never a 500 — the one promise every route makes about bad input. */
function expectClientError(res: LightMyRequestResponse, what: string) {
  expect(
    res.statusCode,
    `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`,
  ).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  expect(typeof res.json().code, what).toBe('string');
}

function expectNamesField(res: LightMyRequestResponse, path: string) {
  expectProblem(res, 400, 'validation.failed');
  expect(problemPaths(res), res.body).toContain(path);
}

describeEachDatabase('bad input never breaks the API', (kind) => {
  let t: TestApp;
  let entries: RouteEntry[];
  /** Holds every permission, so each request reaches input validation. */
  let root: TestUser;
  let analyst: TestUser;

  /** Every request from its own address: the login rate limit must not mask what is tested. */
  const send = (opts: InjectOptions & { url: string }, as: TestUser | null = root) =>
    t.app.inject({
      remoteAddress: freshIp(),
      ...opts,
      headers: { ...(as ? as.auth : {}), ...opts.headers },
    });
  const sendJson = (e: RouteEntry, text: string, contentType = 'application/json') =>
    send({
      method: e.method,
      url: e.path,
      headers: { 'content-type': contentType },
      payload: text,
    });

  beforeAll(async () => {
    const collected = await collectRoutes(() => createTestApp(kind));
    t = collected.built;
    entries = routeEntries(collected.routes).filter((e) => e.url.startsWith('/api/v1/'));
    const agency = await t.buildAgency();
    root = await t.buildUser(agency.id, {
      roles: ['admin', 'auditor', 'privacy_officer', 'analyst'],
    });
    analyst = await t.personas.analyst(agency.id);
  });
  afterAll(() => t.close());

  /** Sends each attempt and lists those answered with a 5xx (all of them, not just the first). */
  async function serverErrors(attempts: (InjectOptions & { url: string })[]) {
    const failed: string[] = [];
    for (const a of attempts) {
      const res = await send(a, a.url.endsWith('/auth/login') ? null : root);
      if (res.statusCode >= 500) failed.push(`${String(a.method)} ${a.url} → ${res.statusCode}`);
      else expectClientError(res, `${String(a.method)} ${a.url}`);
    }
    return failed;
  }

  const writes = () => entries.filter((e) => WRITE_METHODS.has(e.method));
  const withBody = () => entries.filter(hasBodySchema);

  describe('bodies', () => {
    it('malformed JSON is 400 request.malformed_json on every route that accepts a body', async () => {
      expect(writes().length).toBeGreaterThan(10);
      for (const e of writes()) {
        for (const text of ['{"title":', '{title: 1}', "{'a':1}", '{"a":1}}', '\u0000']) {
          const res = await sendJson(e, text);
          expectClientError(res, `${label(e)} ${JSON.stringify(text)}`);
          expect(res.json().code, label(e)).toBe('request.malformed_json');
        }
      }
    });

    it('an empty JSON body is 400, never a 500', async () => {
      for (const e of withBody()) {
        const res = await sendJson(e, '');
        expectClientError(res, label(e));
        expect(res.statusCode).toBe(400);
      }
    });

    it('a body that is not an object (array, null, string, number, boolean) is 400 at path "body"', async () => {
      for (const e of withBody()) {
        for (const text of ['[]', '[{"name":"x"}]', 'null', '"text"', '42', 'true']) {
          const res = await sendJson(e, text);
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
      for (const e of withBody()) {
        const base = valid[label(e)] ?? {};
        const res = await send({
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
      const nested = await send({
        method: 'POST',
        url: '/api/v1/records',
        payload: recordBody({ markings: { tlp: 'GREEN', classification: 'SECRET' } }),
      });
      expectProblem(nested, 400, 'validation.failed');
      expect(problemPaths(nested).some((p) => p.startsWith('body.markings'))).toBe(true);
      expect(nested.body).toContain('classification');
    });

    it('deeply nested objects are refused with a 400, not a crash', async () => {
      for (const e of withBody()) {
        for (const text of [
          `{"isAdmin":${nestedObjectJson(2_000)}}`,
          '['.repeat(50_000) + ']'.repeat(50_000),
        ]) {
          const res = await sendJson(e, text);
          expectClientError(res, label(e));
          expect(res.statusCode).toBe(400);
        }
      }
      const deepPayload = await send({
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

    it('a 2 MB body is 413 request.too_large on every route that accepts a body', async () => {
      const huge = JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) });
      for (const e of writes()) {
        const res = await sendJson(e, huge);
        expectProblem(res, 413, 'request.too_large');
      }
    });

    it('non-JSON content types are refused with 415 (or 400 for plain text), never a 500', async () => {
      for (const e of withBody()) {
        for (const type of [
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/octet-stream',
          'image/png',
        ]) {
          const res = await sendJson(e, '<title>x</title>', type);
          expectProblem(res, 415, 'request.unsupported_media_type');
        }
        const text = await sendJson(e, 'title=x', 'text/plain');
        expectClientError(text, `${label(e)} text/plain`);
        expect([400, 415]).toContain(text.statusCode);
      }
    });
  });

  describe('fields', () => {
    const wrongTypes: { method: 'POST' | 'PATCH'; url: string; payload: unknown; path: string }[] =
      [
        {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 5, password: 'x' },
          path: 'body.username',
        },
        {
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { currentPassword: 'old one here', newPassword: 123456789012 },
          path: 'body.newPassword',
        },
        {
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { expiresInDays: 'ten' },
          path: 'body.expiresInDays',
        },
        {
          method: 'POST',
          url: '/api/v1/agencies',
          payload: { name: ['not', 'a', 'string'] },
          path: 'body.name',
        },
        {
          method: 'POST',
          url: '/api/v1/agencies',
          payload: { name: 'Galactic Police', level: 'galactic' },
          path: 'body.level',
        },
        {
          method: 'POST',
          url: '/api/v1/agencies',
          payload: { name: 'Contactless PD', pointsOfContact: [{ name: 42 }] },
          path: 'body.pointsOfContact.0.name',
        },
        {
          method: 'POST',
          url: '/api/v1/agencies',
          payload: { name: 'Contactless PD', pointsOfContact: { name: 'not an array' } },
          path: 'body.pointsOfContact',
        },
        {
          method: 'PATCH',
          url: `/api/v1/agencies/${MISSING_ID}`,
          payload: { active: 'yes' },
          path: 'body.active',
        },
        {
          method: 'POST',
          url: '/api/v1/users',
          payload: {
            agencyId: 'not-a-uuid',
            username: 'jdoe',
            displayName: 'J Doe',
            roles: ['analyst'],
          },
          path: 'body.agencyId',
        },
        {
          method: 'POST',
          url: '/api/v1/users',
          payload: {
            agencyId: MISSING_ID,
            username: 'jdoe',
            displayName: 'J Doe',
            roles: ['superuser'],
          },
          path: 'body.roles.0',
        },
        {
          method: 'PATCH',
          url: `/api/v1/users/${MISSING_ID}`,
          payload: { attributes: { lawEnforcement: 'true' } },
          path: 'body.attributes.lawEnforcement',
        },
        {
          method: 'POST',
          url: `/api/v1/users/${MISSING_ID}/tokens`,
          payload: { expiresInDays: 0 },
          path: 'body.expiresInDays',
        },
        {
          method: 'POST',
          url: '/api/v1/sharing-groups',
          payload: { name: 'Task force', members: { agencyIds: ['x'] } },
          path: 'body.members.agencyIds.0',
        },
        {
          method: 'PATCH',
          url: `/api/v1/sharing-groups/${MISSING_ID}`,
          payload: { members: { userIds: 'everyone' } },
          path: 'body.members.userIds',
        },
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ markings: { tlp: 'PURPLE' } }),
          path: 'body.markings.tlp',
        },
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ location: { lat: 91, lon: 0 } }),
          path: 'body.location.lat',
        },
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ observations: [{ type: 'alien', attributes: {} }] }),
          path: 'body.observations.0.type',
        },
        {
          method: 'POST',
          url: '/api/v1/records',
          payload: recordBody({ occurredFrom: 'last Tuesday' }),
          path: 'body.occurredFrom',
        },
        {
          method: 'PATCH',
          url: `/api/v1/records/${MISSING_ID}`,
          payload: { version: 'one' },
          path: 'body.version',
        },
      ];
    it.each(wrongTypes)(
      'a wrong type is 400 naming the field: $method $url → $path',
      async ({ method, url, payload, path }) => {
        const res = await send({ method, url, payload: payload as Payload });
        expectNamesField(res, path);
      },
    );

    it('a 100 kB title or name is 400 naming the field', async () => {
      const long = 'x'.repeat(100_000);
      const cases = [
        { url: '/api/v1/records', payload: recordBody({ title: long }), path: 'body.title' },
        { url: '/api/v1/agencies', payload: { name: long }, path: 'body.name' },
        { url: '/api/v1/sharing-groups', payload: { name: long }, path: 'body.name' },
        {
          url: '/api/v1/sharing-groups',
          payload: { name: 'Long description group', description: long },
          path: 'body.description',
        },
        {
          url: '/api/v1/users',
          payload: {
            agencyId: root.agencyId,
            username: 'longname',
            displayName: long,
            roles: ['analyst'],
          },
          path: 'body.displayName',
        },
        {
          url: '/api/v1/auth/login',
          payload: { username: long, password: 'x' },
          path: 'body.username',
        },
      ];
      for (const c of cases) {
        const res = await send({ method: 'POST', url: c.url, payload: c.payload });
        expectNamesField(res, c.path);
      }
    });

    it('an invalid UUID in the path is 400 naming params.id on every route with an id', async () => {
      const withId = entries.filter((e) => e.url.includes(':id') && e.method !== 'HEAD');
      expect(withId.length).toBeGreaterThan(10);
      for (const e of withId) {
        for (const bad of [
          'not-a-uuid',
          '123',
          MISSING_ID.slice(0, -1),
          `${MISSING_ID}x`,
          "1'%20or%201=1",
        ]) {
          const res = await send({
            method: e.method,
            url: e.url.replace(':id', bad),
            ...(hasBodySchema(e) ? { payload: {} } : {}),
          });
          expectNamesField(res, 'params.id');
        }
      }
    });

    it('an over-long or badly encoded path is answered with a problem document, not the framework default', async () => {
      const notProblems: string[] = [];
      for (const url of [`/api/v1/records/${'a'.repeat(300)}`, '/api/v1/records/%E0%A4%A']) {
        const res = await send({ method: 'GET', url });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
        if (!String(res.headers['content-type']).startsWith('application/problem+json'))
          notProblems.push(
            `${url.slice(0, 40)} → ${res.statusCode} ${String(res.headers['content-type'])}`,
          );
      }
      expect(notProblems).toEqual([]);
    });

    it('an X-Purpose over 500 characters is 400 naming headers.x-purpose', async () => {
      const res = await send({
        method: 'GET',
        url: '/api/v1/records',
        headers: { 'x-purpose': 'p'.repeat(501) },
      });
      expectNamesField(res, 'headers.x-purpose');
    });
  });

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
          const res = await send({ method: 'GET', url: `${url}?limit=${limit}` });
          expectNamesField(res, 'querystring.limit');
        }
        const repeated = await send({ method: 'GET', url: `${url}?limit=1&limit=2` });
        expectNamesField(repeated, 'querystring.limit');
      }
    });

    it('a cursor the server never issued is 400 naming the cursor', async () => {
      for (const url of listRoutes) {
        for (const cursor of ['garbage', 'x'.repeat(39)]) {
          const res = await send({ method: 'GET', url: `${url}?cursor=${cursor}` });
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
      for (const c of cases) expectNamesField(await send({ method: 'GET', url: c.url }), c.path);
      for (const url of ['/api/v1/records?colour=red', '/api/v1/audit?colour=red']) {
        const res = await send({ method: 'GET', url });
        expectProblem(res, 400, 'validation.failed');
        expect(res.body).toContain('colour');
      }
    });
  });

  describe('values the database cannot store are refused, not a 500', () => {
    it('a NUL character in any text is a 4xx (record title, agency name, login, audit filter)', async () => {
      const attempts: (InjectOptions & { url: string })[] = [
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
      expect(await serverErrors([...attempts, login])).toEqual([]);
    });

    it('a lone UTF-16 surrogate in a record is a 4xx', async () => {
      const text = JSON.stringify(recordBody()).replace('Trespass', 'Tres\\ud800pass');
      const res = await send({
        method: 'POST',
        url: '/api/v1/records',
        headers: { 'content-type': 'application/json' },
        payload: text,
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      expectClientError(res, 'lone surrogate');
    });

    it('dates PostgreSQL cannot hold (year 0000, after 9999) are a 4xx on write and on filters', async () => {
      const attempts: (InjectOptions & { url: string })[] = [
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
      expect(await serverErrors(attempts)).toEqual([]);
    });
  });

  describe('observation attributes', () => {
    it('a date of birth that is neither YYYY, YYYY-MM nor YYYY-MM-DD is 422 naming the attribute', async () => {
      for (const dateOfBirth of ['sometime in 1980', '1980-02-03T00:00:00Z', '03/02/1980 or so']) {
        const res = await send(
          {
            method: 'POST',
            url: '/api/v1/records',
            payload: recordBody({
              observations: [
                { type: 'person', role: 'subject', attributes: { surname: 'Doe', dateOfBirth } },
              ],
            }),
          },
          analyst,
        );
        expect(res.statusCode, `${dateOfBirth}: ${res.body}`).toBe(422);
        expect(problemPaths(res)).toContain('observations.0.attributes.dateOfBirth');
      }
    });
  });

  describe('property: random JSON never makes the records API fail', () => {
    const paths: (string | number)[][] = [
      [],
      ['kind'],
      ['title'],
      ['narrative'],
      ['occurredFrom'],
      ['occurredTo'],
      ['location'],
      ['location', 'lat'],
      ['markings'],
      ['markings', 'tlp'],
      ['markings', 'caveats'],
      ['markings', 'releasableTo'],
      ['payload'],
      ['observations'],
      ['observations', 0],
      ['observations', 0, 'type'],
      ['observations', 0, 'attributes'],
      ['observations', 0, 'attributes', 'dateOfBirth'],
      ['observations', 0, 'textStart'],
      ['sourceRecordId'],
      ['status'],
      ['version'],
    ];
    /** Replaces the value at `path` in a copy of `body` (creating objects on the way). */
    function mutate(body: unknown, path: (string | number)[], value: unknown): unknown {
      if (path.length === 0) return value;
      const [head, ...rest] = path as [string | number, ...(string | number)[]];
      const copy = (
        Array.isArray(body)
          ? [...(body as unknown[])]
          : typeof body === 'object' && body !== null
            ? { ...(body as Payload) }
            : {}
      ) as Record<string | number, unknown>;
      copy[head] = mutate(copy[head], rest, value);
      return copy;
    }
    const mutations = fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 })), {
      minLength: 1,
      maxLength: 3,
    });

    it('POST /api/v1/records with random JSON, or a valid body with random parts, is always < 500', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            mutations.map((ms) => ms.reduce<unknown>((b, [p, v]) => mutate(b, p, v), recordBody())),
          ),
          async (body) => {
            const res = await send(
              {
                method: 'POST',
                url: '/api/v1/records',
                headers: { 'content-type': 'application/json' },
                payload: body === undefined ? 'null' : JSON.stringify(body),
              },
              analyst,
            );
            expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
            if (res.statusCode >= 400) expect(typeof res.json().code).toBe('string');
          },
        ),
        { numRuns: 150 },
      );
    });

    it('PATCH /api/v1/records/{id} with random JSON, or a valid change with random parts, is always < 500', async () => {
      const created = await send(
        { method: 'POST', url: '/api/v1/records', payload: recordBody() },
        analyst,
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const valid = { version: 1, title: 'Updated title' };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            mutations.map((ms) => ms.reduce<unknown>((b, [p, v]) => mutate(b, p, v), valid)),
          ),
          async (body) => {
            const res = await send(
              {
                method: 'PATCH',
                url: `/api/v1/records/${id}`,
                headers: { 'content-type': 'application/json' },
                payload: body === undefined ? 'null' : JSON.stringify(body),
              },
              analyst,
            );
            expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
            if (res.statusCode >= 400) expect(typeof res.json().code).toBe('string');
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});
