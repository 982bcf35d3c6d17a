import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  screenshot,
  shell,
  submitSignIn,
  world,
} from './harness.ts';

/** Unique per run, so titles and usernames never collide with another file's or run's. */
const stamp = Date.now().toString(36);

type Api = {
  get: <T>(path: string) => Promise<T>;
  post: (path: string, data: object) => Promise<{ status: number; body: Record<string, unknown> }>;
};

/** The API with the cookies of a signed-in page or of a request context (CSRF on writes). */
function apiOf(http: APIRequestContext): Api {
  let csrf: string | undefined;
  return {
    get: async <T>(path: string) => {
      const res = await http.get(path);
      expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
      return (await res.json()) as T;
    },
    post: async (path, data) => {
      csrf ??= ((await (await http.get('/api/v1/auth/session')).json()) as { csrfToken: string })
        .csrfToken;
      const res = await http.post(path, { data, headers: { 'x-csrf-token': csrf } });
      return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
    },
  };
}

/** A user who is not one of the harness's personas, signed in through the API alone. */
async function apiSession(username: string, password = world().password) {
  const http = await request.newContext({ baseURL: world().baseUrl });
  const res = await http.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { http, api: apiOf(http) };
}

type Created = { status: number; body: Record<string, unknown> };
const idOf = (created: Created) => {
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body['id'] as string;
};

const step = (page: Page, action: string) =>
  page.getByRole('button', { name: action, exact: true });
const currentState = (page: Page) =>
  page.getByRole('list', { name: 'Life cycle' }).locator('[aria-current="step"]');

/** Takes one vetting step through the screen: the action, a rationale, confirm. */
async function takeStep(page: Page, action: string, rationale: string, facts?: string) {
  await step(page, action).click();
  await page.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  if (facts !== undefined)
    await page.getByRole('textbox', { name: 'Articulable facts' }).fill(facts);
  await page.getByRole('button', { name: `Confirm: ${action}` }).click();
}

const FACTS =
  'The subject photographed only the access-control points and camera positions for forty minutes and hid the camera when approached by staff.';

