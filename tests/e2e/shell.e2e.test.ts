import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  freshPages,
  login,
  screenshot,
  shell,
  submitSignIn,
  world,
} from './harness.ts';

describe('sign-in and the workspace shell', () => {
  const freshPage = freshPages();

  it('a wrong password is refused with a readable message, and the form passes axe', async () => {
    const p = await freshPage();
    await p.goto('/');
    await expectNoSeriousA11yViolations(p);
    await submitSignIn(p, 'watch.vfc', 'not-the-password');
    await expect
      .poll(() => p.getByRole('alert').textContent())
      .toContain('Wrong username or password.');
    await screenshot(p, 'sign-in-wrong-password');
    expect(await shell(p).count()).toBe(0);
  });

  it('the right password opens the workspace with the account details', async () => {
    const p = await freshPage();
    await p.goto('/search');
    await submitSignIn(p, 'analyst.vfc', world().password);
    await shell(p).waitFor();
    await p.getByRole('button', { name: /^Account:/ }).click();
    const details = p.getByTestId('account-details');
    await details.waitFor();
    expect(await details.textContent()).toContain('analyst.vfc');
    expect(await p.getByTestId('account-rights').textContent()).toContain('records:write');
    await screenshot(p, 'shell-account-menu');
  });

  it('navigation shows only what the persona may use: analyst vs auditor', async () => {
    let last: Page | undefined;
    const navOf = async (persona: 'analyst.vfc' | 'auditor.vfc') => {
      const p = await freshPage();
      last = p;
      await login(p, persona);
      await expectNoSeriousA11yViolations(p);
      await screenshot(p, `shell-${persona}`);
      return (await shell(p).getByRole('link').allTextContents()).map((t) => t.trim());
    };
    const analyst = await navOf('analyst.vfc');
    const auditor = await navOf('auditor.vfc');
    expect(analyst).toEqual(['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Ingest', 'SAR']);
    expect(auditor).toEqual(['Inbox', 'Search', 'Map', 'Trends', 'Hits', 'Audit']);
    // A screen without the right is not reachable by address either.
    const auditorPage = last!;
    await auditorPage.goto('/ingest');
    await auditorPage.getByRole('heading', { name: 'Not found' }).waitFor();
  });

  it('a reload keeps the session, and a write after the reload passes CSRF', async () => {
    const p = await freshPage();
    await login(p, 'analyst.vfc', { fresh: true });
    await p.reload();
    await shell(p).waitFor();
    // Sign out is a cookie-authenticated POST: it needs the CSRF token recovered after reload.
    const logout = p.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await p.getByRole('button', { name: /^Account:/ }).click();
    await p.getByRole('menuitem', { name: 'Sign out' }).click();
    expect((await logout).status()).toBe(204);
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
    await p.reload();
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
