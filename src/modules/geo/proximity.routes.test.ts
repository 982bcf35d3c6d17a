import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  problemPaths,
} from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { distanceKm } from './area.ts';
import { buildGeoWorld, NEAR_RICHMOND, RICHMOND, type GeoWorld } from './geo.test-helpers.ts';

type Near = {
  center: { coordinates: number[] };
  radiusKm: number;
  features: { id: string; properties: { distanceKm: number } }[];
  truncated: boolean;
  siteId?: string;
};

describeEachDatabase('proximity', (kind) => {
  let t: TestApp;
  let w: GeoWorld;
  let admin: TestUser;
  const get = (as: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/geo/${url}`, headers: as.auth });
  const near = async (as: TestUser, url: string) => {
    const res = await get(as, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Near>();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildGeoWorld(t);
    admin = await t.personas.admin(w.a.agencyId);
  });
  afterAll(() => t.close());

  it('lists the visible records within the radius of a point, nearest first, with the distance', async () => {
    // 300 m east of the SAR (and of the old record at the same spot, ties go by id); A's
    // own-agency incident is 400 m away.
    const from = { lat: RICHMOND.lat, lon: RICHMOND.lon + 0.0034 };
    const mine = await near(w.a, `near?lat=${from.lat}&lon=${from.lon}&radiusKm=1`);
    expect(mine.features.map((f) => f.id)).toEqual([...[w.sar.id, w.old.id].sort(), w.hidden.id]);
    expect(mine.features[0]!.properties.distanceKm).toBeCloseTo(distanceKm(from, RICHMOND), 6);
    const distances = mine.features.map((f) => f.properties.distanceKm);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
    expect(mine.center.coordinates).toEqual([from.lon, from.lat]);
    const theirs = await near(w.b, `near?lat=${from.lat}&lon=${from.lon}&radiusKm=1`);
    expect(theirs.features.map((f) => f.id)).not.toContain(w.hidden.id);
    const tiny = await near(w.a, `near?lat=${from.lat}&lon=${from.lon}&radiusKm=0.1`);
    expect(tiny.features).toEqual([]);
  });

  it('lists the records near a record the viewer may see, leaving out the record itself', async () => {
    const around = await near(
      w.a,
      `near?recordId=${w.sar.id}&radiusKm=0.5&from=2026-01-01T00:00:00Z`,
    );
    expect(around.features.map((f) => f.id)).toEqual([w.hidden.id]);
    expect(around.features[0]!.properties.distanceKm).toBeCloseTo(
      distanceKm(RICHMOND, NEAR_RICHMOND),
      6,
    );
    const events = await auditOf(t.app, w.auditor, w.hidden.id, '&action=geo.near');
    expect(events[0]?.objectIds).toEqual([w.sar.id, w.hidden.id]);
  });

  it('a record the viewer may not see is 404, audited; one without a place is 422', async () => {
    expectProblem(
      await get(w.b, `near?recordId=${w.hidden.id}&radiusKm=1`),
      404,
      'records.not_found',
    );
    expectProblem(
      await get(w.b, `near?recordId=${MISSING_ID}&radiusKm=1`),
      404,
      'records.not_found',
    );
    const denied = await auditOf(t.app, w.auditor, w.hidden.id, '&decision=deny');
    expect(denied.some((e) => e.action === 'geo.near' && e.actorUserId === w.b.id)).toBe(true);
    expectProblem(
      await get(w.a, `near?recordId=${w.unlocated.id}&radiusKm=1`),
      422,
      'geo.record_not_located',
    );
  });

  it('lists the visible records near a critical-infrastructure site, within its own radius', async () => {
    const load = await t.app.inject({
      method: 'POST',
      url: '/api/v1/geo/sites',
      headers: admin.auth,
      payload: {
        format: 'csv',
        content: `name,sector,lat,lon,radius_km\nElm St pumping station,WATR,${NEAR_RICHMOND.lat},${NEAR_RICHMOND.lon},0.05\n`,
      },
    });
    expect(load.statusCode, load.body).toBe(200);
    const [siteId] = load.json<{ ids: string[] }>().ids;
    const own = await near(w.a, `sites/${siteId!}/near`);
    expect(own).toMatchObject({ siteId, radiusKm: 0.05 });
    expect(own.features.map((f) => f.id)).toEqual([w.hidden.id]);
    expect((await near(w.b, `sites/${siteId!}/near`)).features).toEqual([]);
    const wider = await near(w.b, `sites/${siteId!}/near?radiusKm=1&kind=sar`);
    expect(wider.features.map((f) => f.id)).toEqual([w.sar.id]);
    expectProblem(await get(w.b, `sites/${MISSING_ID}/near`), 404, 'sites.not_found');
  });

  describe('bad input is 400 naming the parameter', () => {
    it.each([
      ['near?lat=37.5&lon=-77.4&radiusKm=0', 'querystring.radiusKm'],
      ['near?lat=37.5&lon=-77.4&radiusKm=-3', 'querystring.radiusKm'],
      ['near?lat=37.5&lon=-77.4&radiusKm=100000', 'querystring.radiusKm'],
      ['near?lat=37.5&lon=-77.4', 'querystring.radiusKm'],
      ['near?lat=95&lon=-77.4&radiusKm=1', 'querystring.lat'],
      ['near?lat=37.5&radiusKm=1', 'querystring.lon'],
      ['near?radiusKm=1', 'querystring.recordId'],
      [`near?lat=37.5&lon=-77.4&recordId=${MISSING_ID}&radiusKm=1`, 'querystring.recordId'],
      ['near?recordId=nope&radiusKm=1', 'querystring.recordId'],
      [
        'near?lat=37.5&lon=-77.4&radiusKm=1&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        'querystring.from',
      ],
      [`sites/${MISSING_ID}/near?radiusKm=0`, 'querystring.radiusKm'],
    ])('%s', async (url, path) => {
      const res = await get(w.a, url);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res)).toContain(path);
    });
  });
});
