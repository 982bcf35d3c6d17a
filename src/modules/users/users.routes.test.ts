import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  freshIp,
  MISSING_ID,
  problemPaths,
  walkPages,
} from '../../server/http.test-helpers.ts';
import {
  createTestApp,
  recordBody,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../../server/test-app.ts';

let seq = 0;
const username = (prefix = 'u') => `${prefix}${process.pid}n${++seq}`;

describeEachDatabase('users API', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let auditor: TestUser;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
    admin = await t.personas.admin(agencyId);
    auditor = await t.personas.auditor(agencyId);
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    as: TestUser = admin,
  ) => t.app.inject({ method, url, headers: as.auth, ...(payload ? { payload } : {}) });
  const login = (name: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: name, password },
      remoteAddress: freshIp(),
    });
  const newUser = (overrides: object = {}) => ({
    agencyId,
    username: username(),
    displayName: 'Dana Analyst',
    email: 'dana@example.gov',
    roles: ['analyst'],
    attributes: { lawEnforcement: true, piiAccess: true },
    password: 'a long enough passphrase',
    ...overrides,
  });

  it('an admin creates, reads, updates and deletes a user through the API', async () => {
    const body = newUser({ username: `  ${username('Dana').toUpperCase()} ` });
    const created = await call('POST', '/api/v1/users', body);
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      agencyId,
      username: body.username.trim().toLowerCase(),
      displayName: 'Dana Analyst',
      roles: ['analyst'],
      attributes: {
        lawEnforcement: true,
        piiAccess: true,
        cfr23Trained: false,
        healthAccess: false,
        nsiTrainedAnalyst: null,
      },
      active: true,
      mustChangePassword: false,
      version: 1,
    });
    expect(user).not.toHaveProperty('oneTimePassword');
    expect(created.body).not.toMatch(/passwordHash|argon2/);

    expect((await login(user.username, 'a long enough passphrase')).statusCode).toBe(200);

    const read = await call('GET', `/api/v1/users/${user.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: user.id, username: user.username });
    expect(read.body).not.toMatch(/passwordHash|argon2/);

    const updated = await call('PATCH', `/api/v1/users/${user.id}`, {
      displayName: 'Dana Senior Analyst',
      roles: ['analyst', 'supervisor'],
      email: null,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      displayName: 'Dana Senior Analyst',
      roles: ['analyst', 'supervisor'],
      email: null,
      version: 2,
    });

    const deleted = await call('DELETE', `/api/v1/users/${user.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await call('GET', `/api/v1/users/${user.id}`), 404, 'users.not_found');
    expectProblem(await login(user.username, 'a long enough passphrase'), 401);
  });

  it('a missing user is 404 users.not_found for read, update, delete, suspend and tokens', async () => {
    expectProblem(await call('GET', `/api/v1/users/${MISSING_ID}`), 404, 'users.not_found');
    expectProblem(
      await call('PATCH', `/api/v1/users/${MISSING_ID}`, { displayName: 'x' }),
      404,
      'users.not_found',
    );
    expectProblem(await call('DELETE', `/api/v1/users/${MISSING_ID}`), 404, 'users.not_found');
    expectProblem(
      await call('POST', `/api/v1/users/${MISSING_ID}/suspend`),
      404,
      'users.not_found',
    );
    expectProblem(
      await call('POST', `/api/v1/users/${MISSING_ID}/tokens`, {}),
      404,
      'users.not_found',
    );
  });

  it('a user for an agency that does not exist is 404 agencies.not_found', async () => {
    const res = await call('POST', '/api/v1/users', newUser({ agencyId: MISSING_ID }));
    expectProblem(res, 404, 'agencies.not_found');
  });

  it('a duplicate username is 409, whatever its case', async () => {
    const name = username('dup');
    expect((await call('POST', '/api/v1/users', newUser({ username: name }))).statusCode).toBe(201);
    expectProblem(
      await call('POST', '/api/v1/users', newUser({ username: name })),
      409,
      'conflict',
    );
    expectProblem(
      await call('POST', '/api/v1/users', newUser({ username: name.toUpperCase() })),
      409,
      'conflict',
    );
  });

  it('a weak password, a bad username or no role is 400 naming the field', async () => {
    const cases = [
      { body: newUser({ password: 'short' }), path: 'body.password' },
      { body: newUser({ username: 'has spaces in it' }), path: 'body.username' },
      { body: newUser({ username: 'x' }), path: 'body.username' },
      { body: newUser({ roles: [] }), path: 'body.roles' },
      { body: newUser({ email: 'not-an-email' }), path: 'body.email' },
      {
        body: newUser({ attributes: { nsiTrainedAnalyst: '2024-02-30x' } }),
        path: 'body.attributes.nsiTrainedAnalyst',
      },
    ];
    for (const c of cases) {
      const res = await call('POST', '/api/v1/users', c.body);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res), res.body).toContain(c.path);
    }
  });

  it('pagination walks every user of an agency exactly once', async () => {
    const agency = await t.buildAgency();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await t.personas.analyst(agency.id)).id);
    const paged = await walkPages(t.app, `/api/v1/users?agencyId=${agency.id}`, admin.auth, 3);
    expect(paged.pages).toBe(3);
    expect(new Set(paged.ids).size).toBe(7);
    expect([...paged.ids].sort()).toEqual([...made].sort());

    const everyone = await walkPages(t.app, '/api/v1/users', admin.auth, 4);
    expect(new Set(everyone.ids).size).toBe(everyone.ids.length);
    expect(everyone.ids).toEqual((await walkPages(t.app, '/api/v1/users', admin.auth, 500)).ids);
    expect(everyone.ids).toEqual(expect.arrayContaining(made));
  });

  it('supervisors, auditors and privacy officers may list users; analysts and partners may not', async () => {
    for (const roles of [['supervisor'], ['auditor'], ['privacy_officer']] as const) {
      const reader = await t.buildUser(agencyId, { roles: [...roles] });
      expect((await call('GET', '/api/v1/users', undefined, reader)).statusCode).toBe(200);
    }
    for (const reader of [
      await t.personas.analyst(agencyId),
      await t.personas.partnerWithoutLes(agencyId),
    ]) {
      expectProblem(await call('GET', '/api/v1/users', undefined, reader), 403, 'access.forbidden');
      expectProblem(
        await call('GET', `/api/v1/users/${reader.id}`, undefined, reader),
        403,
        'access.forbidden',
      );
    }
  });

  it('a role change takes effect at the next request', async () => {
    const user = await t.personas.analyst(agencyId);
    const tryCreateAgency = () =>
      call('POST', '/api/v1/agencies', { name: `Agency by ${user.username}` }, user);
    expectProblem(await tryCreateAgency(), 403, 'access.forbidden');
    await call('PATCH', `/api/v1/users/${user.id}`, { roles: ['admin'] });
    expect((await tryCreateAgency()).statusCode).toBe(201);
    await call('PATCH', `/api/v1/users/${user.id}`, { roles: ['analyst'] });
    expectProblem(await tryCreateAgency(), 403, 'access.forbidden');
  });

  it('an admin can issue an API token for a user; it acts as that user', async () => {
    const user = await t.personas.analyst(agencyId);
    const res = await call('POST', `/api/v1/users/${user.id}/tokens`, { name: 'ingest script' });
    expect(res.statusCode, res.body).toBe(201);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${res.json().token}` },
    });
    expect(me.json().user.id).toBe(user.id);
  });

  it('a user who authored records cannot be deleted (409); suspension is the way', async () => {
    const author = await t.personas.analyst(agencyId);
    const rec = await call('POST', '/api/v1/records', recordBody(), author);
    expect(rec.statusCode, rec.body).toBe(201);
    expectProblem(await call('DELETE', `/api/v1/users/${author.id}`), 409, 'conflict');
    expect((await call('GET', `/api/v1/users/${author.id}`)).statusCode).toBe(200);
  });

  it('PATCH active:false suspends like the suspend action: credentials end at once', async () => {
    const user = await t.personas.analyst(agencyId);
    const res = await call('PATCH', `/api/v1/users/${user.id}`, { active: false });
    expect(res.json().active).toBe(false);
    const next = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth });
    expect([401, 403]).toContain(next.statusCode);
  });

  it('every change appears in the audit log with its action and the user id', async () => {
    const officer = await t.personas.privacyOfficer(agencyId);
    const user = (await call('POST', '/api/v1/users', newUser())).json();
    await call('PATCH', `/api/v1/users/${user.id}`, { displayName: 'Renamed' });
    await call('POST', `/api/v1/users/${user.id}/suspend`, undefined, officer);
    await call('POST', `/api/v1/users/${user.id}/reinstate`, undefined, officer);
    expect((await call('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(204);

    const events = await auditOf(t.app, auditor, user.id);
    const changes = events.filter((e) => e.objectType === 'user');
    expect(changes.map((e) => [e.action, e.actorUserId])).toEqual([
      ['user.delete', admin.id],
      ['user.reinstate', officer.id],
      ['user.suspend', officer.id],
      ['user.update', admin.id],
      ['user.create', admin.id],
    ]);
    for (const e of changes) expect(e.objectIds).toContain(user.id);
    // The password never reaches the audit log.
    expect(JSON.stringify(events)).not.toContain('a long enough passphrase');
  });

  it("an admin cannot mint an API token for the center's system account (CLI and jobs act as it)", async () => {
    const token = await call('POST', `/api/v1/users/${t.center.systemUserId}/tokens`, {
      name: 'impersonate',
    });
    expect([403, 409, 422], `token for the system account: ${token.body}`).toContain(
      token.statusCode,
    );
  });

  it("the center's system account cannot be deleted", async () => {
    const system = t.center.systemUserId;
    const deleted = await call('DELETE', `/api/v1/users/${system}`);
    expect([403, 409], `delete the system account: ${deleted.statusCode}`).toContain(
      deleted.statusCode,
    );
    expect((await call('GET', `/api/v1/users/${system}`)).statusCode).toBe(200);
  });

  it('the created user signs in with the password set by the admin', async () => {
    const created = (
      await call('POST', '/api/v1/users', newUser({ password: TEST_PASSWORD }))
    ).json();
    expect((await login(created.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
