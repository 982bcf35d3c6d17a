import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, freshIp, signIn } from '../../server/http.test-helpers.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../server/test-app.ts';
import { changePassword, login, manualClock, me } from './auth.test-helpers.ts';

describeEachDatabase('sign-in, sessions and API tokens', (kind) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('a correct password sets an HttpOnly, SameSite=Strict session cookie that GET /me accepts', async () => {
      const user = await t.personas.analyst(agencyId);
      const res = await login(t.app, user.username, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ userId: user.id, mustChangePassword: false });
      expect(body.csrfToken).toEqual(expect.any(String));
      expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const cookie = res.cookies.find((c) => c.name === 'wf_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.value).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toContain(cookie!.value);

      const who = await me(t.app, { cookie: `wf_session=${cookie!.value}` });
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
      const res = await login(t.app, `  ${user.username.toUpperCase()} `, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
    });

    it('a wrong password is 401 auth.invalid_credentials, exactly like an unknown username', async () => {
      const user = await t.personas.analyst(agencyId);
      const wrong = await login(t.app, user.username, 'not the password');
      const unknown = await login(t.app, 'nobody-by-this-name', 'not the password');
      const body = expectProblem(wrong, 401, 'auth.invalid_credentials');
      expectProblem(unknown, 401, 'auth.invalid_credentials');
      expect(unknown.json()).toEqual(body);
      expect(wrong.cookies).toEqual([]);
    });

    it('the system account, which has no password, cannot sign in', async () => {
      const res = await login(t.app, 'system', '');
      expect(res.statusCode).toBe(400);
      expectProblem(
        await login(t.app, 'system', 'anything at all'),
        401,
        'auth.invalid_credentials',
      );
    });

    it('after 5 failed attempts the account is locked: 423 auth.locked with Retry-After, even with the right password', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await login(t.app, user.username, `wrong ${i}`),
          401,
          'auth.invalid_credentials',
        );
      }
      const locked = await login(t.app, user.username, TEST_PASSWORD);
      expectProblem(locked, 423, 'auth.locked');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(locked.cookies).toEqual([]);
      // Other accounts are not affected.
      const other = await t.personas.analyst(agencyId);
      expect((await login(t.app, other.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('while the account is locked a wrong and a right password get the same answer (the lock is no password oracle)', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 5; i++) await login(t.app, user.username, `wrong ${i}`);
      const right = await login(t.app, user.username, TEST_PASSWORD);
      const wrong = await login(t.app, user.username, 'still guessing');
      expect(right.statusCode).toBe(423);
      expect([wrong.statusCode, wrong.json().code]).toEqual([right.statusCode, right.json().code]);
    });

    it('failed attempts below the limit are forgotten after a successful sign-in', async () => {
      const user = await t.personas.analyst(agencyId);
      for (let i = 0; i < 4; i++) await login(t.app, user.username, 'wrong');
      expect((await login(t.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) await login(t.app, user.username, 'wrong');
      expect((await login(t.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('the lock lifts after 15 minutes', async () => {
      const clock = manualClock();
      const own = await createTestApp(kind, { clock });
      try {
        const user = await own.personas.analyst((await own.buildAgency()).id);
        const attempt = (password: string) => login(own.app, user.username, password);
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
        statuses.push((await login(t.app, 'nobody-here', 'guess', ip)).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      const limited = await login(t.app, 'nobody-here', 'guess', ip);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(statuses[20]).toBe(429);
      expectProblem(limited, 429, 'request.rate_limited');
      // Another address is not affected.
      expect((await login(t.app, 'nobody-here', 'guess', freshIp())).statusCode).toBe(401);
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
      const first = await login(t.app, username, oneTimePassword);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().mustChangePassword).toBe(true);
      const session = await signIn(t.app, username, oneTimePassword);
      const changed = await changePassword(
        t.app,
        session.write,
        oneTimePassword,
        'a much better passphrase',
      );
      expect(changed.statusCode, changed.body).toBe(204);
      const after = await login(t.app, username, 'a much better passphrase');
      expect(after.json().mustChangePassword).toBe(false);
      expectProblem(await login(t.app, username, oneTimePassword), 401, 'auth.invalid_credentials');
    });
  });

  describe('CI-08 sign-ins are audited', () => {
    it('a failed and a successful sign-in both appear in the audit log', async () => {
      const user = await t.personas.analyst(agencyId);
      const auditor = await t.personas.auditor(agencyId);
      await login(t.app, user.username, 'wrong password');
      await login(t.app, user.username, TEST_PASSWORD);
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
