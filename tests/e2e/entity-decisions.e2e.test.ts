/**
 * An analyst's resolution decisions on the Entity screen: merge another entity in by hand,
 * then split that merge again — each with a rationale, and the records list following. The
 * test makes its own two people, so the shared demo world is left as it was.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, freshPages, login, screenshot } from './harness.ts';

const stamp = Date.now().toString(36);

/** A record naming one person, created through the API as the page's user. */
async function recordWithPerson(page: Page, title: string, person: Record<string, unknown>) {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    csrfToken: string;
  };
  const res = await page.request.post('/api/v1/records', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      kind: 'incident',
      title,
      narrative: 'Subject seen photographing the gate of the pumping station.',
      occurredFrom: '2026-03-01T02:00:00Z',
      markings: { tlp: 'GREEN', caveats: ['LES'], partnerShare: 'full' },
      payload: {},
      observations: [{ type: 'person', role: 'subject', attributes: person }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { id: string; observations: { entityId: string }[] };
  return { recordId: body.id, entityId: body.observations[0]!.entityId };
}

async function entityOfRecord(page: Page, recordId: string): Promise<string> {
  const res = await page.request.get(`/api/v1/records/${recordId}`);
  return ((await res.json()) as { observations: { entityId: string }[] }).observations[0]!.entityId;
}

describe('resolution decisions on the Entity screen', () => {
  const freshPage = freshPages();

  it('CI-14: a merge by hand without the minimum evidence is refused, with the reason', async () => {
    const p = await freshPage();
    await login(p, 'analyst.vfc');
    const first = `Pumping station, first report ${stamp}`;
    const { entityId: a } = await recordWithPerson(p, first, {
      givenName: 'Quentin',
      surname: `Varga${stamp}`,
      dateOfBirth: '1971-02-03',
    });
    const { entityId: b } = await recordWithPerson(p, `Pumping station, other person ${stamp}`, {
      givenName: 'Ursula',
      surname: `Penhale${stamp}`,
      dateOfBirth: '1980-05-06',
    });
    await p.goto(`/entities/${a}`);
    await p.getByRole('link', { name: first }).first().waitFor();
    await p.getByRole('button', { name: 'Merge another entity into this one…' }).click();
    const merge = p.getByRole('dialog', { name: 'Merge another entity into this one' });
    await merge.getByRole('textbox', { name: "The other entity's id" }).fill(b);
    await merge.getByRole('textbox', { name: 'Rationale' }).fill('Looks alike to me (E2E)');
    await expectNoSeriousA11yViolations(p);
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect
      .poll(() => merge.getByRole('alert').textContent())
      .toContain('Identity is not established by this evidence (CI-14)');
    await screenshot(p, 'entity-merge-refused');
  });

  it('an analyst splits an automatic merge, then merges it back by hand, each with a rationale', async () => {
    const p = await freshPage();
    await login(p, 'analyst.vfc');
    const person = {
      givenName: 'Rosalind',
      surname: `Okonkwo${stamp}`,
      dateOfBirth: '1975-09-12',
      address: { street: '12 Quarry Rd', city: 'Staunton', state: 'VA', postcode: '24401' },
    };
    const first = `Quarry fence cut, first report ${stamp}`;
    const second = `Quarry fence cut, second report ${stamp}`;
    const { entityId: a } = await recordWithPerson(p, first, person);
    const later = await recordWithPerson(p, second, person);
    expect(later.entityId).toBe(a); // resolved into one entity as the second record arrived

    await p.goto(`/entities/${a}`);
    await p.getByRole('link', { name: second }).first().waitFor();
    await p.getByRole('button', { name: 'Split…' }).first().click();
    const split = p.getByRole('dialog', { name: 'Split this merge' });
    await split.getByRole('textbox', { name: 'Rationale' }).fill('Two people, one address (E2E)');
    await split.getByRole('button', { name: 'Split', exact: true }).click();
    await split.waitFor({ state: 'detached' });
    await expect.poll(() => p.getByRole('link', { name: second }).count()).toBe(0);
    await screenshot(p, 'entity-after-split');

    // The split-off record's entity, merged back by hand.
    const splitOff = await entityOfRecord(p, later.recordId);
    expect(splitOff).not.toBe(a);
    await p.getByRole('button', { name: 'Merge another entity into this one…' }).click();
    const merge = p.getByRole('dialog', { name: 'Merge another entity into this one' });
    await merge.getByRole('textbox', { name: "The other entity's id" }).fill(splitOff);
    await merge
      .getByRole('textbox', { name: 'Rationale' })
      .fill('Same person after all: date of birth confirmed by DMV (E2E)');
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await merge.waitFor({ state: 'detached' });
    await p.getByRole('link', { name: second }).first().waitFor();
    expect(await entityOfRecord(p, later.recordId)).toBe(a);
  });
});
