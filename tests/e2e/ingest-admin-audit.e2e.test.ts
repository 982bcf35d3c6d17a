import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, freshPages, login, screenshot, shell } from './harness.ts';

/** Unique per run, so names never collide with another file's or an earlier run's. */
const stamp = Date.now().toString(36);

const MAPPING = `version: 1
sourceRecordId: ID
kind: incident
title: TITLE
narrative: NARRATIVE
occurredFrom: { column: WHEN, format: MM/DD/YYYY }
`;
const CSV = [
  'ID,TITLE,WHEN,NARRATIVE',
  `E2E-${stamp}-1,Photography at the port gate,03/07/2024,A man photographed the gate guards.`,
  `E2E-${stamp}-2,Drone over the substation,03/08/2024,A small drone hovered over the fence.`,
  `E2E-${stamp}-3,A row with a bad date,31/31/2024,Its date cannot be read.`,
].join('\n');

/** The API as the page's signed-in user (for setup the screens under test do not cover). */
async function apiPost(page: Page, path: string, data: object) {
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

const tableRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

describe('ingest, administration and audit screens', () => {
  const freshPage = freshPages();

  it('an analyst ingests a small CSV, watches it complete and downloads the error report', async () => {
    // A source of its own (the demo's have records from earlier runs): an administrator makes it.
    const admin = await freshPage();
    await login(admin, 'admin.vfc');
    const me = (await (await admin.request.get('/api/v1/me')).json()) as {
      agency: { id: string };
    };
    const sourceName = `E2E RMS export ${stamp}`;
    await apiPost(admin, '/api/v1/sources', { agencyId: me.agency.id, name: sourceName });

    const p = await freshPage();
    await login(p, 'analyst.vfc');
    await shell(p).getByRole('link', { name: 'Ingest' }).click();
    await p.getByRole('heading', { name: 'Ingest', level: 2 }).waitFor();
    await p.getByLabel('Source').selectOption({ label: sourceName });
    await p.getByRole('button', { name: 'File', exact: true }).setInputFiles({
      name: 'incidents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    expect(await p.getByLabel('Format').inputValue()).toBe('csv');
    // A CSV without its mapping is stopped before anything is sent.
    await p.getByRole('button', { name: 'Upload and ingest' }).click();
    await p.getByText('A CSV file needs its mapping file.').waitFor();
    await p.getByRole('button', { name: 'Mapping', exact: true }).setInputFiles({
      name: 'incidents.mapping.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(MAPPING),
    });
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'ingest-upload');
    await p.getByRole('button', { name: 'Upload and ingest' }).click();

    await p.waitForURL(/\/ingest\/jobs\//);
    // Live over SSE: queued → running → succeeded, without a reload.
    await expect
      .poll(() => p.getByTestId('job-status').textContent(), { timeout: 45_000 })
      .toBe('Succeeded with errors');
    expect(await p.getByTestId('count-created').textContent()).toBe('2');
    expect(await p.getByTestId('count-failed').textContent()).toBe('1');
    await tableRow(p, `E2E-${stamp}-3`).waitFor();
    expect(await p.getByTestId('marking-banner').count()).toBe(2);
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'ingest-job');

    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: 'Download the error report (CSV)' }).click(),
    ]);
    const report = readFileSync(await download.path(), 'utf8').split('\n');
    expect(report[0]).toBe('line,field,message,source_record_id');
    expect(report.filter((l) => l.includes(`E2E-${stamp}-3`))).toHaveLength(1);

    await p.getByRole('link', { name: '← Ingest' }).click();
    await tableRow(p, 'incidents.csv').first().waitFor();
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'ingest-jobs');
  });

  it('an administrator creates a user, who is then suspended; forms show what is missing', async () => {
    const p = await freshPage();
    await login(p, 'admin.vfc');
    await shell(p).getByRole('link', { name: 'Admin' }).click();
    await p.waitForURL(/\/admin\/users$/);
    // Off the navigation: axe judges what the page shows, not the hovered item's colours.
    await p.mouse.move(600, 10);
    const sections = p.getByRole('navigation', { name: 'Administration sections' });
    expect((await sections.getByRole('link').allTextContents()).map((t) => t.trim())).toEqual([
      'Users',
      'Agencies',
      'Sharing groups',
      'Sources',
    ]);
    await p.getByRole('table', { name: 'Users' }).waitFor();
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'admin-users');

    await p.getByRole('button', { name: 'New user' }).click();
    const dialog = p.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('Give the user at least one role.').waitFor();
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'admin-user-form');
    const username = `e2e.user.${stamp}`;
    await dialog.getByLabel('Username').fill(username);
    await dialog.getByLabel('Display name').fill('Erin Example');
    await dialog.getByRole('checkbox', { name: 'Analyst', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Law enforcement (LES)' }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await p.getByTestId('one-time-password').textContent())?.length).toBeGreaterThan(8);

    // The same username again: the server's refusal (409) is shown in the dialog.
    await p.getByRole('button', { name: 'New user' }).click();
    await dialog.getByLabel('Username').fill(username);
    await dialog.getByLabel('Display name').fill('Erin Again');
    await dialog.getByRole('checkbox', { name: 'Analyst', exact: true }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('is taken');
    await expectNoSeriousA11yViolations(p);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const filter = p.getByRole('form', { name: 'Filter users' });
    await filter.getByLabel('Username').fill(username);
    await filter.getByRole('button', { name: 'Filter' }).click();
    const row = p.getByTestId(`user-${username}`);
    await expect.poll(() => row.textContent()).toContain('active');
    await row.getByRole('button', { name: `Suspend ${username}` }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => row.textContent()).toContain('suspended');
    await row.getByRole('button', { name: `Reinstate ${username}` }).waitFor();
    await screenshot(p, 'admin-user-suspended');
  });

  it('an administrator manages agencies, sharing groups and sources', async () => {
    const p = await freshPage();
    await login(p, 'admin.vfc');
    await p.goto('/admin/agencies');
    const host = tableRow(p, 'host');
    await host.waitFor();
    // The center's own agency cannot be suspended: the screen offers no such action.
    expect(await host.getByRole('button', { name: /^Suspend/ }).count()).toBe(0);
    expect(await p.getByRole('button', { name: /^Suspend / }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'admin-agencies');

    await p.getByRole('link', { name: 'Sharing groups' }).click();
    await p.getByRole('button', { name: 'New sharing group' }).click();
    const groupDialog = p.getByRole('dialog', { name: 'New sharing group' });
    const groupName = `E2E port security ${stamp}`;
    await groupDialog.getByLabel('Name').fill(groupName);
    await groupDialog.getByLabel('Member agencies').click();
    await groupDialog.getByLabel('Member agencies').fill('Virginia State');
    await p.getByRole('option', { name: /Virginia State Police/ }).click();
    await groupDialog.getByLabel('Name').click(); // closes the options list
    await groupDialog.getByRole('button', { name: 'Create sharing group' }).click();
    await groupDialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => tableRow(p, groupName).textContent())
      .toContain('Virginia State Police');
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'admin-sharing-groups');

    await p.getByRole('link', { name: 'Sources' }).click();
    await p.getByRole('button', { name: 'New source' }).click();
    const sourceDialog = p.getByRole('dialog', { name: 'New source' });
    const sourceName = `E2E tip line ${stamp}`;
    await sourceDialog.getByLabel('Name').fill(sourceName);
    await sourceDialog.getByLabel('TLP').selectOption('GREEN');
    await sourceDialog.getByRole('checkbox', { name: 'LES (law enforcement sensitive)' }).check();
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'admin-source-form');
    await sourceDialog.getByRole('button', { name: 'Create source' }).click();
    await sourceDialog.waitFor({ state: 'detached' });
    const sourceRow = tableRow(p, sourceName);
    await expect.poll(() => sourceRow.textContent()).toContain('TLP:GREEN');
    expect(await sourceRow.textContent()).toContain('LES');
    await screenshot(p, 'admin-sources');
  });

  it('a privacy officer sees only the sections of their rights, without create buttons', async () => {
    const p = await freshPage();
    await login(p, 'privacy.vfc');
    await shell(p).getByRole('link', { name: 'Admin' }).click();
    const sections = p.getByRole('navigation', { name: 'Administration sections' });
    await sections.waitFor();
    expect((await sections.getByRole('link').allTextContents()).map((t) => t.trim())).toEqual([
      'Users',
      'Agencies',
    ]);
    await p.getByRole('table', { name: 'Users' }).waitFor();
    expect(await p.getByRole('button', { name: 'New user' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await p.getByRole('button', { name: /^Suspend / }).count()).toBeGreaterThan(0);
    await p.goto('/admin/sources');
    await p.getByRole('heading', { name: 'Not found' }).waitFor();
  });

  it('a persona without administration rights has no Admin item and finds nothing at its address', async () => {
    const p = await freshPage();
    await login(p, 'analyst.vfc');
    const nav = (await shell(p).getByRole('link').allTextContents()).map((t) => t.trim());
    expect(nav).not.toContain('Admin');
    expect(nav).not.toContain('Audit');
    for (const path of ['/admin', '/admin/users', '/audit']) {
      await p.goto(path);
      await p.getByRole('heading', { name: 'Not found' }).waitFor();
    }
    await screenshot(p, 'admin-not-found');
  });

  it('an auditor filters the log and verifies the chain', async () => {
    const p = await freshPage();
    await login(p, 'auditor.vfc');
    await shell(p).getByRole('link', { name: 'Audit' }).click();
    await p.getByRole('table', { name: 'Audit events' }).waitFor();
    const filter = p.getByRole('form', { name: 'Filter the audit log' });
    await filter.getByLabel('Actor (username)').fill('admin.vfc');
    await filter.getByLabel('Action').fill('source.create');
    await filter.getByRole('button', { name: 'Apply filter' }).click();
    await p.waitForURL(/action=source.create/);
    const rows = p.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
    // The source the ingest test created (at least): every row shown is admin.vfc's source.create.
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((t) => /admin\.vfc.*source\.create/.test(t));
      })
      .toBe(true);
    await p
      .getByRole('button', { name: /^Show details of event/ })
      .first()
      .click();
    await expectNoSeriousA11yViolations(p);

    await p.getByRole('button', { name: 'Verify the chain' }).click();
    const result = p.getByTestId('chain-result');
    await expect.poll(() => result.textContent()).toContain('The chain is intact');
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'audit');

    // An unknown actor is named as such, under the field.
    await filter.getByLabel('Actor (username)').fill('nobody.here');
    await filter.getByRole('button', { name: 'Apply filter' }).click();
    await p.getByText("No user is named 'nobody.here'").first().waitFor();
  });
});
