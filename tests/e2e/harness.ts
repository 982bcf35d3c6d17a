/**
 * Helpers for browser tests against the server of global-setup.ts:
 *   const browser = await launchBrowser();  const page = await newPage(browser);
 *   await login(page, 'analyst.vfc');  await screenshot(page, 'search');
 *   await expectNoSeriousA11yViolations(page);
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Cookie, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import './world.ts';

export const world = () => inject('e2e');

/** The demo personas (README "Demo logins"). */
export type Persona =
  | 'admin.vfc'
  | 'analyst.vfc'
  | 'sarreviewer.vfc'
  | 'saranalyst.vfc'
  | 'privacy.vfc'
  | 'auditor.vfc'
  | 'partner.port'
  | 'analyst.vdh'
  | 'watch.vfc'
  | 'supervisor.vfc';

const CHROMIUM = process.env['WATCHFLOOR_CHROMIUM'] ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page in a fresh browser context (its own cookies), addressed relative to the server. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: world().baseUrl,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  // An uncaught error in the app leaves a blank screen; say which, in the test's output.
  page.on('pageerror', (error) => {
    console.error(`page error at ${page.url()}: ${error.stack ?? error.message}`);
  });
  return page;
}

/**
 * One browser for the calling describe block; each call of the returned function closes the
 * previous page's context and gives a fresh page (its own cookies).
 */
export function freshPages(): () => Promise<Page> {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return async () => {
    await page?.context().close();
    page = await newPage(browser!);
    return page;
  };
}

/** The signed-in shell is on screen. */
export const shell = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Fills and submits the sign-in form; waits for nothing. */
export async function submitSignIn(page: Page, username: string, password: string) {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs the page in as a persona and waits for the shell. The session cookie is kept per
 * persona for the whole run (sign-in is rate limited to 20 a minute), so later calls reuse it;
 * `fresh: true` signs in through the form anyway (e.g. before signing out).
 */
export async function login(page: Page, persona: Persona, opts: { fresh?: boolean } = {}) {
  const saved = join(world().sessionsDir, `${persona}.json`);
  if (!opts.fresh && existsSync(saved)) {
    await page.context().addCookies(JSON.parse(readFileSync(saved, 'utf8')) as Cookie[]);
    await page.goto('/');
    const form = page.getByRole('button', { name: 'Sign in' });
    await Promise.race([shell(page).waitFor(), form.waitFor()]);
    if (await shell(page).isVisible()) return;
  } else {
    await page.goto('/');
  }
  await submitSignIn(page, persona, world().password);
  await shell(page).waitFor();
  writeFileSync(saved, JSON.stringify(await page.context().cookies()));
}

/** A full-page PNG in tests/e2e/screenshots/<name>.png (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
};

/**
 * Runs axe-core in the page and fails on serious or critical violations. The source is
 * evaluated through the DevTools protocol, which the page's CSP (no inline script) allows.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  const serious = (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  expect(serious).toEqual([]);
}
