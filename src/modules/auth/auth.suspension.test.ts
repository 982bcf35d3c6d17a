import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, signIn } from '../../server/http.test-helpers.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../server/test-app.ts';
import { changePassword, login, me, postToken, reinstate, suspend } from './auth.test-helpers.ts';

describeEachDatabase('sign-in, sessions and API tokens', (kind) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
  });
  afterAll(() => t.close());

  // The rest of 'sessions end' (logout) is in auth.csrf.test.ts.
  describe('sessions end', () => {
    it("changing the password ends the account's other sessions; the old password stops working", async () => {
      const user = await t.personas.analyst(agencyId);
      const here = await signIn(t.app, user.username, TEST_PASSWORD);
      const elsewhere = await signIn(t.app, user.username, TEST_PASSWORD);
      const changed = await changePassword(
        t.app,
        here.write,
        TEST_PASSWORD,
        'another long passphrase',
      );
      expect(changed.statusCode, changed.body).toBe(204);
      expectProblem(await me(t.app, elsewhere.cookie), 401, 'auth.unauthenticated');
      expectProblem(
        await login(t.app, user.username, TEST_PASSWORD),
        401,
        'auth.invalid_credentials',
      );
      expect((await login(t.app, user.username, 'another long passphrase')).statusCode).toBe(200);
    });

    it('the session that changed the password stays signed in (only the other sessions end)', async () => {
      const user = await t.personas.analyst(agencyId);
      const here = await signIn(t.app, user.username, TEST_PASSWORD);
      const changed = await changePassword(
        t.app,
        here.write,
        TEST_PASSWORD,
        'another long passphrase',
      );
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await me(t.app, here.cookie)).statusCode).toBe(200);
    });

    it('changing the password needs the current one and a strong new one', async () => {
      const user = await t.personas.analyst(agencyId);
      const change = (current: string, next: string) =>
        changePassword(t.app, user.auth, current, next);
      const wrong = await change('not my password', 'another long passphrase');
      expectProblem(wrong, 401, 'auth.invalid_credentials');
      const same = await change(TEST_PASSWORD, TEST_PASSWORD);
      expectProblem(same, 422, 'auth.weak_password');
      const short = await change(TEST_PASSWORD, 'short');
      expectProblem(short, 400, 'validation.failed');
      expect(short.json().errors[0].path).toBe('body.newPassword');
      expect((await login(t.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('CI-16 suspension cuts access at the next request', () => {
    it("suspending a user (by the privacy officer) fails the user's very next request, by cookie and by token", async () => {
      const user = await t.personas.analyst(agencyId);
      const officer = await t.personas.privacyOfficer((await t.buildAgency()).id);
      const session = await signIn(t.app, user.username, TEST_PASSWORD);
      expect((await me(t.app, session.cookie)).statusCode).toBe(200);
      expect((await me(t.app, user.auth)).statusCode).toBe(200);

      const suspended = await suspend(t.app, officer.auth, 'users', user.id);
      expect(suspended.statusCode, suspended.body).toBe(200);
      expect(suspended.json().active).toBe(false);

      for (const headers of [session.cookie, user.auth]) {
        const res = await me(t.app, headers);
        expect([401, 403], res.body).toContain(res.statusCode);
      }
      const write = await postToken(t.app, session.write, {});
      expect([401, 403]).toContain(write.statusCode);
      expectProblem(await login(t.app, user.username, TEST_PASSWORD), 403, 'auth.suspended');
    });

    it('a reinstated user signs in again; the credentials cut at suspension stay dead', async () => {
      const user = await t.personas.analyst(agencyId);
      const officer = await t.personas.privacyOfficer(agencyId);
      expect((await suspend(t.app, officer.auth, 'users', user.id)).statusCode).toBe(200);
      const back = await reinstate(t.app, officer.auth, 'users', user.id);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().active).toBe(true);
      expect((await login(t.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
      expect([401, 403]).toContain((await me(t.app, user.auth)).statusCode);
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
        const next = await me(t.app, headers);
        expect([401, 403], next.body).toContain(next.statusCode);
      }
      expectProblem(await login(t.app, analyst.username, TEST_PASSWORD), 403, 'auth.suspended');
      expect((await me(t.app, bystander.auth)).statusCode).toBe(200);
    });

    it('CI-16 the privacy officer can suspend a whole participating agency', async () => {
      const agency = await t.buildAgency();
      const member = await t.personas.analyst(agency.id);
      const officer = await t.personas.privacyOfficer(agencyId);
      const res = await suspend(t.app, officer.auth, 'agencies', agency.id);
      expect(res.statusCode, res.body).toBe(200);
      expect([401, 403]).toContain((await me(t.app, member.auth)).statusCode);
      const back = await reinstate(t.app, officer.auth, 'agencies', agency.id);
      expect(back.json()).toMatchObject({ active: true });
    });

    it('a user cannot suspend someone without the right: analysts get 403', async () => {
      const victim = await t.personas.analyst(agencyId);
      const analyst = await t.personas.analyst(agencyId);
      const res = await suspend(t.app, analyst.auth, 'users', victim.id);
      expectProblem(res, 403, 'access.forbidden');
      expect((await me(t.app, victim.auth)).statusCode).toBe(200);
    });
  });
});
