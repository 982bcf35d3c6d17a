/**
 * CI-07 in the workspace: a user trained for criminal intelligence states a need to know once
 * (the header's control) and every screen then includes the criminal intelligence it covers,
 * each read audited with that purpose; signing out forgets it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, freshPages, login, screenshot, shell } from './harness.ts';

type RecordList = { items: { id: string; title: string; markings: { caveats: string[] } }[] };
type RecordBody = { id: string; title: string; observations: { entityId: string; type: string }[] };

const PURPOSE = 'Case 26-0042 (E2E need to know)';

async function getJson<T>(page: Page, path: string, purpose?: string): Promise<T> {
  const res = await page.request.get(path, purpose ? { headers: { 'x-purpose': purpose } } : {});
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

describe('stating a need to know', () => {
  const freshPage = freshPages();

  it('shows criminal intelligence on every screen while stated, audited with it, and forgets it at sign-out', async () => {
    const p = await freshPage();
    await login(p, 'analyst.vfc');
    // A criminal-intelligence record and an entity it names, found through the API.
    const withPurpose = await getJson<RecordList>(p, '/api/v1/records?limit=500', 'lookup');
    const intel = withPurpose.items.filter((r) => r.markings.caveats.includes('CRIMINAL_INTEL'));
    expect(intel.length).toBeGreaterThan(0);
    const record = await getJson<RecordBody>(p, `/api/v1/records/${intel[0]!.id}`, 'lookup');
    const entityId = record.observations.find((o) => o.type === 'person')?.entityId;
    expect(entityId).toBeDefined();

    await p.goto(`/entities/${entityId!}`);
    // Its profile, or "Not found" when only criminal intelligence names it.
    await p.getByRole('main').getByRole('heading').first().waitFor();
    expect(await p.getByRole('main').textContent()).not.toContain(record.title);

    await p.getByRole('button', { name: 'State need to know' }).click();
    await p.getByRole('textbox', { name: /Need to know/ }).fill(PURPOSE);
    await p.getByRole('button', { name: 'State', exact: true }).click();
    await p.getByRole('button', { name: `Need to know: ${PURPOSE}` }).waitFor();
    await p.getByRole('link', { name: record.title }).first().waitFor();
    await expect
      .poll(() => p.getByTestId('marking-banner').first().textContent())
      .toContain('CRIMINAL INTELLIGENCE');
    await p.mouse.move(900, 700);
    await expectNoSeriousA11yViolations(p);
    await screenshot(p, 'need-to-know-entity');

    // The record opens directly, without asking again; the purpose survives a reload.
    await p.goto(`/records/${record.id}`);
    await p.getByRole('heading', { level: 2, name: record.title }).waitFor();
    await p.reload();
    await p.getByRole('heading', { level: 2, name: record.title }).waitFor();

    // Signing out forgets it: the next person at this browser states their own.
    await p.getByRole('button', { name: /^Account:/ }).click();
    await p.getByRole('menuitem', { name: 'Sign out' }).click();
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
    await login(p, 'analyst.vfc', { fresh: true });
    await p.getByRole('button', { name: 'State need to know' }).waitFor();

    const auditor = await freshPage();
    await login(auditor, 'auditor.vfc');
    const reads = await getJson<{ items: { actorUsername: string; purpose: string | null }[] }>(
      auditor,
      `/api/v1/audit?objectId=${record.id}&action=record.read`,
    );
    expect(reads.items).toContainEqual(
      expect.objectContaining({ actorUsername: 'analyst.vfc', purpose: PURPOSE }),
    );
  });

  it('is not offered to users without criminal-intelligence training', async () => {
    const p = await freshPage();
    await login(p, 'watch.vfc');
    await shell(p).waitFor();
    expect(await p.getByRole('button', { name: /need to know/i }).count()).toBe(0);
  });
});
