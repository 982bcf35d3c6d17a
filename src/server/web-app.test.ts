import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

describe('serving the web app build', () => {
  const app = Fastify();
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'watchfloor-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    const serve = await registerWebApp(app, dist);
    app.setNotFoundHandler((request, reply) =>
      serve(request, reply) ? reply : reply.status(404).send({ code: 'not_found' }),
    );
  });
  afterAll(() => app.close());
  const get = (url: string, accept = '*/*') =>
    app.inject({ method: 'GET', url, headers: { accept } });

  it('a page navigation to any app path answers index.html, not cached', async () => {
    for (const url of ['/', '/search', '/records/018f0000-0000-7000-8000-000000000000?x=1']) {
      const res = await get(url, 'text/html,application/xhtml+xml');
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>app</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('built files are served; hashed assets are cached for good', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await get('/favicon.svg')).statusCode).toBe(200);
  });

  it('the API, missing files, traversal and non-page requests are not answered with the app', async () => {
    for (const [url, accept] of [
      ['/api/v1/nothing', 'text/html'],
      ['/assets/missing.js', '*/*'],
      ['/no/such/route', 'application/json'],
      ['/..%2f..%2fetc%2fpasswd', '*/*'],
      ['/%E0%A4%A', 'text/html'],
    ] as const) {
      const res = await get(url, accept);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('<title>app</title>');
    }
  });
});
