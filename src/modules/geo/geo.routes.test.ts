import fc from 'fast-check';
import { describe, afterAll, beforeAll, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  problemPaths,
} from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import {
  expectValidFeatureCollection,
  GEOJSON_ABSENT,
  hasGeoJsonConformance,
} from './geojson-schemas.test-helpers.ts';
import {
  buildGeoWorld,
  RICHMOND,
  VIRGINIA_BBOX,
  WINDOW,
  type GeoWorld,
} from './geo.test-helpers.ts';

type Feature = {
  id: string;
  geometry: { type: string; coordinates: number[] | number[][][] };
  properties: Record<string, unknown>;
};
type Collection = {
  type: string;
  features: Feature[];
  truncated: boolean;
  total?: number;
  marking?: unknown;
};

describeEachDatabase('map views of records', (kind) => {
  let t: TestApp;
  let w: GeoWorld;
  const get = async (as: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/geo/${url}`, headers: as.auth });
  const collection = async (as: TestUser, url: string) => {
    const res = await get(as, url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    return res.json<Collection>();
  };
  const ids = (c: Collection) => c.features.map((f) => f.id).sort();

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildGeoWorld(t);
  });
  afterAll(() => t.close());

  describe('located records as GeoJSON', () => {
    it('shows the visible located records of the box and window as [lon, lat] points', async () => {
      const c = await collection(w.b, `records?bbox=${VIRGINIA_BBOX}&${WINDOW}`);
      // B sees A's shared SAR and its own Norfolk record; never A's own-agency incident, the
      // 2024 record (outside the window) or the record without a place.
      expect(ids(c)).toEqual([w.sar.id, w.norfolk.id].sort());
      const sar = c.features.find((f) => f.id === w.sar.id)!;
      expect(sar.geometry).toEqual({ type: 'Point', coordinates: [RICHMOND.lon, RICHMOND.lat] });
      expect(sar.properties).toMatchObject({
        id: w.sar.id,
        kind: 'sar',
        title: 'Drone over the water plant',
        occurredFrom: '2026-03-01T02:00:00.000Z',
        ownerAgencyId: w.a.agencyId,
        tlp: 'GREEN',
        caveats: ['LES'],
        behaviours: ['AVIATION'],
        countyFips: '51760',
      });
      expect(sar.properties).not.toHaveProperty('narrative');
      expect(c.truncated).toBe(false);
      // The owner sees its own-agency record too.
      const own = await collection(w.a, `records?bbox=${VIRGINIA_BBOX}&${WINDOW}`);
      expect(ids(own)).toContain(w.hidden.id);
    });

    it.skipIf(!hasGeoJsonConformance)(
      `conforms to the official GeoJSON schemas (${hasGeoJsonConformance ? 'present' : GEOJSON_ABSENT})`,
      async () => {
        expectValidFeatureCollection(await collection(w.a, `records?bbox=${VIRGINIA_BBOX}`));
        expectValidFeatureCollection(
          await collection(w.a, `hotspots?bbox=${VIRGINIA_BBOX}&zoom=9`),
        );
        expectValidFeatureCollection(await collection(w.a, `entities/${w.walter}`));
      },
    );

    it('says when the limit cut the list, and filters by kind and behaviour category', async () => {
      const cut = await collection(w.a, `records?bbox=${VIRGINIA_BBOX}&${WINDOW}&limit=1`);
      expect(cut.features).toHaveLength(1);
      expect(cut.truncated).toBe(true);
      const sars = await collection(w.a, `records?bbox=${VIRGINIA_BBOX}&kind=sar`);
      expect(ids(sars)).toEqual([w.sar.id]);
      const drones = await collection(w.a, `records?bbox=${VIRGINIA_BBOX}&category=AVIATION`);
      expect(ids(drones)).toEqual([w.sar.id]);
      const none = await collection(w.a, `records?bbox=${VIRGINIA_BBOX}&category=CYBER`);
      expect(none.features).toEqual([]);
    });

    it('a box across the antimeridian is two ranges, not the whole world', async () => {
      const pacific = await collection(w.a, 'records?bbox=170,-10,-170,10');
      expect(pacific.features).toEqual([]);
    });

    it('audits the ids it showed', async () => {
      await collection(w.b, `records?bbox=${VIRGINIA_BBOX}&${WINDOW}`);
      const events = await auditOf(t.app, w.auditor, w.sar.id, '&action=geo.records');
      expect(events.some((e) => e.actorUserId === w.b.id)).toBe(true);
      expect(
        await auditOf(t.app, w.auditor, w.hidden.id, '&action=geo.records'),
      ).not.toContainEqual(expect.objectContaining({ actorUserId: w.b.id }));
    });
  });

  describe('hotspots', () => {
    const richmondCell = (res: number) =>
      cellToParent(latLngToCell(RICHMOND.lat, RICHMOND.lon, 9), res);

    it('counts only what the viewer may see, per H3 cell, with the cell as a polygon', async () => {
      const mine = await collection(w.a, `hotspots?bbox=${VIRGINIA_BBOX}&${WINDOW}&resolution=7`);
      const theirs = await collection(w.b, `hotspots?bbox=${VIRGINIA_BBOX}&${WINDOW}&resolution=7`);
      const count = (c: Collection) =>
        c.features.find((f) => f.id === richmondCell(7))?.properties['count'];
      expect(count(mine)).toBe(2); // the SAR and A's own-agency incident
      expect(count(theirs)).toBe(1); // B never learns the incident exists
      expect(theirs.total).toBe(2); // Richmond's SAR and B's Norfolk record
      const polygon = theirs.features[0]!.geometry;
      expect(polygon.type).toBe('Polygon');
      // A partner without LES sees only B's uncaveated Norfolk record.
      const partner = await collection(w.partner, `hotspots?bbox=${VIRGINIA_BBOX}&resolution=7`);
      expect(partner.features.map((f) => f.properties['count'])).toEqual([1]);
      expect(partner.total).toBe(1);
    });

    it('picks the resolution from the map zoom, and filters by behaviour category', async () => {
      const state = await collection(w.a, `hotspots?bbox=${VIRGINIA_BBOX}&zoom=7`);
      expect(state).toMatchObject({ resolution: 5 });
      expect(state.features.map((f) => f.id)).toContain(richmondCell(5));
      const street = await collection(w.a, `hotspots?bbox=${VIRGINIA_BBOX}&zoom=16.5`);
      expect(street).toMatchObject({ resolution: 9 });
      const drones = await collection(
        w.a,
        `hotspots?bbox=${VIRGINIA_BBOX}&zoom=7&category=AVIATION`,
      );
      expect(drones.features.map((f) => [f.id, f.properties['count']])).toEqual([
        [richmondCell(5), 1],
      ]);
    });

    it('carries the strictest union of the markings of the records it counted', async () => {
      const marking = async (as: TestUser, bbox: string) =>
        (await collection(as, `hotspots?bbox=${bbox}&${WINDOW}&zoom=7`)).marking;
      // A's AMBER+STRICT incident makes A's Richmond cells AMBER+STRICT; both records are A's.
      const richmond = '-77.5,37.5,-77.4,37.6';
      expect(await marking(w.a, richmond)).toEqual({
        tlp: 'AMBER+STRICT',
        caveats: ['LES'],
        ownAgencyOnly: true,
      });
      // B counts A's GREEN LES SAR and its own uncaveated record: never A's hidden incident.
      expect(await marking(w.b, VIRGINIA_BBOX)).toEqual({
        tlp: 'GREEN',
        caveats: ['LES'],
        ownAgencyOnly: false,
      });
      expect(await marking(w.partner, VIRGINIA_BBOX)).toEqual({
        tlp: 'GREEN',
        caveats: [],
        ownAgencyOnly: false,
      });
      expect(await marking(w.a, '0,0,1,1')).toBeNull();
    });

    it('audits the query and how much it counted', async () => {
      await collection(w.b, `hotspots?bbox=${VIRGINIA_BBOX}&zoom=7`);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?action=geo.hotspots&actorUserId=${w.b.id}`,
        headers: w.auditor.auth,
      });
      expect(res.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    });
  });

  describe('entities on the map', () => {
    it('shows where the entity was seen, only in records the viewer may see (merges followed)', async () => {
      for (const id of w.walterIds) {
        const c = await collection(w.b, `entities/${id}`);
        expect(c).toMatchObject({ entityId: w.walter, entityType: 'person' });
        expect(c.features.map((f) => f.properties['recordId']).sort()).toEqual(
          [w.sar.id, w.norfolk.id].sort(),
        );
        expect(c.features.find((f) => f.properties['recordId'] === w.norfolk.id)).toMatchObject({
          properties: { role: 'witness', pointFrom: 'record' },
        });
      }
      const owner = await collection(w.a, `entities/${w.walter}`);
      expect(owner.features).toHaveLength(3);
    });

    it('is 404 for an entity the viewer sees nothing of, and the refusal is audited', async () => {
      const lesOnly = w.old.observations[0]!.entityId; // seen only in A's LES records
      expectProblem(await get(w.partner, `entities/${lesOnly}`), 404, 'entities.not_found');
      expectProblem(await get(w.b, `entities/${MISSING_ID}`), 404, 'entities.not_found');
      const denied = await auditOf(t.app, w.auditor, lesOnly, '&decision=deny');
      expect(denied.some((e) => e.action === 'geo.entity' && e.actorUserId === w.partner.id)).toBe(
        true,
      );
    });
  });

  it('random query strings never break the map or the timeline (always < 500)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.double().map(String),
      fc.constantFrom('', ',', '-0', '1e308', 'NaN', 'Infinity', '-180,-90,180,90', '170,0,-170,1'),
    );
    const names = [
      'bbox',
      'from',
      'to',
      'zoom',
      'resolution',
      'lat',
      'lon',
      'radiusKm',
      'limit',
      'kind',
      'category',
      'ids',
      'entityId',
      'recordId',
      'format',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('geo/records', 'geo/hotspots', 'geo/near', 'timeline'),
        fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 5 }),
        async (path, params) => {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/v1/${path}?${new URLSearchParams(params).toString()}`,
            headers: w.a.auth,
          });
          expect(res.statusCode, `${path} ${JSON.stringify(params)}: ${res.body}`).toBeLessThan(
            500,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  describe('bad input is 400 naming the parameter', () => {
    it.each([
      ['records?bbox=-200,36,-75,39', 'querystring.bbox'],
      ['records?bbox=-80,36,-75', 'querystring.bbox'],
      ['records?bbox=-80,39,-75,36', 'querystring.bbox'],
      ['records?bbox=a,b,c,d', 'querystring.bbox'],
      ['records', 'querystring.bbox'],
      [
        `records?bbox=${VIRGINIA_BBOX}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        'querystring.from',
      ],
      [`records?bbox=${VIRGINIA_BBOX}&limit=100000`, 'querystring.limit'],
      [`records?bbox=${VIRGINIA_BBOX}&category=DRONES`, 'querystring.category'],
      [`hotspots?bbox=${VIRGINIA_BBOX}`, 'querystring.resolution'],
      [`hotspots?bbox=${VIRGINIA_BBOX}&zoom=7&resolution=5`, 'querystring.resolution'],
      [`hotspots?bbox=${VIRGINIA_BBOX}&resolution=10`, 'querystring.resolution'],
      [`hotspots?bbox=${VIRGINIA_BBOX}&zoom=-1`, 'querystring.zoom'],
    ])('%s', async (url, path) => {
      const res = await get(w.a, url);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res)).toContain(path);
    });
  });
});
