import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';

describeEachDatabase('XS-04 request access on a pointer hit', (kind) => {
  let t: TestApp;
  let police: TestUser;
  let sheriff: TestUser;
  let stranger: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    police = await t.personas.analyst((await t.buildAgency()).id);
    sheriff = await t.personas.analyst((await t.buildAgency()).id);
    stranger = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  let serial = 0;
  /** The sheriff's record touches a subject the police hold under `partnerShare`. */
  async function hitOn(partnerShare: 'pointer' | 'full') {
    serial++;
    const person = {
      type: 'person',
      role: 'subject',
      attributes: {
        givenName: 'Marcus',
        surname: `Hallorann${serial}`,
        dateOfBirth: '1975-04-09',
        identifiers: [{ scheme: 'driver_license', value: `R${String(serial).padStart(8, '0')}` }],
      },
    };
    const ids: string[] = [];
    for (const [user, share] of [
      [police, partnerShare],
      [sheriff, 'full'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: user.auth,
        payload: recordBody({
          title: `Informant meeting ${serial}`,
          observations: [person],
          markings: { tlp: 'GREEN', caveats: ['LES'], partnerShare: share },
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const hits = (await get(sheriff, '/api/v1/hits')).json().items as {
      id: string;
      yourRecord: { id: string };
    }[];
    const hit = hits.find((h) => h.yourRecord.id === ids[1])!;
    return { hitId: hit.id, ownerRecordId: ids[0]! };
  }
  const get = (user: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url, headers: user.auth });
  const ask = (
    user: TestUser,
    hitId: string,
    reason = 'Case 26-1142: same subject, need details',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/hits/${hitId}/access-requests`,
      headers: user.auth,
      payload: { reason },
    });

  it('records the request, tells the owner, and shows the owner which record it is about', async () => {
    const { hitId, ownerRecordId } = await hitOn('pointer');
    const created = await ask(sheriff, hitId);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      hitId,
      status: 'open',
      ownerAgency: { id: police.agencyId },
    });
    expect(created.body).not.toContain(ownerRecordId);

    const mine = (await get(sheriff, '/api/v1/access-requests')).json().items;
    expect(mine[0]).toMatchObject({ id: created.json().id, record: null });
    expect(JSON.stringify(mine)).not.toContain(ownerRecordId);

    const incoming = (await get(police, '/api/v1/access-requests?direction=incoming')).json();
    expect(incoming.items[0]).toMatchObject({
      id: created.json().id,
      reason: 'Case 26-1142: same subject, need details',
      requester: { username: sheriff.username, agency: { id: sheriff.agencyId } },
      record: { id: ownerRecordId, title: `Informant meeting ${serial}` },
    });
    const inbox = (await get(police, '/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'access_request', read: false, hit: { id: hitId } });

    const log = (await get(police, `/api/v1/records/${ownerRecordId}/access-log`)).json().items;
    expect(log[0]).toMatchObject({
      action: 'access_request.create',
      actorUsername: sheriff.username,
    });
  });

  it('shows an incoming request only to owner colleagues who may see the record asked for', async () => {
    const { hitId, ownerRecordId } = await hitOn('pointer'); // the police record is LES
    expect((await ask(sheriff, hitId)).statusCode).toBe(201);
    const colleague = await t.personas.partnerWithoutLes(police.agencyId);
    const theirs = (await get(colleague, '/api/v1/access-requests?direction=incoming')).json();
    expect(JSON.stringify(theirs.items)).not.toContain(ownerRecordId);
    expect(theirs.items.map((r: { hitId: string }) => r.hitId)).not.toContain(hitId);
    const mine = (await get(police, '/api/v1/access-requests?direction=incoming')).json();
    expect(mine.items.map((r: { hitId: string }) => r.hitId)).toContain(hitId);
  });

  it('refuses a second open request, a request for what is already visible, and a stranger', async () => {
    const pointer = await hitOn('pointer');
    expect((await ask(sheriff, pointer.hitId)).statusCode).toBe(201);
    const again = await ask(sheriff, pointer.hitId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('access_requests.already_open');

    const visible = await hitOn('full');
    const needless = await ask(sheriff, visible.hitId);
    expect(needless.statusCode).toBe(409);
    expect(needless.json().code).toBe('access_requests.not_needed');

    const hidden = await ask(stranger, pointer.hitId);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('hits.not_found');
    const short = await ask(sheriff, pointer.hitId, 'because');
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('validation.failed');
  });
});
