/**
 * Shared setup of the bad-input suites (bad-input.{bodies,fields,queries,fuzz}.test.ts): an
 * app whose /api/v1 routes are all known, a user holding every permission so that each request
 * reaches input validation, and the one promise every route makes about bad input — a problem
 * document, never a 500.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DatabaseKind } from '../db/client.ts';
import {
  collectRoutes,
  expectProblem,
  freshIp,
  problemPaths,
  routeEntries,
  type RouteEntry,
} from './http.test-helpers.ts';
import { createTestApp, type TestUser } from './test-app.ts';

export type Payload = Record<string, unknown>;
export type Attempt = InjectOptions & { url: string };

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
export const label = (e: RouteEntry) => `${e.method} ${e.url}`;
export const hasBodySchema = (e: RouteEntry) => e.route.schema?.body !== undefined;

/** A problem, never a 500 — the one promise every route makes about bad input. */
export function expectClientError(res: LightMyRequestResponse, what: string) {
  expect(
    res.statusCode,
    `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`,
  ).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  expect(typeof res.json().code, what).toBe('string');
}

export function expectNamesField(res: LightMyRequestResponse, path: string) {
  expectProblem(res, 400, 'validation.failed');
  expect(problemPaths(res), res.body).toContain(path);
}

export type BadInputApp = Awaited<ReturnType<typeof createBadInputApp>>;

/** A test app with its /api/v1 routes listed, a user with every role and a plain analyst. */
export async function createBadInputApp(kind: DatabaseKind) {
  const collected = await collectRoutes(() => createTestApp(kind));
  const t = collected.built;
  const entries = routeEntries(collected.routes).filter((e) => e.url.startsWith('/api/v1/'));
  const agency = await t.buildAgency();
  /** Holds every permission, so each request reaches input validation. */
  const root = await t.buildUser(agency.id, {
    roles: ['admin', 'auditor', 'privacy_officer', 'analyst'],
  });
  const analyst = await t.personas.analyst(agency.id);

  /** Every request from its own address: the login rate limit must not mask what is tested. */
  const send = (opts: Attempt, as: TestUser | null = root) =>
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

  /** Sends each attempt and lists those answered with a 5xx (all of them, not just the first). */
  async function serverErrors(attempts: Attempt[]) {
    const failed: string[] = [];
    for (const a of attempts) {
      const res = await send(a, a.url.endsWith('/auth/login') ? null : root);
      if (res.statusCode >= 500) failed.push(`${String(a.method)} ${a.url} → ${res.statusCode}`);
      else expectClientError(res, `${String(a.method)} ${a.url}`);
    }
    return failed;
  }

  return {
    entries,
    root,
    analyst,
    send,
    sendJson,
    serverErrors,
    writes: () => entries.filter((e) => WRITE_METHODS.has(e.method)),
    withBody: () => entries.filter(hasBodySchema),
    close: () => t.close(),
  };
}
