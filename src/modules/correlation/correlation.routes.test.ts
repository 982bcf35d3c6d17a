import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { Marking } from '../../access/markings.ts';
import { prepareRecord } from '../records/record-preparation.ts';
import { createRecordBodySchema } from '../records/records.schemas.ts';
import { insertRecords } from '../records/records.writer.ts';
import { POINTER_FIELDS } from './hit-view.ts';

describeEachDatabase('cross-agency correlation', (kind) => {
  let t: TestApp;
  let police: TestUser;
  let sheriff: TestUser;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(kind);
    police = await t.personas.analyst((await t.buildAgency()).id);
    sheriff = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  /** A person only these two records share: a unique licence number per test. */
  function subject() {
    serial++;
    return {
      type: 'person',
      role: 'subject',
      attributes: {
        givenName: 'Marcus',
        surname: `Hallorann${serial}`,
        dateOfBirth: '1975-04-09',
        identifiers: [{ scheme: 'driver_license', value: `H${String(serial).padStart(8, '0')}` }],
      },
    };
  }
  async function create(
    user: TestUser,
    person: unknown,
    markings: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) {
    const body = recordBody({
      narrative: 'Subject photographed the substation gate and left in a van.',
      observations: [person],
      markings: { tlp: 'GREEN', caveats: ['LES'], partnerShare: 'full', ...markings },
      ...extra,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: user.auth,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; title: string }>();
  }
  const get = async (user: TestUser, url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: user.auth })).json();

  it('three agencies have seen this man: each later record makes a hit, the owner is told', async () => {
    const person = subject();
    const first = await create(police, person);
    const second = await create(sheriff, person);
    const mine = (await get(sheriff, '/api/v1/hits')).items.filter(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === second.id,
    );
    expect(mine).toHaveLength(1);
    const marked = { tlp: 'GREEN', caveats: ['LES'] };
    expect(mine[0]).toMatchObject({
      direction: 'outgoing',
      entityType: 'person',
      yourRecord: { markings: marked },
      other: {
        access: 'content',
        record: { id: first.id, ownerAgency: { id: police.agencyId }, markings: marked },
      },
    });
    const inbox = await get(police, '/api/v1/notifications');
    const notice = inbox.items.find(
      (n: { hit: { yourRecord: { id: string } } }) => n.hit.yourRecord.id === first.id,
    );
    expect(notice).toMatchObject({
      kind: 'subject_touched',
      read: false,
      hit: { direction: 'incoming' },
    });
    expect(inbox.unread).toBeGreaterThan(0);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${notice.id}/read`,
      headers: police.auth,
    });
    const after = await get(police, '/api/v1/notifications');
    expect(after.items.find((n: { id: string }) => n.id === notice.id).read).toBe(true);
    // A third agency: its record hits both earlier ones.
    const fusion = await t.personas.analyst((await t.buildAgency()).id);
    const third = await create(fusion, person);
    const theirs = (await get(fusion, '/api/v1/hits')).items.filter(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === third.id,
    );
    expect(
      theirs.map((h: { other: { record: { id: string } } }) => h.other.record.id).sort(),
    ).toEqual([first.id, second.id].sort());
  });

  const GREEN_FULL: Marking = {
    tlp: 'GREEN',
    caveats: ['LES'],
    partnerShare: 'full',
    networkShare: 'none',
    releasableTo: [],
  };
  /** A record of `user`'s agency naming `person`, prepared for the writer as the demo loader does. */
  const recordOf = (user: TestUser, person: unknown) =>
    prepareRecord(
      {
        ...createRecordBodySchema.parse(recordBody({ observations: [person] })),
        markings: GREEN_FULL,
      },
      {
        ownerAgencyId: user.agencyId,
        createdByUserId: user.id,
        source: `agency:${user.agencyId}`,
        sourceRecordId: null,
      },
    );
  it('records of two agencies written in one batch (as the demo loader writes them) make their hit', async () => {
    const person = subject();
    const [first, second] = await t.database.db.transaction((tx) =>
      insertRecords(tx, t.center.id, t.clock.now(), [
        recordOf(police, person),
        recordOf(sheriff, person),
      ]),
    );
    const mine = (await get(sheriff, '/api/v1/hits')).items.filter(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === second!.id,
    );
    expect(mine.map((h: { other: { record: { id: string } } }) => h.other.record.id)).toEqual([
      first!.id,
    ]);
  });

  /** `n` records of one agency naming `person`, written as one batch (one entity). */
  const heldTimes = (user: TestUser, person: unknown, n: number) =>
    t.database.db.transaction((tx) =>
      insertRecords(
        tx,
        t.center.id,
        t.clock.now(),
        Array.from({ length: n }, () => recordOf(user, person)),
      ),
    );
  const hitsOn = async (user: TestUser, recordId: string) =>
    (await get(user, '/api/v1/hits?limit=500')).items.filter(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === recordId,
    ) as { other: { record: { id: string } } }[];

  it('a subject the writing agency holds many times still hits the one record another agency holds', async () => {
    const person = subject();
    const theirs = await create(police, person);
    await heldTimes(sheriff, person, 60);
    const arriving = await create(sheriff, person);
    expect((await hitsOn(sheriff, arriving.id)).map((h) => h.other.record.id)).toEqual([theirs.id]);
  });

  it('a subject another agency holds many times makes at most 50 hits per arriving record', async () => {
    const person = subject();
    const theirs = new Set((await heldTimes(police, person, 60)).map((r) => r.id));
    const arriving = await create(sheriff, person);
    const found = await hitsOn(sheriff, arriving.id);
    expect(found).toHaveLength(50);
    expect(found.every((h) => theirs.has(h.other.record.id))).toBe(true);
  });

  it('XS-02 a pointer carries only the allow-listed fields — never narrative, title or identifiers', async () => {
    const person = subject();
    const owned = await create(
      police,
      person,
      { partnerShare: 'pointer' },
      { title: 'Confidential informant meeting' },
    );
    const arriving = await create(sheriff, person);
    const hit = (await get(sheriff, '/api/v1/hits')).items.find(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === arriving.id,
    );
    expect(hit.other.access).toBe('pointer');
    expect(Object.keys(hit.other.pointer).sort()).toEqual([...POINTER_FIELDS].sort());
    const serialised = JSON.stringify(hit.other);
    for (const secret of [
      owned.id,
      'Confidential informant',
      'photographed',
      (person.attributes.identifiers[0] as { value: string }).value,
    ]) {
      expect(serialised).not.toContain(secret);
    }
    expect(hit.other.pointer.ownerAgency.id).toBe(police.agencyId);
    expect(hit.other.pointer.pointOfContact).toMatchObject({ name: 'Duty Sergeant' });
  });

  it('partnerShare none: the arriving side learns nothing; the owner still learns who touched its subject', async () => {
    const person = subject();
    const owned = await create(police, person, { partnerShare: 'none' });
    const unreadBefore = (await get(sheriff, '/api/v1/notifications')).unread;
    const arriving = await create(sheriff, person);
    // Not even the unread count may betray the hidden hit.
    expect((await get(sheriff, '/api/v1/notifications')).unread).toBe(unreadBefore);
    const sheriffHits = (await get(sheriff, '/api/v1/hits')).items;
    expect(
      sheriffHits.some((h: { yourRecord: { id: string } }) => h.yourRecord.id === arriving.id),
    ).toBe(false);
    const policeHits = (await get(police, '/api/v1/hits')).items;
    const incoming = policeHits.find(
      (h: { yourRecord: { id: string } }) => h.yourRecord.id === owned.id,
    );
    expect(incoming).toMatchObject({ direction: 'incoming', other: { access: 'content' } });
  });

  it('a colleague who may not see the agency’s own record learns nothing of its hits', async () => {
    const person = subject();
    const owned = await create(police, person); // LES
    const touching = await create(sheriff, person);
    const colleague = await t.personas.partnerWithoutLes(police.agencyId);
    const sees = (body: { items: unknown[] }) => JSON.stringify(body.items);
    const hits = await get(colleague, '/api/v1/hits');
    const inbox = await get(colleague, '/api/v1/notifications');
    for (const secret of [owned.id, owned.title, touching.id]) {
      expect(sees(hits)).not.toContain(secret);
      expect(sees(inbox)).not.toContain(secret);
    }
    expect(sees(await get(police, '/api/v1/notifications'))).toContain(owned.id);
  });

  it('XS-03 an owner who turned notices off for a record gets no "subject touched" notice', async () => {
    const person = subject();
    const owned = await create(police, person, {}, { notifyOwnerOnHit: false });
    await create(sheriff, person);
    const inbox = (await get(police, '/api/v1/notifications?limit=200')).items;
    expect(
      inbox.some((n: { hit: { yourRecord: { id: string } } }) => n.hit.yourRecord.id === owned.id),
    ).toBe(false);
  });

  it('a new hit arrives live on the owner’s open event stream', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const person = subject();
    const owned = await create(police, person);
    const controller = new AbortController();
    const res = await fetch(`${address}/api/v1/events`, {
      headers: police.auth,
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const first = await reader.read(); // ': connected'
    text += new TextDecoder().decode(first.value);
    await create(sheriff, person);
    while (!text.includes('event: notification')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    const data = JSON.parse(/data: (.*)\n/.exec(text)![1]!);
    expect(data).toMatchObject({ kind: 'subject_touched', hit: { yourRecord: { id: owned.id } } });
  });
});
