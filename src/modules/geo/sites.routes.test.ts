import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { auditOf, expectProblem } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';

type Site = { id: string; name: string; sector: string; radiusKm: number | null; version: number };
type Problem = { errors: { path: string; line?: number; feature?: number; field?: string }[] };

const CSV = [
  'name,sector,lat,lon,address,radius_km',
  'Riverside Water Treatment Plant,water_wastewater,37.55,-77.45,"1 River Rd, Richmond, VA",2',
  'Broad St Station,TRANS,37.56,-77.43,,',
].join('\n');

const geojson = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});

describeEachDatabase('critical-infrastructure sites', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let analyst: TestUser;
  let auditor: TestUser;
  const load = (as: TestUser, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/geo/sites', headers: as.auth, payload });
  const list = async (as: TestUser) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/geo/sites', headers: as.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Site[] }>().items;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agency = await t.buildAgency();
    admin = await t.personas.admin(agency.id);
    analyst = await t.personas.analyst(agency.id);
    auditor = await t.personas.auditor(agency.id);
  });
  afterAll(() => t.close());

  it('an admin loads a CSV; loading it again updates by name; every user may read the list', async () => {
    const first = await load(admin, { format: 'csv', content: CSV });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, removed: 0 });
    const again = await load(admin, { format: 'csv', content: CSV });
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    const sites = await list(analyst);
    const station = sites.find((s) => s.name === 'Broad St Station');
    // A NIEM target-sector code is stored as its CISA sector.
    expect(station).toMatchObject({ sector: 'transportation_systems', radiusKm: null, version: 2 });
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/geo/sites/${station!.id}`,
      headers: analyst.auth,
    });
    expect(one.json()).toMatchObject({ name: 'Broad St Station', countyFips: '51760' });
    const audit = await auditOf(t.app, auditor, station!.id, '&action=site.load');
    expect(audit).toHaveLength(2);
  });

  it('a file with errors loads nothing and names every line and field at fault', async () => {
    const before = (await list(admin)).length;
    const bad = [
      'name,sector,lat,lon,colour',
      'Good Dam,dams,37.1,-79.1,blue',
      ',energy,37.2,-79.2,red',
      'Odd Site,volcanoes,95,-79.3,green',
      'Good Dam,dams,37.1,-79.1,blue',
    ].join('\n');
    const res = await load(admin, { format: 'csv', content: bad });
    const problem = expectProblem(res, 422, 'sites.invalid_file') as unknown as Problem;
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'colour' }),
        expect.objectContaining({ line: 3, field: 'name' }),
        expect.objectContaining({ line: 4, field: 'sector' }),
        expect.objectContaining({ line: 4, field: 'lat' }),
      ]),
    );
    expect((await list(admin)).length).toBe(before);
  });

  it('loads GeoJSON points, with errors located by feature index', async () => {
    const good = geojson([
      point(-76.3, 36.9, { name: 'Pier 12', sector: 'transportation_systems', radiusKm: 1 }),
    ]);
    const ok = await load(admin, { format: 'geojson', content: good });
    expect(ok.json()).toMatchObject({ created: 1 });
    const bad = geojson([
      point(-76.3, 36.9, { name: 'Fine', sector: 'energy' }),
      point(-200, 36.9, { name: 'Off the map', sector: 'energy' }),
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
      point(-76.3, 36.9, { name: 'No sector' }),
    ]);
    const res = await load(admin, { format: 'geojson', content: bad });
    const problem = expectProblem(res, 422, 'sites.invalid_file') as unknown as Problem;
    expect(problem.errors.map((e) => [e.feature, e.path])).toEqual([
      [1, 'features.1.geometry'],
      [2, 'features.2'],
      [3, 'features.3.properties.sector'],
    ]);
    const notJson = await load(admin, { format: 'geojson', content: '{"type":' });
    expectProblem(notJson, 422, 'sites.invalid_file');
  });

  it('replace removes the sites the file does not name; delete removes one; both audited', async () => {
    const res = await load(admin, { format: 'csv', content: CSV, replace: true });
    expect(res.json<{ removed: number }>().removed).toBeGreaterThan(0);
    const names = (await list(admin)).map((s) => s.name).sort();
    expect(names).toEqual(['Broad St Station', 'Riverside Water Treatment Plant']);
    const [site] = await list(admin);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/geo/sites/${site!.id}`,
      headers: admin.auth,
    });
    expect(del.statusCode).toBe(204);
    expect((await auditOf(t.app, auditor, site!.id, '&action=site.delete')).length).toBe(1);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/geo/sites/${site!.id}`,
      headers: admin.auth,
    });
    expectProblem(again, 404, 'sites.not_found');
  });

  it('only an admin loads or deletes sites, and the refusal is audited', async () => {
    expectProblem(await load(analyst, { format: 'csv', content: CSV }), 403, 'access.forbidden');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?actorUserId=${analyst.id}&decision=deny`,
      headers: auditor.auth,
    });
    expect(res.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    const bad = await load(admin, { format: 'kml', content: '' });
    expectProblem(bad, 400, 'validation.failed');
  });
});
