import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import {
  collectRoutes,
  expectProblem,
  MISSING_ID,
  routeEntries,
  type RouteEntry,
} from './http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from './test-app.ts';

describeEachDatabase('the app around the API', (kind) => {
  let t: TestApp;
  let entries: RouteEntry[];
  let analyst: TestUser;
  beforeAll(async () => {
    const collected = await collectRoutes(() => createTestApp(kind));
    t = collected.built;
    entries = routeEntries(collected.routes);
    analyst = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('/healthz answers 200 without credentials', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'HEAD', url: '/healthz' })).statusCode).toBe(200);
  });

  it('/readyz answers 200 naming the database while the database answers', async () => {
    const res = await get('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: kind });
  });

  it('/readyz answers 503 once the database is gone', async () => {
    const own = await createTestApp(kind);
    try {
      await own.database.close();
      const res = await own.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', database: kind });
      expect((await own.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await own.app.close();
    }
  });

  it('/metrics is Prometheus text with request counts labelled by route template, not raw ids', async () => {
    await get(`/api/v1/records/${MISSING_ID}`, analyst.auth);
    await get('/api/v1/me', analyst.auth);
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('# TYPE watchfloor_http_requests_total counter');
    expect(res.body).toMatch(
      /watchfloor_http_requests_total\{method="GET",route="\/api\/v1\/records\/:id",status="404"\} \d+/,
    );
    expect(res.body).toMatch(
      /watchfloor_http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/,
    );
    expect(res.body).toContain('watchfloor_http_request_duration_seconds_bucket');
    expect(res.body).toContain('watchfloor_process_cpu_seconds_total');
    expect(res.body).not.toContain(MISSING_ID);
  });

  it('/api/openapi.json is an OpenAPI 3.1 document listing every /api/v1 route', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown>; schemas?: Record<string, unknown> };
    }>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Watchfloor API');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);

    const api = entries.filter((e) => e.url.startsWith('/api/v1/') && e.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(30);
    const missing = api
      .map((e) => ({ path: e.url.replace(/:(\w+)/g, '{$1}'), method: e.method.toLowerCase() }))
      .filter(({ path, method }) => !doc.paths[path]?.[method])
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
    // Operational routes are not part of the API description.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    // Sign-in is the one operation that needs no credentials.
    expect(doc.paths['/api/v1/auth/login']?.['post']?.security).toEqual([]);
  });

  it('/api/docs serves the browsable API documentation as HTML', async () => {
    let res = await get('/api/docs');
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      const location = String(res.headers['location']);
      res = await get(new URL(location, 'http://localhost/api/docs').pathname);
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toLowerCase()).toContain('swagger');
  });

  it('security headers are set on API answers, errors and public routes alike', async () => {
    const answers = [
      await get('/api/v1/me', analyst.auth),
      await get('/api/v1/me'),
      await get('/no/such/route'),
      await get('/healthz'),
      await get('/api/openapi.json'),
    ];
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it('an unknown route is 404 problem+json, signed in or not', async () => {
    for (const [method, url, headers] of [
      ['GET', '/no/such/route', {}],
      ['GET', '/api/v1/no-such-thing', {}],
      ['GET', '/api/v1/no-such-thing?x=1', analyst.auth],
      ['POST', '/api/v1/records/search', analyst.auth],
      ['PUT', '/api/v1/records', analyst.auth],
    ] as const) {
      const res = await t.app.inject({ method, url, headers });
      const body = expectProblem(res, 404, 'not_found');
      expect((body as { instance?: string }).instance).toBe(url.split('?')[0]);
    }
  });
});
