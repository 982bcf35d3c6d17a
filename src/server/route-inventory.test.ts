import { afterAll, beforeAll, expect, it } from 'vitest';
import { isPermission, PERMISSIONS, type Permission } from '../access/permissions.ts';
import { ROLES, type Role } from '../access/viewer.ts';
import { createTestDatabase, describeEachDatabase } from '../db/test-db.ts';
import type { DatabaseKind } from '../db/client.ts';
import { ensureCenter } from '../modules/center/center.service.ts';
import { systemClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import {
  collectRoutes,
  expectProblem,
  routeEntries,
  withFastifyInit,
  type RouteEntry,
} from './http.test-helpers.ts';
import { createTestApp, testConfig, type TestApp, type TestUser } from './test-app.ts';

/** Routes anyone may call without signing in. Everything else must answer 401. */
const EXPECTED_PUBLIC = [
  'GET /api/openapi.json',
  'GET /healthz',
  'GET /metrics',
  'GET /readyz',
  'HEAD /api/openapi.json',
  'HEAD /healthz',
  'HEAD /metrics',
  'HEAD /readyz',
  'POST /api/v1/auth/login',
];
const isDocs = (e: RouteEntry) => e.url === '/api/docs' || e.url.startsWith('/api/docs/');
const key = (e: RouteEntry) => `${e.method} ${e.url}`;
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);

/** Builds a real app over its own database with a rogue plugin run at Fastify's creation. */
async function bootWith(kind: DatabaseKind, rogue: Parameters<typeof withFastifyInit>[0]) {
  const database = await createTestDatabase(kind);
  try {
    const center = await ensureCenter(database.db, testConfig.centerName);
    return await withFastifyInit(rogue, () =>
      buildApp({ config: testConfig, database, clock: systemClock, center }),
    );
  } finally {
    await database.close();
  }
}

