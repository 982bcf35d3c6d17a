import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { auditLog } from '../audit/audit.table.ts';
import type { TrendsResponse } from './trends.schemas.ts';

/** Monday 2025-01-06 00:00 UTC plus `n` weeks: the start of test week n. */
const week = (n: number) => new Date(Date.UTC(2025, 0, 6) + n * 7 * 86_400_000).toISOString();
/** Wednesday noon of test week n. */
const midweek = (n: number) => new Date(Date.parse(week(n)) + 2.5 * 86_400_000).toISOString();

const RICHMOND = { lat: 37.54, lon: -77.43 };
const ROANOKE = { lat: 37.27, lon: -79.94 };
const NORFOLK = { lat: 36.85, lon: -76.29 };

describeEachDatabase('GET /trends', (kind) => {
  let t: TestApp;
  let owner: TestUser;
  let partner: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await t.personas.analyst((await t.buildAgency()).id);
    partner = await t.personas.partnerWithoutLes(
      (await t.buildAgency({ discipline: 'private_sector', level: 'private' })).id,
    );
  });
  afterAll(() => t.close());

  type Sar = { weekNo: number; category: string; at: { lat: number; lon: number } };
  async function createSars(sars: Sar[], markings: Record<string, unknown> = {}) {
    for (const s of sars) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: owner.auth,
        payload: recordBody({
          kind: 'sar',
          title: `${s.category} report`,
          narrative: 'Reported by a member of the public.',
          occurredFrom: midweek(s.weekNo),
          location: s.at,
          payload: { behaviours: [s.category] },
          observations: [],
          markings: {
            tlp: 'GREEN',
            caveats: [],
            partnerShare: 'full',
            releasableTo: [],
            ...markings,
          },
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  const steady = (weeks: number, category: string, at: Sar['at']): Sar[] =>
    Array.from({ length: weeks }, (_, n) => ({ weekNo: n, category, at }));
  const times = (k: number, sar: Sar): Sar[] => new Array<Sar>(k).fill(sar);

  async function trends(user: TestUser, query: string) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trends?${query}`,
      headers: user.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TrendsResponse>();
  }
  const window = `from=${week(0)}&to=${week(11)}`;

  it('flags a week far above its baseline, with its count, expected count and p-value', async () => {
    await createSars([
      ...steady(10, 'PHOTO', RICHMOND),
      ...times(9, { weekNo: 10, category: 'PHOTO', at: RICHMOND }),
    ]);
    const body = await trends(owner, `category=PHOTO&regionId=51760&${window}`);
    expect(body.weeks).toHaveLength(11);
    expect(body.weeks[0]).toBe(week(0));
    // Eight baseline weeks, one guard week: the first tested week is the tenth.
    expect(body.testedFrom).toBe(week(9));
    const [series] = body.series;
    expect(series).toMatchObject({
      key: 'PHOTO',
      region: { type: 'county', id: '51760', name: 'Richmond', resolution: null },
      total: 19,
      counts: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9],
      flaggedWeeks: [week(10)],
    });
    expect(series!.expected.slice(0, 9)).toEqual(new Array(9).fill(null));
    expect(series!.expected.slice(9)).toEqual([1, 1]);
    expect(series!.pValues[9]).toBeGreaterThan(0.5);
    expect(series!.pValues[10]).toBeLessThan(1e-4);
    expect(body.flags).toEqual([
      {
        week: week(10),
        key: 'PHOTO',
        region: series!.region,
        count: 9,
        expected: 1,
        pValue: series!.pValues[10],
        qValue: series!.pValues[10],
      },
    ]);
    expect(body.method).toMatchObject({ baselineWeeks: 8, guardWeeks: 1, fdr: 0.01, minCount: 3 });
    // Asked about the last week only: its baseline reaches back into the history before it.
    const last = await trends(
      owner,
      `category=PHOTO&regionId=51760&from=${week(10)}&to=${week(11)}`,
    );
    expect(last.testedFrom).toBe(week(10));
    expect(last.series[0]).toMatchObject({ counts: [9], expected: [1], flaggedWeeks: [week(10)] });
  });

  it('counts only what the viewer may see: invisible records change nothing for them', async () => {
    await createSars([
      ...steady(10, 'THREAT', ROANOKE),
      ...times(3, { weekNo: 10, category: 'THREAT', at: ROANOKE }),
    ]);
    const query = `region=county&${window}&limit=2000`;
    const before = await trends(partner, query);
    const ownerBefore = await trends(owner, query);
    // Hidden from the partner four ways: LES, AMBER, not shared with partners, and a series
    // (Norfolk) the partner has no visible record in at all.
    const spike = (n: number, category: string, at: Sar['at']) =>
      times(n, { weekNo: 10, category, at });
    await createSars([...steady(10, 'THREAT', ROANOKE), ...spike(6, 'THREAT', ROANOKE)], {
      caveats: ['LES'],
    });
    await createSars(spike(6, 'THREAT', ROANOKE), { tlp: 'AMBER' });
    await createSars(spike(6, 'THREAT', ROANOKE), { partnerShare: 'none' });
    await createSars(spike(8, 'WPNS', NORFOLK), { caveats: ['LES'] });
    expect(await trends(partner, query)).toEqual(before);
    const roanoke = before.series.find((s) => s.key === 'THREAT' && s.region.id === '51770');
    expect(roanoke?.counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    // The owner sees them all: the same question now counts them, and flags the spikes.
    const ownerAfter = await trends(owner, query);
    expect(ownerAfter.seriesTotal).toBe(ownerBefore.seriesTotal + 1);
    const ownerRoanoke = ownerAfter.series.find(
      (s) => s.key === 'THREAT' && s.region.id === '51770',
    );
    expect(ownerRoanoke?.counts).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3 + 6 + 6 + 6]);
    expect(ownerAfter.flags.map((f) => f.region.name)).toEqual(
      expect.arrayContaining(['Roanoke', 'Norfolk']),
    );
  });

  it('carries the strictest union of the markings of the records it counted', async () => {
    await createSars([{ weekNo: 3, category: 'EXPERT', at: RICHMOND }]);
    await createSars([{ weekNo: 4, category: 'EXPERT', at: RICHMOND }], {
      tlp: 'AMBER',
      caveats: ['PII'],
    });
    expect((await trends(owner, `category=EXPERT&${window}`)).marking).toEqual({
      tlp: 'AMBER',
      caveats: ['PII'],
      ownAgencyOnly: true,
    });
    // The partner counts only the GREEN one, and is not its owner.
    expect((await trends(partner, `category=EXPERT&${window}`)).marking).toEqual({
      tlp: 'GREEN',
      caveats: [],
      ownAgencyOnly: false,
    });
    expect((await trends(owner, `category=RECRUT&${window}`)).marking).toBeNull();
  });

  it('groups by record kind and by H3 parent cell when asked', async () => {
    const body = await trends(owner, `series=kind&region=h3:5&${window}`);
    expect(body.series.length).toBeGreaterThan(0);
    for (const s of body.series) {
      expect(s.key).toBe('sar');
      expect(s.region).toMatchObject({ type: 'h3', name: null, resolution: 5 });
      expect(s.region.id).toMatch(/^85[0-9a-f]{13}$/);
    }
    const cell = body.series[0]!.region.id;
    const one = await trends(owner, `series=kind&region=h3:5&regionId=${cell}&${window}`);
    expect(one.series.map((s) => s.region.id)).toEqual([cell]);
  });

  it('is audited as a read, with the question asked', async () => {
    await trends(partner, `category=WPNS&${window}`);
    const rows = await t.database.db
      .select({ details: auditLog.details, objectType: auditLog.objectType })
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, partner.id), eq(auditLog.action, 'trends.read')));
    expect(rows.at(-1)).toMatchObject({
      objectType: 'record',
      details: { query: { category: 'WPNS', region: 'county', from: week(0), to: week(11) } },
    });
  });

  it.each([
    ['region=h3:12', 'region'],
    ['region=state', 'region'],
    ['category=DRONES', 'category'],
    [`from=${week(5)}&to=${week(1)}`, 'from'],
    [`from=2020-01-01&to=2025-01-01`, 'from'],
    ['regionId=51760&region=h3:5', 'regionId'],
    ['fdr=0.5', 'fdr'],
    ['flaggedOnly=yes', 'flaggedOnly'],
    ['colour=red', ''],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trends?${query}`,
      headers: owner.auth,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.failed' });
    if (field) expect(JSON.stringify(res.json().errors)).toContain(field);
  });

  it('answers 400 for a window that is too long once defaults apply', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/trends?from=2001-01-01T00:00:00Z',
      headers: owner.auth,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'trends.window_too_long' });
  });
});
