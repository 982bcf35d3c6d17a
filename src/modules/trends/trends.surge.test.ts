/**
 * The demo world's planted surge (drone SARs in Northern Virginia at 3.5× baseline for six
 * weeks) found by GET /trends as the fusion center's analyst sees it: flagged in the week it
 * starts, and not before. The stream comes from a 100,000-record world (seed 1): only its
 * drone reports are loaded (trends.test-helpers.ts), so the test stays small.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../db/test-db.ts';
import { PLANTED, plantedWindows } from '../../demo/planted.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import { createApiToken } from '../auth/auth.service.ts';
import { users } from '../users/users.table.ts';
import type { TrendsResponse } from './trends.schemas.ts';
import { droneStream, seedDroneStream } from './trends.test-helpers.ts';

const SEED = 1;
const stream = droneStream(SEED, 100_000);
const FAIRFAX = '51059';

describeEachDatabase('the planted drone surge', (kind) => {
  let t: TestApp;
  let auth: { authorization: string };
  let surge: ReturnType<typeof plantedWindows>['surge'];
  let twoYears: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const reference = await seedDroneStream(
      { database: t.database, center: t.center },
      SEED,
      stream,
    );
    surge = plantedWindows(reference).surge;
    twoYears = `from=${new Date(Date.parse(reference) - 104 * 7 * 86_400_000).toISOString()}&to=${reference}`;
    const [analyst] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'analyst.vfc'));
    const { token } = await createApiToken(
      t.database.db,
      { viewer: t.system.viewer, clientIp: null, now: new Date() },
      { userId: analyst!.id, name: 'surge test', expiresInDays: null },
    );
    auth = { authorization: `Bearer ${token}` };
  }, 180_000);
  afterAll(() => t.close());

  const trends = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trends?${query}`,
      headers: auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TrendsResponse>();
  };

  it('is flagged in the week it starts in a surge county, and in none of them the week before', async () => {
    const body = await trends(`category=AVIATION&region=county&${twoYears}`);
    const start = surge.weekStarts[0]!;
    const counties: readonly string[] = PLANTED.surge.countyFips;
    const inSurge = body.series.filter((s) => counties.includes(s.region.id));
    expect(inSurge.map((s) => s.region.name)).toContain('Fairfax');
    // Which county crosses the threshold first is chance: Fairfax draws the most reports.
    const firstWeek = body.flags.filter((f) => f.week === start && counties.includes(f.region.id));
    expect(firstWeek.length).toBeGreaterThan(0);
    for (const flag of firstWeek) {
      expect(flag.count).toBeGreaterThan(2.5 * flag.expected);
      expect(flag.qValue).toBeLessThanOrEqual(body.method.fdr);
    }
    const before = body.weeks.indexOf(start) - 1;
    for (const s of inSurge) expect(s.pValues[before], s.region.id).toBeGreaterThan(0.01);
    // Fairfax, the largest, is flagged in every later surge week but one at most.
    const fairfax = inSurge.find((s) => s.region.id === FAIRFAX)!;
    const later = surge.weekStarts.slice(1).filter((w) => fairfax.flaggedWeeks.includes(w));
    expect(later.length).toBeGreaterThanOrEqual(surge.weekStarts.length - 2);
  });

  it('raises false alarms outside the surge as rarely as the method states', async () => {
    const body = await trends(`category=AVIATION&region=county&${twoYears}`);
    const surgeWeeks = new Set(surge.weekStarts);
    const counties: readonly string[] = PLANTED.surge.countyFips;
    const falseAlarms = body.flags.filter(
      (f) => !surgeWeeks.has(f.week) || !counties.includes(f.region.id),
    );
    // At most fdr = 1% of the 95 tested weeks should see any, if the counts are Poisson.
    const testedWeeks = body.weeks.length - body.weeks.indexOf(body.testedFrom!);
    expect(testedWeeks).toBe(95);
    expect(falseAlarms.length).toBeLessThanOrEqual(3);
  });

  it('is flagged in its start week when the regions are H3 cells of resolution 4', async () => {
    const body = await trends(`category=AVIATION&region=h3:4&${twoYears}`);
    const start = surge.weekStarts[0]!;
    const flagged = body.flags.filter((f) => f.week === start);
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(f.region).toMatchObject({ type: 'h3', resolution: 4 });
  });
});