describeEachDatabase('route inventory', (kind) => {
  let t: TestApp;
  let entries: RouteEntry[];
  beforeAll(async () => {
    const collected = await collectRoutes(() => createTestApp(kind));
    t = collected.built;
    await t.app.ready();
    entries = routeEntries(collected.routes);
  });
  afterAll(() => t.close());

  it('finds the whole API: every module registers routes under /api/v1', () => {
    const api = entries.filter((e) => e.url.startsWith('/api/v1/'));
    const prefixes = new Set(api.map((e) => e.url.split('/')[3]));
    for (const module of ['auth', 'me', 'agencies', 'users', 'sharing-groups', 'records'])
      expect(prefixes).toContain(module);
    for (const module of ['entities', 'audit']) expect(prefixes).toContain(module);
    expect(api.length).toBeGreaterThan(30);
  });

  it('every route declares who may call it (a permission or "public")', () => {
    const undeclared = entries.filter((e) => !isPermission(e.access)).map(key);
    expect(undeclared).toEqual([]);
  });

  it('the public set is exactly sign-in, health, readiness, metrics, the OpenAPI document and the docs UI', () => {
    const publicRoutes = entries.filter((e) => e.access === 'public');
    expect(
      publicRoutes
        .filter((e) => !isDocs(e))
        .map(key)
        .sort(),
    ).toEqual(EXPECTED_PUBLIC);
    expect(publicRoutes.some(isDocs)).toBe(true);
    // Nothing under /api/v1 but sign-in is public.
    expect(publicRoutes.filter((e) => e.url.startsWith('/api/v1')).map(key)).toEqual([
      'POST /api/v1/auth/login',
    ]);
  });

  it('every non-public route answers 401 auth.unauthenticated without credentials (path ids filled with a UUID)', async () => {
    const guarded = entries.filter((e) => e.access !== 'public');
    expect(guarded.length).toBeGreaterThan(30);
    for (const e of guarded) {
      const res = await t.app.inject({
        method: e.method as 'GET',
        url: e.path,
        ...(hasBody(e.method) ? { payload: {} } : {}),
      });
      if (e.method === 'HEAD') {
        expect(res.statusCode, key(e)).toBe(401);
        continue;
      }
      expectProblem(res, 401, 'auth.unauthenticated');
    }
  });

  it('a forged or unknown bearer token and a made-up session cookie are also 401 on every non-public route', async () => {
    const guarded = entries.filter((e) => e.access !== 'public' && e.method !== 'HEAD');
    for (const e of guarded) {
      for (const headers of [
        { authorization: 'Bearer wf_not-a-real-token' },
        { cookie: 'wf_session=wfs_made-up' },
      ]) {
        const res = await t.app.inject({ method: e.method as 'GET', url: e.path, headers });
        expect(res.statusCode, `${key(e)} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json().code).toBe('auth.unauthenticated');
      }
    }
  });

  it('every role lacking a route permission gets 403 access.forbidden on it, before any input is looked at', async () => {
    const byRole = new Map<Role, TestUser>();
    const agency = await t.buildAgency();
    for (const role of ROLES) byRole.set(role, await t.buildUser(agency.id, { roles: [role] }));
    const guarded = entries.filter(
      (e) => e.access !== 'public' && e.access !== 'authenticated' && e.method !== 'HEAD',
    );
    let checked = 0;
    for (const e of guarded) {
      const allowed: readonly Role[] = PERMISSIONS[e.access as Permission];
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const res = await t.app.inject({
          method: e.method as 'GET',
          url: e.path,
          headers: byRole.get(role)!.auth,
          ...(hasBody(e.method) ? { payload: { name: 'x' } } : {}),
        });
        expect(res.statusCode, `${role} on ${key(e)}: ${res.body}`).toBe(403);
        expect(res.json().code).toBe('access.forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('a partner is refused the admin and audit routes with 403', async () => {
    const partner = await t.personas.partnerWithoutLes((await t.buildAgency()).id);
    const attempts = [
      { method: 'POST', url: '/api/v1/agencies', payload: { name: 'Partner-made agency' } },
      { method: 'POST', url: '/api/v1/users', payload: {} },
      { method: 'POST', url: '/api/v1/sharing-groups', payload: { name: 'Partner group' } },
      { method: 'GET', url: '/api/v1/audit' },
      { method: 'GET', url: '/api/v1/users' },
      { method: 'POST', url: `/api/v1/users/${partner.id}/suspend` },
      { method: 'POST', url: '/api/v1/records', payload: {} },
    ] as const;
    for (const a of attempts) {
      const res = await t.app.inject({ ...a, headers: partner.auth });
      expectProblem(res, 403, 'access.forbidden');
    }
    // …while what the role allows still works: the 403s are about the role, not the user.
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agencies',
      headers: partner.auth,
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('CI-08 a request refused for lack of permission is written to the audit log as a denial', async () => {
    const agency = await t.buildAgency();
    const partner = await t.personas.partnerWithoutLes(agency.id);
    const auditor = await t.personas.auditor(agency.id);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: partner.auth,
    });
    expect(refused.statusCode).toBe(403);
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?actorUserId=${partner.id}&decision=deny`,
      headers: auditor.auth,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().items.length, 'no deny event for the refused request').toBeGreaterThan(0);
  });

  it('the app refuses to boot with a route that does not declare config.access', async () => {
    await expect(
      bootWith(kind, (fastify) => {
        void fastify.register(async (instance) => {
          instance.get('/api/v1/undeclared', () => ({ leaked: true }));
          await Promise.resolve();
        });
      }),
    ).rejects.toThrow(/GET \/api\/v1\/undeclared does not declare config\.access/);
  });

  it('the app refuses to boot with a route whose access names no known permission', async () => {
    await expect(
      bootWith(kind, (fastify) => {
        void fastify.register(async (instance) => {
          instance.post(
            '/api/v1/misdeclared',
            { config: { access: 'records:delete-everything' as 'public' } },
            () => ({ leaked: true }),
          );
          await Promise.resolve();
        });
      }),
    ).rejects.toThrow(/POST \/api\/v1\/misdeclared does not declare config\.access/);
  });

  it('adding an undeclared route to a built app throws at once', async () => {
    const database = await createTestDatabase(kind);
    try {
      const center = await ensureCenter(database.db, testConfig.centerName);
      const app = await buildApp({ config: testConfig, database, clock: systemClock, center });
      expect(() => app.get('/api/v1/late', () => 'x')).toThrow(/does not declare config\.access/);
      await app.close();
    } finally {
      await database.close();
    }
  });
});
