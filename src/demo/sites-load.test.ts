import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import { createTestApp, type TestApp } from '../server/test-app.ts';
import { listSites } from '../modules/geo/sites.service.ts';
import { loadDemoSites } from './sites-load.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';

describeEachDatabase('the demo world’s critical-infrastructure sites', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('load through the admin path, their NIEM sectors stored as CISA sectors, and load again idempotently', async () => {
    expect(await loadDemoSites(t.system)).toMatchObject({
      created: CRITICAL_INFRASTRUCTURE_SITES.length,
    });
    const sites = await listSites(t.system);
    expect(sites.find((s) => s.name === 'Surry Power Station')).toMatchObject({
      sector: 'nuclear',
      countyFips: '51181',
      radiusKm: 5,
    });
    expect(new Set(sites.map((s) => s.sector))).toEqual(
      new Set([
        'transportation_systems',
        'nuclear',
        'water_wastewater',
        'information_technology',
        'dams',
        'defense_industrial_base',
      ]),
    );
    expect(await loadDemoSites(t.system)).toMatchObject({ created: 0, updated: sites.length });
  });
});
