import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { POINTER_FIELDS } from '../correlation/hit-view.ts';
import {
  createRecordAs,
  ids,
  markings,
  person,
  search,
  type CreatedRecord,
} from './search.test-helpers.ts';

type Notice = { recordId: string | null; searcher: { id: string }; purpose: string | null };

describeEachDatabase('search: pointer-level records (XS-02, XS-03)', (kind) => {
  let t: TestApp;
  let searcher: TestUser; // agency A
  let owner: TestUser; // agency B, owns the pointer-level records
  let auditor: TestUser;
  let pointerRecord: CreatedRecord;
  let quietRecord: CreatedRecord;
  const notices = async (as: TestUser) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search/pointer-notices',
      headers: as.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Notice[] }>().items;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    searcher = await t.personas.analyst((await t.buildAgency()).id);
    const agencyB = await t.buildAgency({
      pointsOfContact: [{ name: 'Intel desk', phone: '+18045550199', email: 'desk@b.example' }],
    });
    owner = await t.personas.analyst(agencyB.id);
    auditor = await t.personas.auditor(agencyB.id);
    pointerRecord = await createRecordAs(t, owner, {
      title: 'Warehouse fire informant',
      narrative: 'Informant says the warehouse fire was set for insurance money.',
      occurredFrom: '2026-02-14T12:00:00Z',
      markings: markings({ partnerShare: 'pointer' }),
      observations: [person({ givenName: 'Viktor', surname: 'Zamora' })],
    });
    quietRecord = await createRecordAs(t, owner, {
      title: 'Second informant',
      narrative: 'Another source on the warehouse.',
      markings: markings({ partnerShare: 'pointer' }),
      notifyOwnerOnHit: false,
      observations: [person({ givenName: 'Viktor', surname: 'Zamorra' })],
    });
    // Not shared at all: never a pointer, never anything.
    await createRecordAs(t, owner, {
      title: 'Unshared',
      markings: markings({ partnerShare: 'none' }),
      observations: [person({ givenName: 'Viktor', surname: 'Zamora' })],
    });
  });
  afterAll(() => t.close());

  it('a name finds a pointer with the allow-listed fields only, never the record', async () => {
    const r = await search(t, searcher, { q: 'Viktor Zamora' });
    expect(r.items).toEqual([]);
    expect(r.total).toEqual({ count: 0, capped: false });
    expect(r.facets!.agency).toEqual([]);
    expect(r.pointers).toHaveLength(2);
    for (const p of r.pointers)
      expect(Object.keys(p).every((k) => [...POINTER_FIELDS, 'ownerNotified'].includes(k))).toBe(
        true,
      );
    expect(r.pointers[0]).toEqual({
      matchType: 'name',
      entityType: 'person',
      ownerAgency: { id: owner.agencyId, name: expect.any(String) },
      pointOfContact: { name: 'Intel desk', phone: '+18045550199', email: 'desk@b.example' },
      recordDate: '2026-02-14',
      matchStrength: 'exact',
      ownerNotified: true,
    });
    expect(r.pointers[1]).toMatchObject({ matchStrength: 'similar', ownerNotified: false });
    const serialised = JSON.stringify(r);
    for (const secret of [pointerRecord.id, 'insurance', 'Warehouse', 'Viktor Zamora'])
      expect(serialised).not.toContain(secret);
  });

  it('is never matched on its words, nor under a content filter', async () => {
    expect((await search(t, searcher, { q: 'warehouse insurance' })).pointers).toEqual([]);
    expect((await search(t, searcher, { q: 'Zamora', kind: 'incident' })).pointers).toEqual([]);
    expect(
      (await search(t, searcher, { q: 'Zamora', agency: owner.agencyId })).pointers,
    ).toHaveLength(2);
  });

  it('tells the owner who searched and why, once a day, unless the owner opted out', async () => {
    const colleague = await t.personas.analyst(searcher.agencyId);
    await search(t, colleague, { q: 'Zamora' }, { 'x-purpose': 'case 26-0042' });
    await search(t, colleague, { q: 'Zamora' });
    const theirs = (await notices(owner)).filter((n) => n.searcher.id === colleague.id);
    expect(theirs).toEqual([
      expect.objectContaining({ recordId: pointerRecord.id, purpose: 'case 26-0042' }),
    ]);
    expect(await notices(searcher)).toEqual([]);
    const audited = await auditOf(
      t.app,
      auditor,
      pointerRecord.id,
      '&action=search.pointer_notice',
    );
    expect(audited.length).toBeGreaterThanOrEqual(1);
    expect(await auditOf(t.app, auditor, quietRecord.id, '&action=search.pointer_notice')).toEqual(
      [],
    );
  });

  it('records every search with its query, filters, result ids and pointer records (CI-08)', async () => {
    const own = await createRecordAs(t, searcher, {
      title: 'Zamora seen at the port',
      markings: markings(),
    });
    const r = await search(t, searcher, { q: 'Zamora', from: '2020-01-01T00:00:00Z' });
    expect(ids(r)).toEqual([own.id]);
    const rows = await auditOf(t.app, auditor, own.id, '&action=search.run');
    const row = rows.find((x) => (x.details as { q?: string }).q === 'Zamora')!;
    expect(row).toMatchObject({
      actorUserId: searcher.id,
      objectType: 'record',
      objectIds: [own.id],
      details: {
        q: 'Zamora',
        filters: { from: '2020-01-01T00:00:00Z' },
        total: { count: 1, capped: false },
        pointerRecordIds: expect.arrayContaining([pointerRecord.id, quietRecord.id]),
      },
    });
  });
});

describeEachDatabase('search: a restrictive viewer', (kind) => {
  let t: TestApp;
  let writer: TestUser;
  let partner: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    writer = await t.personas.analyst((await t.buildAgency()).id);
    partner = await t.personas.partnerWithoutLes((await t.buildAgency()).id);
    for (const title of ['Kite over the stadium', 'Kite near the bridge'])
      await createRecordAs(t, writer, { title, markings: markings({ caveats: [] }) });
  });
  afterAll(() => t.close());

  it('gets the same hits, total and facets after invisible matching records are added', async () => {
    const before = await search(t, partner, { q: 'kite' });
    expect(before.total).toEqual({ count: 2, capped: false });
    const invisible = [
      markings(), // LES: the partner is not law enforcement
      markings({ caveats: [], tlp: 'AMBER' }), // never AMBER to a partner-only user
      markings({ caveats: [], tlp: 'AMBER+STRICT' }),
      markings({ caveats: [], partnerShare: 'none' }),
      markings({ caveats: [], partnerShare: 'pointer' }),
      markings({ caveats: [], releasableTo: [writer.agencyId] }),
    ];
    for (const m of invisible)
      await createRecordAs(t, writer, {
        kind: 'sar',
        title: 'Kite with a camera',
        markings: m,
        payload: { behaviours: ['AVIATION'] },
      });
    const after = await search(t, partner, { q: 'kite' });
    expect(after).toEqual(before);
    expect((await search(t, writer, { q: 'kite' })).total!.count).toBe(8);
  });
});
