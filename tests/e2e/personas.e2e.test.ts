/**
 * Every screen each persona's navigation offers, for the four people issue #5 names: the
 * analyst, the watch officer, a supervisor and the privacy officer. Each screen must finish
 * loading without an error, carry a heading, show a marking banner wherever it lists records,
 * and pass axe; a screenshot of each is written for people to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  freshPages,
  login,
  screenshot,
  shell,
  type Persona,
} from './harness.ts';

/** Each screen's main heading, by its navigation label. */
const HEADINGS: Record<string, string> = {
  SAR: 'Suspicious activity reports',
  Admin: 'Administration',
};

/** Screens that list protected records as soon as they open (with the demo world's data). */
const MARKED_SCREENS = new Set(['Inbox', 'Map', 'Trends', 'Hits']);

const PERSONAS: readonly { persona: Persona; screens: readonly string[] }[] = [
  {
    persona: 'analyst.vfc',
    screens: ['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Ingest', 'SAR'],
  },
  { persona: 'watch.vfc', screens: ['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Ingest', 'SAR'] },
  {
    persona: 'supervisor.vfc',
    screens: ['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Ingest', 'SAR', 'Admin'],
  },
  {
    persona: 'privacy.vfc',
    screens: ['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Admin', 'Audit'],
  },
];

describe('each persona walks every screen its navigation offers', () => {
  const freshPage = freshPages();

  async function settled(p: Page, screen: string) {
    const main = p.getByRole('main');
    // The previous screen stays up while the next one's code loads: wait for the new heading.
    const heading = HEADINGS[screen] ?? screen;
    await main.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    // Loading states are role=status spinners; wait for every one to give way.
    await expect.poll(() => main.getByText('Loading…').count(), { timeout: 20_000 }).toBe(0);
    expect(await main.getByRole('alert').allTextContents(), screen).toEqual([]);
  }

  for (const { persona, screens } of PERSONAS) {
    it(`${persona}: ${screens.join(', ')}`, async () => {
      const p = await freshPage();
      await login(p, persona);
      const offered = (await shell(p).getByRole('link').allTextContents()).map((t) => t.trim());
      expect(offered).toEqual(screens);
      for (const screen of screens) {
        await shell(p).getByRole('link', { name: screen, exact: true }).click();
        await settled(p, screen);
        if (MARKED_SCREENS.has(screen)) {
          await expect
            .poll(() => p.getByTestId('marking-banner').count(), {
              message: screen,
              timeout: 15_000,
            })
            .toBeGreaterThan(1);
        }
        // The pointer rests off the navigation, as a reader's would while reading.
        await p.mouse.move(900, 700);
        await expectNoSeriousA11yViolations(p);
        await screenshot(p, `tour-${persona}-${screen.toLowerCase()}`);
      }
    });
  }
});
