import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  screenshot,
  type Persona,
} from './harness.ts';

type Hit = { id: string; kind: string; agencyId: string; caveats: string[] };
type Seen = { total: number; hits: Hit[]; facets: Record<string, Record<string, number>> };

/** The server answers searches in well under a second; a shared CI machine may take longer. */
const WAIT = { timeout: 15_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Words, names or identifiers' }).fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page
    .getByTestId('search-total')
    .or(page.getByRole('heading', { name: 'No records match' }))
    .waitFor();
}

/** What the screen shows: the total, every hit (all on one page here) and each facet's counts. */
async function seen(page: Page): Promise<Seen> {
  const totalText = (await page.getByTestId('search-total').count())
    ? await page.getByTestId('search-total').textContent()
    : '0';
  const hits = await page.getByTestId('search-hit').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-record-id') ?? '',
      kind: e.getAttribute('data-kind') ?? '',
      agencyId: e.getAttribute('data-agency-id') ?? '',
      caveats: (e.getAttribute('data-caveats') ?? '').split(' ').filter(Boolean),
    })),
  );
  const facets: Seen['facets'] = {};
  for (const name of ['Kind', 'Agency']) {
    const buttons = page.getByTestId(`facet-${name}`).getByRole('button');
    facets[name] = Object.fromEntries(
      await buttons.evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-facet-key') ?? '',
          Number(e.querySelector('[data-testid="facet-count"]')?.textContent.replace(/,/g, '')),
        ]),
      ),
    );
  }
  return {
    total: Number(/[\d,]+/.exec(totalText ?? '0')?.[0].replace(/,/g, '') ?? 0),
    hits,
    facets,
  };
}

/** Every map on the page has drawn what it was given (for screenshots people look at). */
const mapsDrawn = async (page: Page) => {
  const maps = page.getByTestId('offline-map');
  for (let i = 0; i < (await maps.count()); i++) {
    await maps.nth(i).and(page.locator('[data-drawn="true"]')).waitFor();
  }
};

const banner = (page: Page, position: 'top' | 'bottom'): Locator =>
  page.getByRole('region', { name: `Marking (${position})` });

