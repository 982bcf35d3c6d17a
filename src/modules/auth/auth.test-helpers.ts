/**
 * The requests the auth route tests (auth.{login,csrf,tokens,suspension}.test.ts) make again
 * and again: sign-in attempts, GET /me, API tokens, password changes and suspensions. Each
 * returns the raw response, so a test asserts refusals as well as successes; `createToken`
 * alone reads the answer, for tests that only need a working token.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { freshIp } from '../../server/http.test-helpers.ts';
import type { Clock } from '../../shared/clock.ts';

type Headers = Record<string, string>;

/** A clock the test moves by hand (the lockout lasts 15 minutes). */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/** POST /auth/login, from a fresh address unless one is given (the per-IP limit is 20/min). */
export const login = (
  app: FastifyInstance,
  username: string,
  password: string,
  remoteAddress = freshIp(),
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });

export const me = (app: FastifyInstance, headers: Headers) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers });

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** POST /auth/tokens, answered as is. */
export const postToken = (app: FastifyInstance, headers: Headers, payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers, payload });

/** Creates an API token and reads back its id and its secret (shown this once). */
export async function createToken(
  app: FastifyInstance,
  headers: Headers,
  payload: { name: string; expiresInDays?: number },
): Promise<{ id: string; token: string }> {
  const res = await postToken(app, headers, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; token: string }>();
}

export const listTokens = (app: FastifyInstance, headers: Headers) =>
  app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers });

export const revokeToken = (app: FastifyInstance, headers: Headers, id: string) =>
  app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers });

export const logout = (app: FastifyInstance, headers: Headers) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });

export const changePassword = (
  app: FastifyInstance,
  headers: Headers,
  currentPassword: string,
  newPassword: string,
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers,
    payload: { currentPassword, newPassword },
  });

/** POST /users/{id}/suspend or /agencies/{id}/suspend (and the same for reinstate). */
export const suspend = (
  app: FastifyInstance,
  headers: Headers,
  what: 'users' | 'agencies',
  id: string,
) => app.inject({ method: 'POST', url: `/api/v1/${what}/${id}/suspend`, headers });

export const reinstate = (
  app: FastifyInstance,
  headers: Headers,
  what: 'users' | 'agencies',
  id: string,
) => app.inject({ method: 'POST', url: `/api/v1/${what}/${id}/reinstate`, headers });
