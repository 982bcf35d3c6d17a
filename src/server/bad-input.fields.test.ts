// One bad field at a time — in the body, the path or a header — is a 400 naming that field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import {
  createBadInputApp,
  expectNamesField,
  hasBodySchema,
  type BadInputApp,
  type Payload,
} from './bad-input.test-helpers.ts';
import { MISSING_ID } from './http.test-helpers.ts';
import { recordBody } from './test-app.ts';

describeEachDatabase('bad input never breaks the API', (kind) => {
  let api: BadInputApp;
  beforeAll(async () => {
    api = await createBadInputApp(kind);
  });
  afterAll(() => api.close());

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
        const res = await api.send({ method, url, payload: payload as Payload });
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
            agencyId: api.root.agencyId,
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
        const res = await api.send({ method: 'POST', url: c.url, payload: c.payload });
        expectNamesField(res, c.path);
      }
    });

    it('an invalid UUID in the path is 400 naming params.id on every route with an id', async () => {
      const withId = api.entries.filter((e) => e.url.includes(':id') && e.method !== 'HEAD');
      expect(withId.length).toBeGreaterThan(10);
      for (const e of withId) {
        for (const bad of [
          'not-a-uuid',
          '123',
          MISSING_ID.slice(0, -1),
          `${MISSING_ID}x`,
          "1'%20or%201=1",
        ]) {
          const res = await api.send({
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
        const res = await api.send({ method: 'GET', url });
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
      const res = await api.send({
        method: 'GET',
        url: '/api/v1/records',
        headers: { 'x-purpose': 'p'.repeat(501) },
      });
      expectNamesField(res, 'headers.x-purpose');
    });
  });
});
