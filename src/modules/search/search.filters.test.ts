import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { countyFipsAt } from '../geo/counties.ts';
import { entities, observations } from '../entities/entities.table.ts';
import {
  createRecordAs,
  facetCount,
  ids,
  markings,
  person,
  search,
  type CreatedRecord,
} from './search.test-helpers.ts';

const RICHMOND = { lat: 37.5407, lon: -77.436 };
const NORFOLK = { lat: 36.8508, lon: -76.2859 };
const ARLINGTON = { lat: 38.8816, lon: -77.091 };

describeEachDatabase('search filters and facets', (kind) => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  const rec: Record<string, CreatedRecord> = {};
  const sorted = (xs: string[]) => [...xs].sort();
  /** Every search here says "lantern", which only this file's records do. */
  const find = async (params: Record<string, string | number>) =>
    sorted(ids(await search(t, a, { q: 'lantern', limit: 100, ...params })));

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await t.personas.analyst((await t.buildAgency()).id);
    b = await t.personas.analyst((await t.buildAgency()).id);
    rec.sarDrone = await createRecordAs(t, a, {
      kind: 'sar',
      title: 'Drone with a lantern over the substation',
      narrative: 'A drone carrying a lantern hovered over the substation.',
      occurredFrom: '2026-01-10T03:00:00Z',
      location: RICHMOND,
      markings: markings(),
      payload: { behaviours: ['AVIATION'], targetSectors: ['ENRG'] },
    });
    rec.sarPhoto = await createRecordAs(t, b, {
      kind: 'sar',
      title: 'Photographs of the terminal by lantern light',
      narrative: 'A man photographed the terminal gates by lantern light.',
      occurredFrom: '2026-02-10T03:00:00Z',
      location: NORFOLK,
      markings: markings({ tlp: 'AMBER', caveats: ['LES', 'PII'] }),
      payload: { behaviours: ['PHOTO'], targetSectors: ['TRANS'] },
    });
    rec.incident = await createRecordAs(t, a, {
      title: 'Broken lantern at the memorial',
      narrative: 'A lantern at the memorial was broken overnight.',
      occurredFrom: '2026-03-10T03:00:00Z',
      location: ARLINGTON,
      status: 'closed',
      markings: markings({ caveats: [] }),
    });
    rec.tip = await createRecordAs(t, b, {
      kind: 'tip',
      title: 'Caller saw a lantern signal',
      narrative: 'An anonymous caller saw someone signal with a lantern.',
      occurredFrom: '2025-12-01T03:00:00Z',
      location: undefined,
      markings: markings(),
    });
  });
  afterAll(() => t.close());

  it('filters by record kind, owner agency, status, TLP and caveat', async () => {
    expect(await find({ kind: 'sar' })).toEqual(sorted([rec.sarDrone!.id, rec.sarPhoto!.id]));
    expect(await find({ kind: 'tip,incident' })).toEqual(sorted([rec.tip!.id, rec.incident!.id]));
    expect(await find({ agency: b.agencyId })).toEqual(sorted([rec.sarPhoto!.id, rec.tip!.id]));
    expect(await find({ status: 'closed' })).toEqual([rec.incident!.id]);
    expect(await find({ tlp: 'AMBER' })).toEqual([rec.sarPhoto!.id]);
    expect(await find({ caveat: 'PII' })).toEqual([rec.sarPhoto!.id]);
  });

  it('filters SARs by behaviour category and target sector', async () => {
    expect(await find({ category: 'AVIATION' })).toEqual([rec.sarDrone!.id]);
    expect(await find({ category: 'AVIATION,PHOTO' })).toEqual(
      sorted([rec.sarDrone!.id, rec.sarPhoto!.id]),
    );
    expect(await find({ sector: 'TRANS' })).toEqual([rec.sarPhoto!.id]);
    expect(await find({ category: 'AVIATION', sector: 'TRANS' })).toEqual([]);
  });

  it('filters by when it occurred: from inclusive, to exclusive', async () => {
    expect(await find({ from: '2026-02-10T03:00:00Z', to: '2026-03-10T03:00:00Z' })).toEqual([
      rec.sarPhoto!.id,
    ]);
    expect(await find({ to: '2026-01-01T00:00:00Z' })).toEqual([rec.tip!.id]);
  });

  it('filters by bounding box, radius around a point and polygon', async () => {
    expect(await find({ bbox: '-77.6,37.4,-77.3,37.7' })).toEqual([rec.sarDrone!.id]);
    expect(await find({ near: `${NORFOLK.lat},${NORFOLK.lon}`, radiusKm: 5 })).toEqual([
      rec.sarPhoto!.id,
    ]);
    // Richmond is 127.5 km from Norfolk: inside a 130 km radius, outside a 125 km one.
    expect(await find({ near: `${NORFOLK.lat},${NORFOLK.lon}`, radiusKm: 130 })).toEqual(
      sorted([rec.sarPhoto!.id, rec.sarDrone!.id]),
    );
    expect(await find({ near: `${NORFOLK.lat},${NORFOLK.lon}`, radiusKm: 125 })).toEqual([
      rec.sarPhoto!.id,
    ]);
    // A thin triangle holding Arlington; its bounding box holds Richmond too, the triangle not.
    const triangle = '-77.15,38.95;-77.0,38.85;-77.5,37.45';
    expect(await find({ polygon: triangle })).toEqual([rec.incident!.id]);
  });

  it('filters by county', async () => {
    const norfolk = countyFipsAt(NORFOLK.lat, NORFOLK.lon)!;
    const arlington = countyFipsAt(ARLINGTON.lat, ARLINGTON.lon)!;
    expect(await find({ county: norfolk })).toEqual([rec.sarPhoto!.id]);
    expect(await find({ county: `${norfolk},${arlington}` })).toEqual(
      sorted([rec.sarPhoto!.id, rec.incident!.id]),
    );
  });

  it('filters by entity, following merges, without any text', async () => {
    const first = await createRecordAs(t, a, {
      title: 'Seller questioned',
      markings: markings(),
      observations: [person({ givenName: 'Quillon', surname: 'Zedd' })],
    });
    const second = await createRecordAs(t, b, {
      title: 'Unrelated stop',
      markings: markings(),
      observations: [person({ givenName: 'Q.', surname: 'Zedd-Quillon', aliases: ['QZ'] })],
    });
    const absorbed = first.observations[0]!.entityId;
    const survivor = second.observations[0]!.entityId;
    // Resolution merged the first into the second: its observations moved to the survivor.
    await t.database.db
      .update(observations)
      .set({ entityId: survivor })
      .where(inArray(observations.entityId, [absorbed]));
    await t.database.db
      .update(entities)
      .set({ mergedIntoId: survivor })
      .where(eq(entities.id, absorbed));
    for (const entity of [absorbed, survivor]) {
      const r = await search(t, a, { entity });
      expect(sorted(ids(r)), entity).toEqual(sorted([first.id, second.id]));
    }
  });

  it('counts facets by kind, agency, category, sector and month over the matches', async () => {
    const r = await search(t, a, { q: 'lantern', limit: 1 });
    expect(r.items).toHaveLength(1);
    expect(r.total).toEqual({ count: 4, capped: false });
    expect(facetCount(r, 'kind', 'sar')).toBe(2);
    expect(facetCount(r, 'kind', 'incident')).toBe(1);
    expect(facetCount(r, 'agency', b.agencyId)).toBe(2);
    expect(r.facets!.agency.find((x) => x.key === b.agencyId)!.label).toEqual(expect.any(String));
    expect(r.facets!.category).toEqual([
      { key: 'AVIATION', label: 'Aviation Activity', count: 1 },
      { key: 'PHOTO', label: expect.any(String), count: 1 },
    ]);
    expect(facetCount(r, 'sector', 'ENRG')).toBe(1);
    expect(r.facets!.month.map((m) => m.key)).toEqual(
      expect.arrayContaining(['2025-12', '2026-01', '2026-02', '2026-03']),
    );
  });
});
