import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  expectProblem,
  freshIp,
  MISSING_ID,
  signIn,
  type Session,
} from '../../server/http.test-helpers.ts';
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../../server/test-app.ts';
import type { Clock } from '../../shared/clock.ts';

/** A clock the test moves by hand (the lockout lasts 15 minutes). */
function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describeEachDatabase('sign-in, sessions and API tokens', (kind) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = freshIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
    });
  const me = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

  describe('login', () => {
    it('a correct password sets an HttpOnly, SameSite=Strict session cookie that GET /me accepts', async () => {
      const user = await t.personas.analyst(agencyId);
      const res = await login(user.username, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ userId: user.id, mustChangePassword: false });
      expect(body.csrfToken).toEqual(expect.any(String));
      expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const cookie = res.cookies.find((c) => c.name === 'wf_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.value).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toContain(cookie!.value);

      const who = await me({ cookie: `wf_session=${cookie!.value}` });
      expect(who.statusCode, who.body).toBe(200);
      expect(who.json()).toMatchObject({
        user: { id: user.id, username: user.username },
        agency: { id: agencyId },
      });
      expect(who.json().permissions).toContain('records:write');
      expect(who.json().user).not.toHaveProperty('passwordHash');
    });

    it('usernames are matched case-insensitively and trimmed', async () => {
      const user = await t.personas.analyst(agencyId);
      const res = await login(`  ${user.username.toUpperCase()} `, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
    });

    it('a wrong password is 401 auth.invalid_credentials, exactly like an unknown username', async () => {
      const user = await t.personas.analyst(agencyId);
      const wrong = await login(user.username, 'not the password');
      const unknown = await login('nobody-by-this-name', 'not the password');
      const body = expectProblem(wrong, 401, 'auth.invalid_credentials');
      expectProblem(unknown, 401, 'auth.invalid_credentials');
      expect(unknown.json()).toEqual(body);
      expect(wrong.cookies).toEqual([]);
    });

    it('the system account, which has no password, cannot sign in', async () => {
      const res = await login('system', '');
      expect(res.statusCode).toBe(400);
      expectProblem(await login('system', 'anything at all'), 401, 'auth.invalid_credentials');
    });

    it('after 5 failed attempts the account is locked: 423 auth.locked with Retry-After, even with the right password', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 5; i++) {
        expectProblem(await login(user.username, `wrong ${i}`), 401, 'auth.invalid_credentials');
      }
      const locked = await login(user.username, TEST_PASSWORD);
      expectProblem(locked, 423, 'auth.locked');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(locked.cookies).toEqual([]);
      // Other accounts are not affected.
      const other = await t.personas.analyst(agencyId);
      expect((await login(other.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('while the account is locked a wrong and a right password get the same answer (the lock is no password oracle)', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 5; i++) await login(user.username, `wrong ${i}`);
      const right = await login(user.username, TEST_PASSWORD);
      const wrong = await login(user.username, 'still guessing');
      expect(right.statusCode).toBe(423);
      expect([wrong.statusCode, wrong.json().code]).toEqual([right.statusCode, right.json().code]);
    });

    it('failed attempts below the limit are forgotten after a successful sign-in', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 4; i++) await login(user.username, 'wrong');
      expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) await login(user.username, 'wrong');
      expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('the lock lifts after 15 minutes', async () => {
      const clock = manualClock();
      const own = await createTestApp(kind, { clock });
      try {
        const user = await own.personas.analyst((await own.buildAgency()).id);
        const attempt = (password: string) =>
          own.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: user.username, password },
            remoteAddress: freshIp(),
          });
        for (let i = 0; i < 5; i++) await attempt('wrong');
        expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
        clock.advance(14 * 60_000);
        const stillLocked = await attempt(TEST_PASSWORD);
        expect(stillLocked.statusCode).toBe(423);
        expect(Number(stillLocked.headers['retry-after'])).toBeLessThanOrEqual(60);
        clock.advance(60_000 + 1);
        expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
      } finally {
        await own.close();
      }
    });

    it('more than 20 sign-in attempts a minute from one address are refused with 429', async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++)
        statuses.push((await login('nobody-here', 'guess', ip)).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      const limited = await login('nobody-here', 'guess', ip);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(statuses[20]).toBe(429);
      expectProblem(limited, 429, 'request.rate_limited');
      // Another address is not affected.
      expect((await login('nobody-here', 'guess', freshIp())).statusCode).toBe(401);
    });

    it('a user created without a password gets a one-time password and mustChangePassword: true at login', async () => {
      const admin = await t.personas.admin(agencyId);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.auth,
        payload: {
          agencyId,
          username: `otp${Date.now()}`,
          displayName: 'One-Time',
          roles: ['analyst'],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { username, oneTimePassword, mustChangePassword } = created.json();
      expect(mustChangePassword).toBe(true);
      expect(oneTimePassword).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
      const first = await login(username, oneTimePassword);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().mustChangePassword).toBe(true);
      const session = await signIn(t.app, username, oneTimePassword);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: session.write,
        payload: { currentPassword: oneTimePassword, newPassword: 'a much better passphrase' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      const after = await login(username, 'a much better passphrase');
      expect(after.json().mustChangePassword).toBe(false);
      expectProblem(await login(username, oneTimePassword), 401, 'auth.invalid_credentials');
    });
  });

  describe('CSRF protection of cookie sessions', () => {
    let user: TestUser;
    let session: Session;
    beforeAll(async () => {
      user = await t.personas.analyst(agencyId);
      session = await signIn(t.app, user.username, TEST_PASSWORD);
    });
    const createToken = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers,
        payload: { name: 'csrf check' },
      });

    it('a cookie-authenticated write without X-CSRF-Token is 403 auth.csrf_failed', async () => {
      expectProblem(await createToken(session.cookie), 403, 'auth.csrf_failed');
    });

    it('a cookie-authenticated write with a wrong X-CSRF-Token is 403 auth.csrf_failed', async () => {
      for (const wrong of [
        'wfc_wrong',
        '',
        session.csrfToken.slice(0, -1),
        `${session.csrfToken}x`,
      ]) {
        const res = await createToken({ ...session.cookie, 'x-csrf-token': wrong });
        expectProblem(res, 403, 'auth.csrf_failed');
      }
    });

    it("another session's CSRF token does not work", async () => {
      const other = await signIn(t.app, user.username, TEST_PASSWORD);
      const res = await createToken({ ...session.cookie, 'x-csrf-token': other.csrfToken });
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
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${MISSING_ID}`,
        headers: session.cookie,
      });
      expectProblem(del, 403, 'auth.csrf_failed');
    });

    it('with the right X-CSRF-Token the write succeeds', async () => {
      const res = await createToken(session.write);
      expect(res.statusCode, res.body).toBe(201);
    });

    it('reads through a cookie need no CSRF token', async () => {
      expect((await me(session.cookie)).statusCode).toBe(200);
    });

    it('bearer-token requests need no CSRF token', async () => {
      const res = await createToken(user.auth);
      expect(res.statusCode, res.body).toBe(201);
    });
  });

  describe('API tokens', () => {
    it('creating a token returns its secret once; the database keeps only a hash', async () => {
      const user = await t.personas.analyst(agencyId);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: user.auth,
        payload: { name: 'nightly export', expiresInDays: 30 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const token = created.json();
      expect(token).toMatchObject({ name: 'nightly export', prefix: token.token.slice(0, 10) });
      expect(new Date(token.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

      const result: unknown = await t.database.db.execute(
        sql`select * from api_tokens where id = ${token.id}`,
      );
      const { rows } = result as { rows: Record<string, unknown>[] };
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0] ?? {})).toContain('token_hash');
      for (const [column, value] of Object.entries(rows[0] ?? {})) {
        expect(String(value), `column ${column}`).not.toContain(token.token);
      }

      const listed = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/tokens',
        headers: user.auth,
      });
      expect(listed.statusCode).toBe(200);
      const mine = listed.json().items.find((i: { id: string }) => i.id === token.id);
      expect(mine).toMatchObject({ name: 'nightly export', prefix: token.prefix, revokedAt: null });
      expect(listed.body).not.toContain(token.token);
      expect(mine).not.toHaveProperty('token');
      expect(mine).not.toHaveProperty('tokenHash');

      expect((await me({ authorization: `Bearer ${token.token}` })).statusCode).toBe(200);
    });

    it('a revoked token gets 401 at its next request and shows as revoked', async () => {
      const user = await t.personas.analyst(agencyId);
      const { id, token } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: user.auth,
          payload: { name: 'to revoke' },
        })
      ).json();
      const bearer = { authorization: `Bearer ${token}` };
      expect((await me(bearer)).statusCode).toBe(200);
      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${id}`,
        headers: user.auth,
      });
      expect(revoked.statusCode, revoked.body).toBe(204);
      expectProblem(await me(bearer), 401, 'auth.unauthenticated');
      const listed = (
        await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: user.auth })
      ).json();
      expect(listed.items.find((i: { id: string }) => i.id === id).revokedAt).not.toBeNull();
      // Revoking twice is a 404; the user's other token still works.
      const again = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${id}`,
        headers: user.auth,
      });
      expectProblem(again, 404, 'auth.token_not_found');
      expect((await me(user.auth)).statusCode).toBe(200);
    });

    it("a user can neither list nor revoke another user's tokens", async () => {
      const owner = await t.personas.analyst(agencyId);
      const thief = await t.personas.analyst(agencyId);
      const { id, token } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: owner.auth,
          payload: { name: 'private' },
        })
      ).json();
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/tokens',
        headers: thief.auth,
      });
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${id}`,
        headers: thief.auth,
      });
      expectProblem(revoke, 404, 'auth.token_not_found');
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    });

    it('an expired token gets 401', async () => {
      const clock = manualClock();
      const own = await createTestApp(kind, { clock });
      try {
        const user = await own.personas.analyst((await own.buildAgency()).id);
        const { token } = (
          await own.app.inject({
            method: 'POST',
            url: '/api/v1/auth/tokens',
            headers: user.auth,
            payload: { name: 'short', expiresInDays: 1 },
          })
        ).json();
        const bearer = { authorization: `Bearer ${token}` };
        const call = () => own.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
        expect((await call()).statusCode).toBe(200);
        clock.advance(86_400_000 + 1000);
        expectProblem(await call(), 401, 'auth.unauthenticated');
      } finally {
        await own.close();
      }
    });
  });

  describe('sessions end', () => {
    it('logout ends the session: the cookie gets 401 afterwards and is cleared', async () => {
      const user = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: session.write,
      });
      expect(out.statusCode, out.body).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'wf_session');
      expect(cleared?.value ?? '').toBe('');
      expectProblem(await me(session.cookie), 401, 'auth.unauthenticated');
      // The user's API token is a separate credential and keeps working.
      expect((await me(user.auth)).statusCode).toBe(200);
    });

    it('logout through a cookie needs the CSRF token (no forced logout from another site)', async () => {
      const user = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: session.cookie,
      });
      expectProblem(out, 403, 'auth.csrf_failed');
      expect((await me(session.cookie)).statusCode).toBe(200);
    });

    it("changing the password ends the account's other sessions; the old password stops working", async () => {
      const user = await t.personas.analyst(agencyId);
      const here = await signIn(t.app, user.username, TEST_PASSWORD);
      const elsewhere = await signIn(t.app, user.username, TEST_PASSWORD);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: here.write,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expectProblem(await me(elsewhere.cookie), 401, 'auth.unauthenticated');
      expectProblem(await login(user.username, TEST_PASSWORD), 401, 'auth.invalid_credentials');
      expect((await login(user.username, 'another long passphrase')).statusCode).toBe(200);
    });

    it('the session that changed the password stays signed in (only the other sessions end)', async () => {
      const user = await t.personas.analyst(agencyId);
      const here = await signIn(t.app, user.username, TEST_PASSWORD);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: here.write,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await me(here.cookie)).statusCode).toBe(200);
    });

    it('changing the password needs the current one and a strong new one', async () => {
      const user = await t.personas.analyst(agencyId);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: user.auth,
        payload: { currentPassword: 'not my password', newPassword: 'another long passphrase' },
      });
      expectProblem(wrong, 401, 'auth.invalid_credentials');
      const same = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: user.auth,
        payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      });
      expectProblem(same, 422, 'auth.weak_password');
      const short = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: user.auth,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      });
      expectProblem(short, 400, 'validation.failed');
      expect(short.json().errors[0].path).toBe('body.newPassword');
      expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('CI-16 suspension cuts access at the next request', () => {
    it("suspending a user (by the privacy officer) fails the user's very next request, by cookie and by token", async () => {
      const user = await t.personas.analyst(agencyId);
      const officer = await t.personas.privacyOfficer((await t.buildAgency()).id);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      expect((await me(session.cookie)).statusCode).toBe(200);
      expect((await me(user.auth)).statusCode).toBe(200);

      const suspended = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${user.id}/suspend`,
        headers: officer.auth,
      });
      expect(suspended.statusCode, suspended.body).toBe(200);
      expect(suspended.json().active).toBe(false);

      for (const headers of [session.cookie, user.auth]) {
        const res = await me(headers);
        expect([401, 403], res.body).toContain(res.statusCode);
      }
      const write = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: session.write,
        payload: {},
      });
      expect([401, 403]).toContain(write.statusCode);
      expectProblem(await login(user.username, TEST_PASSWORD), 403, 'auth.suspended');
    });

    it('a reinstated user signs in again; the credentials cut at suspension stay dead', async () => {
      const user = await t.personas.analyst(agencyId);
      const officer = await t.personas.privacyOfficer(agencyId);
      const post = (url: string) => t.app.inject({ method: 'POST', url, headers: officer.auth });
      expect((await post(`/api/v1/users/${user.id}/suspend`)).statusCode).toBe(200);
      const back = await post(`/api/v1/users/${user.id}/reinstate`);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().active).toBe(true);
      expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
      expect([401, 403]).toContain((await me(user.auth)).statusCode);
    });

    it('suspending an agency (PATCH active:false by an admin) cuts every one of its users at once', async () => {
      const agency = await t.buildAgency();
      const analyst = await t.personas.analyst(agency.id);
      const supervisor = await t.buildUser(agency.id, { roles: ['supervisor'] });
      const admin = await t.personas.admin((await t.buildAgency()).id);
      const bystander = await t.personas.analyst(agencyId);
      const session = await signIn(t.app, supervisor.username, TEST_PASSWORD);

      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/agencies/${agency.id}`,
        headers: admin.auth,
        payload: { active: false },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().active).toBe(false);

      for (const headers of [analyst.auth, supervisor.auth, session.cookie]) {
        const next = await me(headers);
        expect([401, 403], next.body).toContain(next.statusCode);
      }
      expectProblem(await login(analyst.username, TEST_PASSWORD), 403, 'auth.suspended');
      expect((await me(bystander.auth)).statusCode).toBe(200);
    });

    it('CI-16 the privacy officer can suspend a whole participating agency', async () => {
      const agency = await t.buildAgency();
      const member = await t.personas.analyst(agency.id);
      const officer = await t.personas.privacyOfficer(agencyId);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/agencies/${agency.id}/suspend`,
        headers: officer.auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect([401, 403]).toContain((await me(member.auth)).statusCode);
      const back = await t.app.inject({
        method: 'POST',
        url: `/api/v1/agencies/${agency.id}/reinstate`,
        headers: officer.auth,
      });
      expect(back.json()).toMatchObject({ active: true });
    });

    it('a user cannot suspend someone without the right: analysts get 403', async () => {
      const victim = await t.personas.analyst(agencyId);
      const analyst = await t.personas.analyst(agencyId);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${victim.id}/suspend`,
        headers: analyst.auth,
      });
      expectProblem(res, 403, 'access.forbidden');
      expect((await me(victim.auth)).statusCode).toBe(200);
    });
  });

  describe('CI-08 sign-ins are audited', () => {
    it('a failed and a successful sign-in both appear in the audit log', async () => {
      const user = await t.personas.analyst(agencyId);
      const auditor = await t.personas.auditor(agencyId);
      await login(user.username, 'wrong password');
      await login(user.username, TEST_PASSWORD);
      const log = await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?action=auth.login&objectId=${user.id}`,
        headers: auditor.auth,
      });
      expect(log.statusCode).toBe(200);
      const decisions = log.json().items.map((e: { decision: string }) => e.decision);
      expect(decisions).toEqual(['allow', 'deny']);
      expect(log.json().items[1]).toMatchObject({ actorUsername: user.username });
    });
  });
});
