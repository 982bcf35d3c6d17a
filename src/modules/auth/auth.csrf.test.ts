import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, MISSING_ID, signIn, type Session } from '../../server/http.test-helpers.ts';
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../../server/test-app.ts';
import { logout, me, postToken, revokeToken } from './auth.test-helpers.ts';

describeEachDatabase('sign-in, sessions and API tokens', (kind) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
  });
  afterAll(() => t.close());

  describe('CSRF protection of cookie sessions', () => {
    let user: TestUser;
    let session: Session;
    beforeAll(async () => {
      user = await t.personas.analyst(agencyId);
      session = await signIn(t.app, user.username, TEST_PASSWORD);
    });
    const tryCreateToken = (headers: Record<string, string>) =>
      postToken(t.app, headers, { name: 'csrf check' });

    it('a cookie-authenticated write without X-CSRF-Token is 403 auth.csrf_failed', async () => {
      expectProblem(await tryCreateToken(session.cookie), 403, 'auth.csrf_failed');
    });

    it('a cookie-authenticated write with a wrong X-CSRF-Token is 403 auth.csrf_failed', async () => {
      for (const wrong of [
        'wfc_wrong',
        '',
        session.csrfToken.slice(0, -1),
        `${session.csrfToken}x`,
      ]) {
        const res = await tryCreateToken({ ...session.cookie, 'x-csrf-token': wrong });
        expectProblem(res, 403, 'auth.csrf_failed');
      }
    });

    it("another session's CSRF token does not work", async () => {
      const other = await signIn(t.app, user.username, TEST_PASSWORD);
      const res = await tryCreateToken({ ...session.cookie, 'x-csrf-token': other.csrfToken });
      expectProblem(res, 403, 'auth.csrf_failed');
    });

    it('PATCH and DELETE through a cookie need the token too', async () => {
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/records/${MISSING_ID}`,
        headers: session.cookie,
        payload: { version: 1 },
      });
      expectProblem(patch, 403, 'auth.csrf_failed');
      const del = await revokeToken(t.app, session.cookie, MISSING_ID);
      expectProblem(del, 403, 'auth.csrf_failed');
    });

    it('with the right X-CSRF-Token the write succeeds', async () => {
      const res = await tryCreateToken(session.write);
      expect(res.statusCode, res.body).toBe(201);
    });

    it('reads through a cookie need no CSRF token', async () => {
      expect((await me(t.app, session.cookie)).statusCode).toBe(200);
    });

    it('bearer-token requests need no CSRF token', async () => {
      const res = await tryCreateToken(user.auth);
      expect(res.statusCode, res.body).toBe(201);
    });
  });

  describe('the session after a page reload (GET /auth/session)', () => {
    it('gives the signed-in user and the same CSRF token back, and that token works for writes', async () => {
      const user = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: session.cookie,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.csrfToken).toBe(session.csrfToken);
      expect(body.me.user.username).toBe(user.username);
      expect(body.me.agency.id).toBe(agencyId);
      expect(body.me.permissions).toContain('records:write');
      const write = await postToken(
        t.app,
        { ...session.cookie, 'x-csrf-token': body.csrfToken },
        { name: 'after reload' },
      );
      expect(write.statusCode, write.body).toBe(201);
    });

    it('is 401 without a session and 400 auth.no_session for an API token', async () => {
      const user = await t.personas.analyst(agencyId);
      const get = (headers: Record<string, string>) =>
        t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
      expectProblem(await get({}), 401, 'auth.unauthenticated');
      expectProblem(await get(user.auth), 400, 'auth.no_session');
    });
  });

  // The rest of 'sessions end' (password changes) is in auth.suspension.test.ts.
  describe('sessions end', () => {
    it('logout ends the session: the cookie gets 401 afterwards and is cleared', async () => {
      const user = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      const out = await logout(t.app, session.write);
      expect(out.statusCode, out.body).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'wf_session');
      expect(cleared?.value ?? '').toBe('');
      expectProblem(await me(t.app, session.cookie), 401, 'auth.unauthenticated');
      // The user's API token is a separate credential and keeps working.
      expect((await me(t.app, user.auth)).statusCode).toBe(200);
    });

    it('logout through a cookie needs the CSRF token (no forced logout from another site)', async () => {
      const user = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      const out = await logout(t.app, session.cookie);
      expectProblem(out, 403, 'auth.csrf_failed');
      expect((await me(t.app, session.cookie)).statusCode).toBe(200);
    });
  });
});
