/**
 * The Map and Trends screens in a real browser against the demo world: the offline basemap
 * with clustered records, hotspots and sites (read from the page's MapLibre instance, not from
 * pixels), the time slider, opening a record from the map, a surge flagged on the chart and in
 * its table, and that a viewer without LES rights gets no LES record on the map or in a count.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  screenshot,
  shell,
  type Persona,
} from './harness.ts';

type MapCounts = {
  states: number;
  countyLines: number;
  points: number;
  clusters: number;
  hotspots: number;
  sites: number;
  sourcePoints: number;
};

/** What the page's map draws, from its MapLibre instance (exposed as window.__watchfloorMap). */
function mapCounts(page: Page): Promise<MapCounts | null> {
  return page.evaluate(async () => {
    type Feature = { properties: Record<string, unknown> };
    type TestMap = {
      loaded: () => boolean;
      querySourceFeatures: (source: string) => Feature[];
      queryRenderedFeatures: (options: { layers: string[] }) => Feature[];
      getSource: (id: string) => { getData: () => Promise<{ features: Feature[] }> } | undefined;
    };
    const m = (window as unknown as { __watchfloorMap?: TestMap }).__watchfloorMap;
    if (!m?.loaded()) return null;
    const rendered = (layer: string) => m.queryRenderedFeatures({ layers: [layer] }).length;
    const data = await m.getSource('records')?.getData();
    return {
      states: m.querySourceFeatures('basemap-states').length,
      countyLines: rendered('basemap-county-borders'),
      points: rendered('record-points'),
      clusters: rendered('record-clusters'),
      hotspots: rendered('hotspot-cells'),
      sites: rendered('sites'),
      sourcePoints: data?.features.length ?? 0,
    };
  });
}

/** "88 records on the map; …" → 88. */
async function recordsOnMap(page: Page): Promise<number> {
  const status = page.getByTestId('map-status');
  await expect.poll(() => status.textContent()).toMatch(/records? on the map|No records/);
  const text = (await status.textContent()) ?? '';
  return Number(/^(\d+) records? on the map/.exec(text)?.[1] ?? 0);
}

