import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  problemPaths,
  uniqueName,
  walkPages,
} from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';

describeEachDatabase('sharing groups API', (kind) => {
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

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    as: TestUser = admin,
  ) => t.app.inject({ method, url, headers: as.auth, ...(payload ? { payload } : {}) });
  const sorted = (ids: string[]) => [...ids].sort();

  it('an admin creates, reads, updates and deletes a group with its members', async () => {
    const a1 = await t.buildAgency();
    const a2 = await t.buildAgency();
    const person = await t.personas.analyst((await t.buildAgency()).id);
    const name = uniqueName('I-95 Corridor Task Force');
    const created = await call('POST', '/api/v1/sharing-groups', {
      name,
      description: 'Interstate drug interdiction',
      members: { agencyIds: [a1.id, a2.id, a1.id], userIds: [person.id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    expect(group).toMatchObject({ name, description: 'Interstate drug interdiction', version: 1 });
    expect(sorted(group.members.agencyIds)).toEqual(sorted([a1.id, a2.id]));
    expect(group.members.userIds).toEqual([person.id]);

    const read = await call('GET', `/api/v1/sharing-groups/${group.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: group.id, name });

    const renamed = await call('PATCH', `/api/v1/sharing-groups/${group.id}`, {
      description: 'Interdiction, I-95 and I-64',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      description: 'Interdiction, I-95 and I-64',
      version: 2,
    });
    expect(sorted(renamed.json().members.agencyIds)).toEqual(sorted([a1.id, a2.id]));

    const reseated = await call('PATCH', `/api/v1/sharing-groups/${group.id}`, {
      members: { agencyIds: [a2.id], userIds: [] },
    });
    expect(reseated.json().members).toEqual({ agencyIds: [a2.id], userIds: [] });
    expect(reseated.json().version).toBe(3);

    const deleted = await call('DELETE', `/api/v1/sharing-groups/${group.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(
      await call('GET', `/api/v1/sharing-groups/${group.id}`),
      404,
      'sharing_groups.not_found',
    );
  });

  it('a missing group is 404 for read, update and delete', async () => {
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { description: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, `/api/v1/sharing-groups/${MISSING_ID}`, payload);
      expectProblem(res, 404, 'sharing_groups.not_found');
    }
  });

  it('membership shows in GET /me for a member user and for every user of a member agency', async () => {
    const memberAgency = await t.buildAgency();
    const viaAgency = await t.personas.analyst(memberAgency.id);
    const direct = await t.personas.analyst((await t.buildAgency()).id);
    const outsider = await t.personas.analyst((await t.buildAgency()).id);
    const group = (
      await call('POST', '/api/v1/sharing-groups', {
        name: uniqueName('Regional Fusion Partners'),
        members: { agencyIds: [memberAgency.id], userIds: [direct.id] },
      })
    ).json();
    const groupsOf = async (u: TestUser) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: u.auth })).json()
        .sharingGroupIds;
    expect(await groupsOf(viaAgency)).toContain(group.id);
    expect(await groupsOf(direct)).toContain(group.id);
    expect(await groupsOf(outsider)).not.toContain(group.id);
    // Removing members takes effect at the next request.
    await call('PATCH', `/api/v1/sharing-groups/${group.id}`, {
      members: { agencyIds: [], userIds: [] },
    });
    expect(await groupsOf(viaAgency)).not.toContain(group.id);
    expect(await groupsOf(direct)).not.toContain(group.id);
  });

  it('pagination walks every group exactly once', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call('POST', '/api/v1/sharing-groups', { name: uniqueName('Paged group') });
      expect(res.statusCode).toBe(201);
    }
    const all = await walkPages(t.app, '/api/v1/sharing-groups', admin.auth, 500);
    expect(all.ids.length).toBeGreaterThanOrEqual(5);
    const paged = await walkPages(t.app, '/api/v1/sharing-groups', admin.auth, 2);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.ids).toEqual(all.ids);
    expect(paged.pages).toBe(Math.ceil(all.ids.length / 2));
    // Members come along on list pages too.
    const page = (await call('GET', '/api/v1/sharing-groups?limit=2')).json();
    for (const g of page.items)
      expect(g.members).toEqual({ agencyIds: [], userIds: expect.any(Array) });
  });

  it('a duplicate name is 409 conflict, on create and on rename', async () => {
    const name = uniqueName('Port Security Working Group');
    expect((await call('POST', '/api/v1/sharing-groups', { name })).statusCode).toBe(201);
    expectProblem(await call('POST', '/api/v1/sharing-groups', { name }), 409, 'conflict');
    const other = (
      await call('POST', '/api/v1/sharing-groups', { name: uniqueName('Other') })
    ).json();
    expectProblem(
      await call('PATCH', `/api/v1/sharing-groups/${other.id}`, { name }),
      409,
      'conflict',
    );
  });

  it('members that do not exist are refused with 422 naming body.members, and nothing is saved', async () => {
    const name = uniqueName('Ghost members');
    const res = await call('POST', '/api/v1/sharing-groups', {
      name,
      members: { agencyIds: [MISSING_ID], userIds: [] },
    });
    expectProblem(res, 422, 'unprocessable');
    expect(problemPaths(res)).toContain('body.members');
    const list = await walkPages(t.app, '/api/v1/sharing-groups', admin.auth, 500);
    const names = await Promise.all(
      list.ids.map(async (id) => (await call('GET', `/api/v1/sharing-groups/${id}`)).json().name),
    );
    expect(names).not.toContain(name);

    const group = (
      await call('POST', '/api/v1/sharing-groups', { name: uniqueName('Real') })
    ).json();
    const bad = await call('PATCH', `/api/v1/sharing-groups/${group.id}`, {
      name: uniqueName('Renamed'),
      members: { agencyIds: [], userIds: [MISSING_ID] },
    });
    expectProblem(bad, 422, 'unprocessable');
    const after = (await call('GET', `/api/v1/sharing-groups/${group.id}`)).json();
    expect(after).toMatchObject({ name: group.name, version: 1 });
  });

  it('every role may read groups; only admins may change them', async () => {
    const analyst = await t.personas.analyst(admin.agencyId);
    expect((await call('GET', '/api/v1/sharing-groups', undefined, analyst)).statusCode).toBe(200);
    expectProblem(
      await call('POST', '/api/v1/sharing-groups', { name: uniqueName('Analyst-made') }, analyst),
      403,
      'access.forbidden',
    );
  });

  it('every change appears in the audit log with its action and the group id', async () => {
    const member = await t.buildAgency();
    const group = (
      await call('POST', '/api/v1/sharing-groups', {
        name: uniqueName('Audited group'),
        members: { agencyIds: [member.id] },
      })
    ).json();
    await call('PATCH', `/api/v1/sharing-groups/${group.id}`, { description: 'now described' });
    await call('DELETE', `/api/v1/sharing-groups/${group.id}`);
    const events = await auditOf(t.app, auditor, group.id);
    expect(events.map((e) => e.action)).toEqual([
      'sharing_group.delete',
      'sharing_group.update',
      'sharing_group.create',
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ objectType: 'sharing_group', actorUserId: admin.id });
      expect(e.objectIds).toContain(group.id);
    }
    expect(events[2]!.details).toMatchObject({ members: { agencyIds: [member.id] } });
  });
});
