import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { expect } from 'vitest';
import { SESSION_COOKIE } from './auth-hook.ts';

/** A valid UUID no row has: fills path parameters and plays "missing". */
export const MISSING_ID = '018f0000-0000-7000-8000-000000000000';

/** Asserts an RFC 9457 problem document with a stable code (and the given one, if named). */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 500)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ code: unknown; status: unknown; title: unknown }>();
  expect(typeof body.code).toBe('string');
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  if (code !== undefined) expect(body.code).toBe(code);
  return body as { code: string; errors?: { path: string; message: string }[]; detail?: string };
}

/** The paths (and messages) of a validation problem, for "names the field" assertions. */
export function problemPaths(res: LightMyRequestResponse): string[] {
  const errors = res.json<{ errors?: { path: string }[] }>().errors ?? [];
  return errors.map((e) => e.path);
}

let ipCounter = 0;
/** A fresh client address, so per-IP login rate limits of one test never touch another. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(process.pid >> 8) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export type Session = {
  userId: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated read. */
  cookie: { cookie: string };
  /** Headers for a cookie-authenticated write (cookie + CSRF token). */
  write: { cookie: string; 'x-csrf-token': string };
};

/** Signs in through the API and returns the session cookie and CSRF token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  remoteAddress = freshIp(),
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!session) throw new Error('login set no session cookie');
  const body = res.json<{ csrfToken: string; userId: string }>();
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  return {
    userId: body.userId,
    csrfToken: body.csrfToken,
    cookie: { cookie },
    write: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/**
 * Collects every route a Fastify app registers while `build` runs, through Fastify's public
 * 'fastify.initialization' diagnostics channel (an onRoute hook added before any route).
 * The route options objects are kept as registered, so config changes made by the app's own
 * onRoute hook (the API docs routes are marked public) are visible.
 */
export async function collectRoutes<T>(
  build: () => Promise<T>,
): Promise<{ built: T; routes: RouteOptions[] }> {
  const routes: RouteOptions[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      routes.push(route);
    });
  };
  subscribe('fastify.initialization', onInit);
  try {
    return { built: await build(), routes };
  } finally {
    unsubscribe('fastify.initialization', onInit);
  }
}

/** Runs `onInit` on every Fastify instance created while `build` runs (e.g. to add a rogue route). */
export async function withFastifyInit<T>(
  onInit: (fastify: FastifyInstance) => void,
  build: () => Promise<T>,
): Promise<T> {
  const listener = (message: unknown) => {
    onInit((message as { fastify: FastifyInstance }).fastify);
  };
  subscribe('fastify.initialization', listener);
  try {
    return await build();
  } finally {
    unsubscribe('fastify.initialization', listener);
  }
}

export type RouteEntry = {
  method: string;
  url: string;
  access: unknown;
  /** The URL with path parameters filled by a valid UUID. */
  path: string;
  route: RouteOptions;
};

/** One entry per (method, url), path parameters filled with a UUID. */
export function routeEntries(routes: readonly RouteOptions[]): RouteEntry[] {
  const entries = new Map<string, RouteEntry>();
  for (const route of routes) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const url = route.url;
      const path = url.replace(/:[A-Za-z_]\w*/g, MISSING_ID).replace(/\*$/, 'x');
      entries.set(`${method} ${url}`, {
        method,
        url,
        access: route.config?.access,
        path,
        route,
      });
    }
  }
  return [...entries.values()].sort((a, b) =>
    `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`),
  );
}

/** Walks a cursor-paginated list to its end; returns every id in order and the page count. */
export async function walkPages(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  limit: number,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res: LightMyRequestResponse = await app.inject({
      method: 'GET',
      url: `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
    if (pages > 1000) throw new Error(`pagination of ${url} does not end`);
  } while (cursor);
  return { ids, pages };
}

export type AuditItem = {
  action: string;
  objectType: string | null;
  objectIds: string[];
  decision: 'allow' | 'deny';
  actorUserId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
};

/** The audit events naming an object, newest first, read through the API by an auditor. */
export async function auditOf(
  app: FastifyInstance,
  auditor: { auth: { authorization: string } },
  objectId: string,
  filter = '',
): Promise<AuditItem[]> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/audit?objectId=${objectId}&limit=500${filter}`,
    headers: auditor.auth,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: AuditItem[] }>().items;
}

let nameCounter = 0;
/** A name no other test (or parallel test file) uses. */
export const uniqueName = (prefix: string) => `${prefix} ${process.pid}-${++nameCounter}`;