/** Opens a screen from the navigation, and leaves the pointer off it (hover is not a state). */
async function openScreen(page: Page, name: 'Map' | 'Trends') {
  await shell(page).getByRole('link', { name }).click();
  await page.mouse.move(640, 20);
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** The map holds what the page lists, and nothing is being fetched: the count of both. */
async function settled(page: Page): Promise<number> {
  const status = page.getByTestId('map-status');
  await expect
    .poll(
      async () => {
        const text = (await status.textContent()) ?? '';
        const held = (await mapCounts(page))?.sourcePoints;
        return !text.includes('updating') && held === (await recordsOnMap(page));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return recordsOnMap(page);
}

async function openMap(page: Page, persona: Persona) {
  await login(page, persona);
  await openScreen(page, 'Map');
  // Drawn once the records of the view the map fitted itself to are on it.
  await expect
    .poll(async () => (await mapCounts(page))?.sourcePoints ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await settled(page);
}

type GeoAnswer = {
  features: { id: string; properties: { caveats: string[] } }[];
  total?: number;
  truncated: boolean;
  marking?: { caveats: string[] } | null;
};

/** The same geo questions a persona's map asks, made from the page with its session. */
function askGeo(page: Page, path: string): Promise<GeoAnswer> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return (await res.json()) as GeoAnswer;
  }, `/api/v1/geo/${path}`);
}

describe('Map and Trends screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  // Each test in its own browser context (its own cookies); closing the browser ends them all.
  const freshPage = () => newPage(browser);

  it('draws the basemap, clustered records, hotspots and sites, marked and accessible', async () => {
    const page = await freshPage();
    await openMap(page, 'analyst.vfc');
    await expect.poll(async () => (await mapCounts(page))?.hotspots ?? 0).toBeGreaterThan(0);
    const counts = (await mapCounts(page))!;
    expect(counts.states).toBeGreaterThan(0);
    expect(counts.countyLines).toBeGreaterThan(0);
    expect(counts.points + counts.clusters).toBeGreaterThan(0);
    expect(counts.sites).toBeGreaterThan(0);
    // Every record the map holds is one the page lists and counts.
    expect(await recordsOnMap(page)).toBe(counts.sourcePoints);
    // The marking banner, top and bottom, for what is on screen.
    const banners = page.getByTestId('marking-banner');
    expect(await banners.count()).toBe(2);
    expect(await banners.first().textContent()).toMatch(/TLP:(CLEAR|GREEN|AMBER|RED)/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'map-analyst');

    await page.getByRole('tab', { name: 'Infrastructure sites' }).click();
    const sites = page.getByRole('table', { name: 'Critical-infrastructure sites' });
    await sites.waitFor();
    expect(await sites.getByRole('row').count()).toBe(counts.sites + 1); // and the header
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await screenshot(page, 'map-sites');
  });

  it('asks again for the time window the slider sets', async () => {
    const page = await freshPage();
    const asked: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/geo/records?')) asked.push(new URL(r.url()));
    });
    await openMap(page, 'analyst.vfc');
    const before = await settled(page);
    const from = asked.at(-1)!.searchParams.get('from');
    const label = page.getByTestId('time-window-value');
    const windowBefore = await label.textContent();
    // By keyboard: the start thumb a year earlier, a month per arrow key.
    const start = new Date(from!);
    const yearEarlier = new Date(Date.UTC(start.getUTCFullYear() - 1, start.getUTCMonth(), 1));
    const wider = page.waitForRequest(
      (r) => new URL(r.url()).searchParams.get('from') === yearEarlier.toISOString(),
    );
    await page.getByRole('slider', { name: 'Window starts' }).focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
    expect(new URL((await wider).url()).pathname).toBe('/api/v1/geo/records');
    expect(await label.textContent()).not.toBe(windowBefore);
    // The same area over a longer window: at least as many records, all of them on the map.
    const widerCount = await settled(page);
    expect(widerCount).toBeGreaterThanOrEqual(before);
    // The end thumb a month earlier: the window ends sooner, and holds no more records.
    const to = asked.at(-1)!.searchParams.get('to')!;
    const sooner = page.waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/geo/records' && url.searchParams.get('to')! < to;
    });
    await page.getByRole('slider', { name: 'Window ends' }).focus();
    await page.keyboard.press('ArrowLeft');
    await sooner;
    expect(await settled(page)).toBeLessThanOrEqual(widerCount);
    await screenshot(page, 'map-time-window');
  });

  it('opens a record from its point on the map', async () => {
    const page = await freshPage();
    await openMap(page, 'analyst.vfc');
    // Zoom in until a single point is drawn, then click it where the map puts it.
    const target = await page.evaluate(async () => {
      type TestMap = {
        queryRenderedFeatures: (o: { layers: string[] }) => {
          geometry: { coordinates: [number, number] };
          properties: { id: string };
        }[];
        project: (c: [number, number]) => { x: number; y: number };
        zoomIn: (o: { duration: number }) => void;
        once: (event: string) => Promise<unknown>;
      };
      const m = (window as unknown as { __watchfloorMap: TestMap }).__watchfloorMap;
      for (let i = 0; i < 8; i++) {
        const [point] = m.queryRenderedFeatures({ layers: ['record-points'] });
        if (point) return { id: point.properties.id, ...m.project(point.geometry.coordinates) };
        const idle = m.once('idle');
        m.zoomIn({ duration: 0 });
        await idle;
      }
      return null;
    });
    expect(target).not.toBeNull();
    const box = (await page.getByTestId('records-map').boundingBox())!;
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/records/${target!.id}`);
  });

  it('gives a viewer without LES rights no LES record on the map or in a hotspot count', async () => {
    const query = 'bbox=-84,36,-75,40&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z';
    const ask = async (persona: Persona) => {
      const page = await freshPage();
      await openMap(page, persona);
      const points = await askGeo(page, `records?${query}&limit=5000`);
      const hotspots = await askGeo(page, `hotspots?${query}&resolution=5`);
      const onMap = await page.evaluate(async () => {
        type TestMap = {
          getSource: (id: string) => {
            getData: () => Promise<{ features: { properties: { id: string } }[] }>;
          };
        };
        const m = (window as unknown as { __watchfloorMap: TestMap }).__watchfloorMap;
        return (await m.getSource('records').getData()).features.map((f) => f.properties.id);
      });
      const banner = (await page.getByTestId('marking-banner').first().textContent()) ?? '';
      return { page, points, hotspots, onMap, banner };
    };
    const cleared = await ask('analyst.vfc');
    const uncleared = await ask('analyst.vdh');
    const les = (a: GeoAnswer) => a.features.filter((f) => f.properties.caveats.includes('LES'));
    expect(cleared.points.truncated).toBe(false);
    expect(uncleared.points.truncated).toBe(false);

    // The LES-cleared analyst sees LES records, and counts them in hotspots.
    expect(les(cleared.points).length).toBeGreaterThan(0);
    expect(cleared.hotspots.total).toBe(cleared.points.features.length);
    expect(cleared.hotspots.marking?.caveats).toContain('LES');
    // The public-health analyst: no LES record among the points, hotspot counts made of exactly
    // the records they may see (so no LES record counted), and no LES on the screen's banner.
    expect(les(uncleared.points)).toEqual([]);
    expect(uncleared.hotspots.total).toBe(uncleared.points.features.length);
    expect(uncleared.hotspots.total).toBeLessThan(cleared.hotspots.total!);
    expect(uncleared.hotspots.marking?.caveats ?? []).not.toContain('LES');
    const lesIds = new Set(les(cleared.points).map((f) => f.id));
    expect(uncleared.onMap.length).toBeGreaterThan(0);
    expect(uncleared.onMap.filter((id) => lesIds.has(id))).toEqual([]);
    expect(cleared.banner).toContain('LES');
    expect(uncleared.banner).not.toContain('LES');
    await screenshot(uncleared.page, 'map-without-les');
  });

  it('charts weekly counts with a surge flagged, the flag in its table, marked and accessible', async () => {
    const page = await freshPage();
    await login(page, 'analyst.vfc');
    // A surge of our own: five tips in one week in Highland County, where no tip came before,
    // in the demo world's last months (its records end 2025-06-30), so the weeks before it are
    // the viewer's known history: a baseline of zeros, not an unknown past.
    const monday = new Date('2025-05-12T00:00:00Z');
    const occurredFrom = '2025-05-14T12:00:00Z';
    await page.evaluate(async (at) => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      for (let i = 0; i < 5; i++) {
        const res = await fetch('/api/v1/records', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({
            kind: 'tip',
            title: `Tip ${i + 1}: strangers photographing the dam`,
            narrative: 'A caller reported people photographing the spillway.',
            occurredFrom: at,
            location: { lat: 38.36, lon: -79.57, address: 'Monterey, VA 24465' },
            markings: { tlp: 'GREEN', caveats: [], partnerShare: 'full' },
          }),
        });
        if (res.status !== 201) throw new Error(`record not created: ${res.status}`);
      }
    }, occurredFrom);

    await openScreen(page, 'Trends');
    await page.getByText('Records by kind').click();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Tip', exact: true }).click();
    // Three years: the window ends with the newest record, which other tests may have added.
    await page.getByRole('combobox', { name: 'Weeks' }).click();
    await page.getByRole('option', { name: '156 weeks' }).click();
    await page.getByRole('combobox', { name: 'Region', exact: true }).click();
    await page.getByRole('option', { name: 'Highland', exact: true }).click();

    const flags = page.getByRole('table', { name: 'Flagged weeks' });
    await flags.waitFor();
    const week = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    const row = flags.getByRole('row').filter({ hasText: week.format(monday) });
    await expect.poll(() => row.count()).toBe(1);
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 5)).toEqual([week.format(monday), 'Tip', 'Highland', '5', '0.0']);
    expect(Number(cells[5])).toBeLessThan(0.01); // p-value
    // The chart draws the series (SVG) and is one labelled image for assistive technology.
    const chart = page.getByTestId('trends-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('1 flagged week');
    expect(await chart.locator('svg path').count()).toBeGreaterThan(0);
    expect(await chart.textContent()).toContain('Tip · Highland');
    const series = page.getByRole('table', { name: 'Series in the chart' });
    expect(await series.textContent()).toContain(week.format(monday));
    expect(await page.getByTestId('marking-banner').count()).toBe(2);
    expect(await page.getByTestId('marking-banner').first().textContent()).toContain('TLP:GREEN');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'trends-surge');
  });
});
