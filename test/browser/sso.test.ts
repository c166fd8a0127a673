/**
 * In the browser, single sign-on against a real OpenID Connect provider started on loopback: with passwords
 * turned off, a director signs in through the provider's own page and lands in the workspace as a director;
 * their sessions page lists the browser. Removed from the group at the provider, their next sign-in is
 * refused with the reason and the role is gone. Redress's pages pass axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLinking } from '../../src/db/staff-identities.ts';
import {
  staffSignInWith,
  startOidcProvider,
  TEST_SSO_BUTTON,
  type TestOidcProvider,
} from '../support/oidc-provider.ts';
import { freePort } from '../support/processes.ts';
import { checkPage, launchBrowser, newContext } from './support/browser.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('single sign-on for staff', () => {
  let app: WebApp;
  let idp: TestOidcProvider;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    idp = await startOidcProvider(`http://127.0.0.1:${port}/api/v1/auth/sso/callback`);
    idp.accounts.set('dana', {
      email: 'dana@idp.example',
      name: 'Dana Director',
      groups: ['redress-directors'],
    });
    [app, browser] = await Promise.all([
      startWebApp({
        port,
        staffSignIn: staffSignInWith(idp, false),
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
  });

  /** Through the provider's development pages: its login form (any password), then its consent, if asked. */
  async function throughProvider(page: Page, login: string): Promise<void> {
    await page.getByRole('link', { name: TEST_SSO_BUTTON }).click();
    // The provider's page, or (when it still remembers the person) straight back to the workspace or a refusal.
    await page.waitForURL(
      (url) =>
        url.origin !== new URL(app.url).origin ||
        url.pathname !== '/staff/sign-in' ||
        url.searchParams.has('sso'),
    );
    for (let step = 0; step < 3 && page.url().startsWith(idp.issuer); step++) {
      if (await page.locator('input[name=login]').count()) {
        await page.locator('input[name=login]').fill(login);
        await page.locator('input[name=password]').fill('anything at all');
      }
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').first().click()]);
    }
  }

  it('signs a director in through the provider, and refuses them once they leave the group', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${app.url}/staff/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await checkPage(page, 'staff-sign-in-sso-only')).toEqual([]);

    await throughProvider(page, 'dana');
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ email: 'dana@idp.example', name: 'Dana Director', roles: ['director'] });
    expect(await page.getByRole('link', { name: 'Change password' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Your sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your sessions' }).waitFor();
    await page.getByText('(this browser)').waitFor();
    expect(await checkPage(page, 'staff-sessions')).toEqual([]);

    // At the provider, Dana leaves every group that maps to a Redress role.
    const dana = idp.accounts.get('dana');
    if (dana) dana.groups = ['everyone'];
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('dialog').getByText('Your API tokens are not affected').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    await throughProvider(page, 'dana');
    await page.getByText('not in any group that gives access to Redress').waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
    expect(await checkPage(page, 'staff-sign-in-sso-refused')).toEqual([]);
    const stored = await findUserForLinking(app.ctx.db.kysely, 'dana@idp.example');
    expect(stored?.user.active).toBe(false);
    const answer = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(answer).toBe(401);
  });
});
