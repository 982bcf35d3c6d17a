import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  uniqueName,
  walkPages,
} from '../../server/http.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';

describeEachDatabase('agencies API', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let auditor: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const home = await t.buildAgency();
    admin = await t.personas.admin(home.id);
    auditor = await t.personas.auditor(home.id);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admin.auth, ...(payload ? { payload } : {}) });

  it('an admin creates, reads, updates and deletes an agency through the API', async () => {
    const name = uniqueName('Henrico County Police');
    const created = await call('POST', '/api/v1/agencies', {
      name: `  ${name}  `,
      discipline: 'law_enforcement',
      level: 'local',
      ori: 'va0430100',
      jurisdiction: 'Henrico County, VA',
      pointsOfContact: [{ name: 'Watch Desk', phone: '+18045550199', email: 'desk@example.gov' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const agency = created.json();
    expect(agency).toMatchObject({
      name,
      ori: 'VA0430100',
      level: 'local',
      active: true,
      version: 1,
      originCenterId: t.center.id,
      pointsOfContact: [{ name: 'Watch Desk' }],
    });

    const read = await call('GET', `/api/v1/agencies/${agency.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(agency);

    const updated = await call('PATCH', `/api/v1/agencies/${agency.id}`, {
      jurisdiction: 'Henrico County and Richmond, VA',
      level: 'state',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name,
      jurisdiction: 'Henrico County and Richmond, VA',
      level: 'state',
      version: 2,
    });

    const listed = await walkPages(t.app, '/api/v1/agencies', admin.auth, 500);
    expect(listed.ids).toContain(agency.id);

    const deleted = await call('DELETE', `/api/v1/agencies/${agency.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await call('GET', `/api/v1/agencies/${agency.id}`), 404, 'agencies.not_found');
    expectProblem(await call('DELETE', `/api/v1/agencies/${agency.id}`), 404, 'agencies.not_found');
  });

  it('a missing agency is 404 agencies.not_found for read, update and delete', async () => {
    expectProblem(await call('GET', `/api/v1/agencies/${MISSING_ID}`), 404, 'agencies.not_found');
    expectProblem(
      await call('PATCH', `/api/v1/agencies/${MISSING_ID}`, { jurisdiction: 'x' }),
      404,
      'agencies.not_found',
    );
    expectProblem(
      await call('DELETE', `/api/v1/agencies/${MISSING_ID}`),
      404,
      'agencies.not_found',
    );
  });

  it('every signed-in role may read agencies; only admins may change them', async () => {
    const partner = await t.personas.partnerWithoutLes(admin.agencyId);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agencies',
      headers: partner.auth,
    });
    expect(list.statusCode).toBe(200);
    const analyst = await t.personas.analyst(admin.agencyId);
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${admin.agencyId}`,
      headers: analyst.auth,
      payload: { name: 'Renamed by an analyst' },
    });
    expectProblem(write, 403, 'access.forbidden');
  });

  it('pagination walks every agency exactly once, newest first', async () => {
    for (let i = 0; i < 7; i++) await t.buildAgency();
    const all = await walkPages(t.app, '/api/v1/agencies', admin.auth, 500);
    expect(all.pages).toBe(1);
    expect(all.ids.length).toBeGreaterThan(7);
    const paged = await walkPages(t.app, '/api/v1/agencies', admin.auth, 3);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.ids).toEqual(all.ids);
    expect(paged.pages).toBe(Math.ceil(all.ids.length / 3));
    expect([...all.ids].sort().reverse()).toEqual(all.ids);
  });

  it('a page exactly as long as what is left says there is no next page', async () => {
    const all = await walkPages(t.app, '/api/v1/agencies', admin.auth, 500);
    const res = await call('GET', `/api/v1/agencies?limit=${all.ids.length}`);
    expect(res.json().items).toHaveLength(all.ids.length);
    expect(res.json().nextCursor).toBeNull();
  });

  it('a duplicate name or ORI is 409 conflict, on create and on update', async () => {
    const name = uniqueName('Chesterfield Police');
    const first = await call('POST', '/api/v1/agencies', { name, ori: 'VA0200000' });
    expect(first.statusCode, first.body).toBe(201);
    expectProblem(await call('POST', '/api/v1/agencies', { name }), 409, 'conflict');
    expectProblem(
      await call('POST', '/api/v1/agencies', { name: uniqueName('Other'), ori: 'va0200000' }),
      409,
      'conflict',
    );
    const second = (await call('POST', '/api/v1/agencies', { name: uniqueName('Second') })).json();
    expectProblem(await call('PATCH', `/api/v1/agencies/${second.id}`, { name }), 409, 'conflict');
    const unchanged = await call('GET', `/api/v1/agencies/${second.id}`);
    expect(unchanged.json().version).toBe(1);
  });

  it('an agency with users cannot be deleted (409); suspending it is the way', async () => {
    const agency = await t.buildAgency();
    await t.personas.analyst(agency.id);
    const res = await call('DELETE', `/api/v1/agencies/${agency.id}`);
    expectProblem(res, 409, 'conflict');
    expect((await call('GET', `/api/v1/agencies/${agency.id}`)).statusCode).toBe(200);
    const suspended = await call('PATCH', `/api/v1/agencies/${agency.id}`, { active: false });
    expect(suspended.json().active).toBe(false);
  });

  it('an agency with records, or named in a sharing group, cannot be deleted (409)', async () => {
    const withRecord = await t.buildAgency();
    const author = await t.personas.analyst(withRecord.id);
    const rec = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: author.auth,
      payload: recordBody(),
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expectProblem(await call('DELETE', `/api/v1/agencies/${withRecord.id}`), 409, 'conflict');

    const member = await t.buildAgency();
    const group = await call('POST', '/api/v1/sharing-groups', {
      name: uniqueName('Group'),
      members: { agencyIds: [member.id] },
    });
    expect(group.statusCode, group.body).toBe(201);
    expectProblem(await call('DELETE', `/api/v1/agencies/${member.id}`), 409, 'conflict');
  });

  it('the center’s own agency says isHost, so a client can leave out suspend and delete', async () => {
    const host = (await call('GET', `/api/v1/agencies/${t.center.hostAgencyId}`)).json();
    expect(host.isHost).toBe(true);
    const other = (await call('GET', `/api/v1/agencies/${admin.agencyId}`)).json();
    expect(other.isHost).toBe(false);
    const listed = await call('GET', '/api/v1/agencies?limit=500');
    const flags = listed.json().items.map((a: { id: string; isHost: boolean }) => a.isHost);
    expect(flags.filter(Boolean)).toHaveLength(1);
    expectProblem(
      await call('POST', `/api/v1/agencies/${t.center.hostAgencyId}/suspend`),
      409,
      'agencies.host_protected',
    );
  });

  it('every change appears in the audit log with its action and the agency id', async () => {
    const created = (
      await call('POST', '/api/v1/agencies', { name: uniqueName('Audited County') })
    ).json();
    await call('PATCH', `/api/v1/agencies/${created.id}`, { jurisdiction: 'Audited County' });
    await call('PATCH', `/api/v1/agencies/${created.id}`, { active: false });
    await call('PATCH', `/api/v1/agencies/${created.id}`, { active: true });
    expect((await call('DELETE', `/api/v1/agencies/${created.id}`)).statusCode).toBe(204);

    const events = await auditOf(t.app, auditor, created.id);
    expect(events.map((e) => e.action)).toEqual([
      'agency.delete',
      'agency.reinstate',
      'agency.suspend',
      'agency.update',
      'agency.create',
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ objectType: 'agency', decision: 'allow', actorUserId: admin.id });
      expect(e.objectIds).toContain(created.id);
    }
  });
});