describe('inbox and SAR screens', () => {
  let browser: Browser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  const page = async () => {
    const p = await newPage(browser);
    pages.push(p);
    return p;
  };

  it('SAR-01/03/04/05: a SAR is submitted through the ISE-SAR form and vetted through both steps by two people', async () => {
    const reporter = await page();
    await login(reporter, 'analyst.vfc');
    // By keyboard, as a keyboard user opens a screen.
    await shell(reporter).getByRole('link', { name: 'SAR' }).focus();
    await reporter.keyboard.press('Enter');
    await reporter.getByRole('heading', { name: 'Suspicious activity reports' }).waitFor();
    await expectNoSeriousA11yViolations(reporter);
    await screenshot(reporter, 'sar-home-analyst');
    await reporter.getByRole('link', { name: 'Report suspicious activity' }).click();

    // The 16 categories by Part, each with its definition.
    await reporter.getByRole('heading', { name: 'Report suspicious activity' }).waitFor();
    expect(await reporter.getByRole('checkbox').count()).toBeGreaterThanOrEqual(16);
    await reporter
      .getByText('Taking pictures or video of persons, facilities or infrastructure')
      .waitFor();
    const title = `E2E photography at the water plant ${stamp}`;
    await reporter.getByRole('textbox', { name: 'Title' }).fill(title);
    await reporter
      .getByRole('textbox', { name: 'Narrative' })
      .fill('A man photographed the intake gates and the guard post from a parked car.');
    // Submitting without a category is stopped with the reason (SAR-01).
    await reporter.getByRole('button', { name: 'Submit for vetting' }).click();
    await reporter.getByText('Choose at least one behaviour category').waitFor();
    await reporter.getByRole('checkbox', { name: /Photography/ }).check();
    // A Part 2 category asks for the reporter's articulable facts.
    await reporter.getByRole('textbox', { name: 'Articulable facts' }).fill(FACTS);
    await reporter.getByRole('combobox', { name: 'Target sectors' }).click();
    await reporter.getByRole('option', { name: 'Water (WATR)' }).click();
    await reporter.keyboard.press('Escape');
    await reporter
      .getByRole('textbox', { name: 'Address or place' })
      .fill('1 Intake Rd, Lorton, VA');
    await reporter.getByRole('textbox', { name: 'Latitude' }).fill('38.70');
    await reporter.getByRole('textbox', { name: 'Longitude' }).fill('-77.23');
    await reporter.getByRole('button', { name: 'Add a person' }).click();
    const person = reporter.getByRole('group', { name: 'Person 1' });
    await person.getByRole('textbox', { name: 'Given name' }).fill('Victor');
    await person.getByRole('textbox', { name: 'Surname' }).fill(`Stamp${stamp}`);
    await reporter.getByRole('button', { name: 'Add a vehicle' }).click();
    const vehicle = reporter.getByRole('group', { name: 'Vehicle 1' });
    await vehicle.getByRole('textbox', { name: 'Plate', exact: true }).fill('E2E1234');
    await vehicle.getByRole('textbox', { name: /Plate state/ }).fill('VA');
    await vehicle.getByRole('textbox', { name: 'Make' }).fill('Toyota');
    await reporter.getByRole('checkbox', { name: /LES/ }).check();
    await expectNoSeriousA11yViolations(reporter);
    await screenshot(reporter, 'sar-form');
    await reporter.getByRole('button', { name: 'Submit for vetting' }).click();

    await reporter.getByRole('heading', { name: title }).waitFor();
    const sarId = new URL(reporter.url()).pathname.split('/').pop()!;
    expect(await currentState(reporter).textContent()).toContain('Submitted');
    expect(
      await reporter.getByRole('link', { name: 'Open the full record' }).getAttribute('href'),
    ).toBe(`/records/${sarId}`);
    // The reporter may withdraw the SAR, never vet it.
    await step(reporter, 'Withdraw').waitFor();
    expect(await step(reporter, 'Take for initial review').count()).toBe(0);
    expect(await reporter.getByTestId('marking-banner').count()).toBe(2);

    // Part 1: the reviewer takes it and decides it meets the criteria.
    const reviewer = await page();
    await login(reviewer, 'sarreviewer.vfc');
    await reviewer.goto(`/sar/${sarId}`);
    await takeStep(reviewer, 'Take for initial review', 'Taken for the Part 1 check.');
    await expect.poll(() => currentState(reviewer).textContent()).toContain('Initial review');
    await takeStep(
      reviewer,
      'Meets the criteria: forward to analyst review',
      'Photography of security features, beyond a tourist’s interest.',
    );
    await expect.poll(() => currentState(reviewer).textContent()).toContain('Analyst review');
    // Part 2 is not the reviewer's: no control for it (a colleague of the reporting agency
    // may still withdraw the SAR).
    await step(reviewer, 'Withdraw').waitFor();
    expect(await step(reviewer, 'Determine ISE-SAR').count()).toBe(0);
    expect(await step(reviewer, 'No nexus: keep locally').count()).toBe(0);
    await expectNoSeriousA11yViolations(reviewer);
    await screenshot(reviewer, 'sar-vetting-after-part-1');

    // Part 2: the analyst; too-short articulable facts are refused by the server (SAR-05).
    const analyst = await page();
    await login(analyst, 'saranalyst.vfc');
    await analyst.goto(`/sar/${sarId}`);
    await takeStep(analyst, 'Determine ISE-SAR', 'Potential nexus.', 'Too short.');
    await analyst.getByText('The step lacks what it requires').waitFor();
    await analyst
      .getByText(/at least 50 characters/)
      .first()
      .waitFor();
    await analyst.getByRole('textbox', { name: 'Articulable facts' }).fill(FACTS);
    await analyst.getByRole('button', { name: 'Confirm: Determine ISE-SAR' }).click();
    await expect.poll(() => currentState(analyst).textContent()).toContain('ISE-SAR');
    const history = analyst.getByRole('table', { name: 'Vetting history' });
    await expect.poll(() => history.getByRole('row').count()).toBe(4);
    const rows = await history.getByRole('row').allTextContents();
    expect(rows[1]).toContain('sarreviewer.vfc');
    expect(rows[2]).toContain('Photography of security features');
    expect(rows[3]).toContain('saranalyst.vfc');
    expect(rows[3]).toContain(FACTS);
    await expectNoSeriousA11yViolations(analyst);
    await screenshot(analyst, 'sar-vetting-ise-sar');
  });

  it('SAR-04: one person holding both roles takes only one of the two steps', async () => {
    const adminPage = await page();
    await login(adminPage, 'admin.vfc');
    const admin = apiOf(adminPage.request);
    const me = await admin.get<{ agency: { id: string } }>('/api/v1/me');
    const username = `dual.vetter.${stamp}`;
    const password = `e2e-dual-vetter-${stamp}`;
    const today = new Date().toISOString().slice(0, 10);
    idOf(
      await admin.post('/api/v1/users', {
        agencyId: me.agency.id,
        username,
        displayName: 'Dual Vetter',
        roles: ['sar_reviewer', 'sar_analyst'],
        attributes: {
          lawEnforcement: true,
          cfr23Trained: false,
          piiAccess: true,
          healthAccess: false,
          nsiTrainedAnalyst: today,
        },
        password,
      }),
    );
    const reporter = await apiSession('analyst.vfc');
    const sarId = idOf(
      await reporter.api.post('/api/v1/records', {
        kind: 'sar',
        status: 'submitted',
        title: `E2E two-person SAR ${stamp}`,
        narrative: 'A woman asked the gate guard about shift changes and camera coverage.',
        markings: { tlp: 'AMBER', caveats: ['LES'] },
        payload: { behaviours: ['ELICIT'], articulableFacts: FACTS },
      }),
    );
    await reporter.http.dispose();

    const dual = await page();
    await dual.goto('/');
    await submitSignIn(dual, username, password);
    await shell(dual).waitFor();
    await dual.goto(`/sar/${sarId}`);
    await takeStep(dual, 'Take for initial review', 'Taken for the Part 1 check.');
    await expect.poll(() => currentState(dual).textContent()).toContain('Initial review');
    await takeStep(
      dual,
      'Meets the criteria: forward to analyst review',
      'Questions beyond curiosity about security procedures.',
    );
    await expect.poll(() => currentState(dual).textContent()).toContain('Analyst review');
    // The Part 2 decision is not offered to whoever made the Part 1 decision, and says why.
    await dual.getByText('Under the two-person rule, another analyst makes the Part 2').waitFor();
    expect(await step(dual, 'Determine ISE-SAR').count()).toBe(0);
    expect(await step(dual, 'No nexus: keep locally').count()).toBe(0);
    await expectNoSeriousA11yViolations(dual);
    await screenshot(dual, 'sar-two-person-rule');
    // The server refuses it too, with the problem code the screen turns into a sentence.
    const refused = await apiOf(dual.request).post(`/api/v1/sars/${sarId}/transitions`, {
      to: 'no_nexus',
      rationale: 'Trying the second step myself.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body['code']).toBe('sars.two_person_rule');
  });

  it('a new hit on the agency’s subject arrives in the Inbox without a reload, with unread counts', async () => {
    const watch = await page();
    await login(watch, 'watch.vfc');
    await shell(watch).getByRole('link', { name: 'Inbox' }).focus();
    await watch.keyboard.press('Enter');
    await watch.getByRole('heading', { name: 'Inbox' }).waitFor();
    await expect.poll(() => watch.getByTestId('inbox-live').textContent()).toBe('Live');
    const unread = async () =>
      Number((await watch.getByTestId('inbox-unread').textContent())?.split(' ')[0]);
    const before = await unread();
    await watch.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    // A phone number in one of the watch officer's agency's records…
    const api = apiOf(watch.request);
    const me = await api.get<{ agency: { id: string } }>('/api/v1/me');
    const phone = await phoneOfAgencyRecord(api, me.agency.id);
    // …written into a record by another agency's analyst.
    const other = await apiSession('analyst.fairfaxpd');
    const title = `E2E caller from a known number ${stamp}`;
    idOf(
      await other.api.post('/api/v1/records', {
        kind: 'incident',
        title,
        narrative: `A caller used ${phone} to ask about the watch desk's hours.`,
        markings: { tlp: 'GREEN' },
        observations: [{ type: 'phone', role: 'subject', attributes: { number: phone } }],
      }),
    );
    await other.http.dispose();

    const arrived = watch.getByTestId('notification').filter({ hasText: title }).first();
    await arrived.waitFor();
    expect(await arrived.textContent()).toContain('Your subject was touched');
    expect(await arrived.textContent()).toContain('Fairfax County Police Department');
    await expect.poll(unread).toBeGreaterThan(before);
    const badge = shell(watch).getByTestId('inbox-unread-badge');
    await expect
      .poll(async () => Number.parseInt((await badge.textContent()) ?? '', 10))
      .toBe(await unread());
    expect(await watch.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    await expectNoSeriousA11yViolations(watch);
    await screenshot(watch, 'inbox-live-hit');

    const count = await unread();
    await arrived.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(unread).toBe(count - 1);
    expect(await arrived.getAttribute('data-read')).toBe('true');
  });

  it('a SAR reviewer’s Inbox lists the SARs waiting for the Part 1 step', async () => {
    const reviewer = await page();
    await login(reviewer, 'sarreviewer.vfc');
    await reviewer.goto('/inbox');
    const queue = reviewer.getByRole('region', { name: /waiting for initial review/ });
    await queue.getByRole('link').first().waitFor();
    expect(await reviewer.getByRole('region', { name: /waiting for analyst review/ }).count()).toBe(
      0,
    );
    await reviewer.getByTestId('marking-banner').nth(1).waitFor();
    await expectNoSeriousA11yViolations(reviewer);
    await screenshot(reviewer, 'inbox-sarreviewer');
  });
});

type RecordPage = { items: { id: string; notifyOwnerOnHit: boolean }[] };
type RecordWithObservations = { observations: { type: string; attributes: { number?: string } }[] };

/** A phone number some record of the agency names (and whose owner wants to hear of hits). */
async function phoneOfAgencyRecord(api: Api, agencyId: string): Promise<string> {
  const list = await api.get<RecordPage>(`/api/v1/records?ownerAgencyId=${agencyId}&limit=100`);
  for (const r of list.items.filter((i) => i.notifyOwnerOnHit)) {
    const record = await api.get<RecordWithObservations>(`/api/v1/records/${r.id}`);
    const phone = record.observations.find((o) => o.type === 'phone')?.attributes.number;
    if (phone) return phone;
  }
  throw new Error('the demo world gave the agency no record with a phone number');
}