describe('search → record (issue #5)', () => {
  let browser: Browser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  const signedIn = async (persona: Persona) => {
    const page = await newPage(browser);
    pages.push(page);
    await login(page, persona);
    return page;
  };

  it('an analyst searches a word, sees facets and highlighted snippets, opens a record with its marking top and bottom, and follows an entity', async () => {
    const page = await signedIn('analyst.vfc');
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await search(page, 'photographing');
    expect((await seen(page)).total).toBeGreaterThan(0);
    expect(await page.getByTestId('facet-Kind').getByRole('button').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="snippet"] mark').count(), WAIT)
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid="snippet"] mark').first().textContent()).toMatch(
      /photograph/i,
    );
    expect(await banner(page, 'top').textContent()).toContain('TLP:');
    expect(await banner(page, 'bottom').textContent()).toContain('TLP:');
    await page.getByRole('region', { name: 'Map of the results' }).waitFor();
    await mapsDrawn(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'search-analyst');

    // The first result whose narrative has an entity extraction found.
    const links = page.getByTestId('search-hit').getByRole('link');
    let entityLink: Locator | undefined;
    for (let i = 0; i < (await links.count()) && !entityLink; i++) {
      await links.nth(i).click();
      await page.getByTestId('narrative').waitFor();
      const found = page.getByTestId('narrative').getByRole('link');
      if (await found.count()) entityLink = found.first();
      else await page.goBack();
    }
    if (!entityLink) throw new Error('no result has an entity in its narrative');
    expect(page.url()).toMatch(new RegExp(`/records/${UUID.source}$`));
    for (const position of ['top', 'bottom'] as const) {
      expect(await banner(page, position).textContent()).toMatch(/^TLP:(CLEAR|GREEN|AMBER|RED)/);
    }
    await page.getByRole('region', { name: 'Entities' }).getByRole('link').first().waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Version 1').waitFor();
    // Another agency's record: the owner-verification note, and no access log (owners, auditors).
    if ((await banner(page, 'top').textContent())?.includes('Verify with the owning agency')) {
      expect(await page.getByRole('region', { name: 'Access log' }).count()).toBe(0);
    }
    await page.getByRole('region', { name: 'Map of where it happened' }).waitFor();
    await mapsDrawn(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'record-analyst');

    await entityLink.click();
    await page.waitForURL(new RegExp(`/entities/${UUID.source}$`));
  });

  it('a persona without LES rights sees neither LES records nor any count of them, and an LES record by its address is "not found"', async () => {
    const analyst = await signedIn('analyst.vfc'); // LES
    await analyst.goto('/search');
    await search(analyst, 'photography');
    const cleared = await seen(analyst);
    const les = cleared.hits.filter((h) => h.caveats.includes('LES'));
    expect(les.length).toBeGreaterThan(0);
    expect(cleared.total).toBe(cleared.hits.length); // every match is on the page

    const health = await signedIn('analyst.vdh'); // no LES
    await health.goto('/search');
    await search(health, 'photography');
    const uncleared = await seen(health);
    await mapsDrawn(health);
    await screenshot(health, 'search-without-les');
    const lesIds = new Set(les.map((h) => h.id));
    expect(uncleared.hits.filter((h) => lesIds.has(h.id))).toEqual([]);
    // Counts: what only the LES analyst sees is missing from every count of the other.
    const onlyUncleared = uncleared.hits.filter((h) => !cleared.hits.some((c) => c.id === h.id));
    expect(uncleared.total - onlyUncleared.length).toBeLessThanOrEqual(cleared.total - les.length);
    const lesBy = (key: 'kind' | 'agencyId', value: string) =>
      les.filter((h) => h[key] === value).length;
    for (const [kind, count] of Object.entries(uncleared.facets['Kind'] ?? {})) {
      const extra = onlyUncleared.filter((h) => h.kind === kind).length;
      expect(count - extra).toBeLessThanOrEqual(
        (cleared.facets['Kind']?.[kind] ?? 0) - lesBy('kind', kind),
      );
    }
    for (const agency of new Set(les.map((h) => h.agencyId))) {
      const count = uncleared.facets['Agency']?.[agency] ?? 0;
      expect(count).toBeLessThanOrEqual(
        (cleared.facets['Agency']?.[agency] ?? 0) - lesBy('agencyId', agency),
      );
    }

    await health.goto(`/records/${les[0]!.id}`);
    await health.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await banner(health, 'top').count()).toBe(0);
    await expectNoSeriousA11yViolations(health);
    await screenshot(health, 'record-not-found-without-les');
  });

  it('saves a search shared with the agency, a colleague sees it, running it searches again, only its author deletes it', async () => {
    const name = `Photographing ${Date.now()}`;
    const page = await signedIn('analyst.vfc');
    await page.goto('/search');
    await search(page, 'photographing');
    const total = (await seen(page)).total;
    await page.getByRole('button', { name: 'Save this search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('checkbox', { name: /Share with my agency/ }).check();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const colleague = await signedIn('watch.vfc');
    await colleague.goto('/search');
    const shared = colleague.getByTestId('saved-search').filter({ hasText: name });
    await shared.waitFor();
    expect(await shared.textContent()).toContain('shared with the agency');
    expect(await shared.getByRole('button', { name: `Delete ${name}` }).count()).toBe(0);

    await page.goto('/search');
    await page.getByRole('button', { name: `Run ${name}` }).click();
    await expect
      .poll(() => page.getByTestId('search-total').textContent(), WAIT)
      .toContain('a saved search');
    expect(
      await page.getByRole('textbox', { name: 'Words, names or identifiers' }).inputValue(),
    ).toBe('photographing');
    expect((await seen(page)).total).toBe(total);
    await mapsDrawn(page);
    await screenshot(page, 'search-saved-run');
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('button', { name: `Run ${name}` }).waitFor({ state: 'detached' });
  });

  it('CI-07: criminal intelligence opens after the analyst states a purpose; the owner sees the access log with it', async () => {
    const purpose = `E2E case ${Date.now()}`;
    const page = await signedIn('analyst.vfc');
    await page.goto('/search');
    await search(page, 'criminal intelligence');
    const before = (await seen(page)).hits.filter((h) => h.kind === 'intel_report');
    expect(before).toEqual([]); // no purpose, no criminal intelligence
    await page.getByRole('textbox', { name: /Purpose/ }).fill(purpose);
    await search(page, 'criminal intelligence');
    const intelSeen = async () => (await seen(page)).hits.filter((h) => h.kind === 'intel_report');
    await expect.poll(async () => (await intelSeen()).length, WAIT).toBeGreaterThan(0);
    const intel = await intelSeen();

    // Opened by its address, without the search's purpose: the form asks for one.
    await page.goto(`/records/${intel[0]!.id}`);
    const form = page.getByRole('region', { name: 'State your purpose' });
    await form.waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'record-purpose-required');
    await form.getByRole('textbox', { name: /Purpose/ }).fill(purpose);
    await form.getByRole('button', { name: 'Open with this purpose' }).click();
    await page.getByTestId('narrative').waitFor();
    expect(await banner(page, 'top').textContent()).toContain('CRIMINAL INTELLIGENCE');

    // The fusion center owns its intelligence: its analyst sees who read it, and why.
    const log = page.getByTestId('record-access-log');
    await log.waitFor();
    await expect.poll(() => log.textContent(), WAIT).toContain(purpose);
    await mapsDrawn(page);
    await screenshot(page, 'record-owner-access-log');
  });
});
