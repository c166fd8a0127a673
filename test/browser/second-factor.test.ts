/**
 * In the browser: a member of staff sets up 2-step verification from the QR code's key (the test is the
 * authenticator app), keeps the recovery codes, signs out, and signs in again with a code from the app and
 * then with a recovery code; an admin sees "2-step: on"; a director, whose role requires it, must set it up
 * before the workspace opens. Every page passes axe-core.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchBrowser, newContext } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { PASSWORD, startWebApp, type WebApp } from './support/web-app.ts';

describe('2-step verification in the workspace', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** What the authenticator app shows now, by the server's clock. */
  const codeNow = (secret: string) =>
    new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
      timestamp: app.ctx.now().getTime(),
    });
  const laterBy = (seconds: number) =>
    app.setNow(new Date(app.ctx.now().getTime() + seconds * 1000).toISOString());

  async function signOut(page: Page) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
  }
  async function password(page: Page) {
    await page.getByLabel('Email').fill(app.staff.agent.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: '2-step verification' }).waitFor();
  }

  it('sets it up, then signs in with a code from the app and with a recovery code', async () => {
    const page = await signIn(browser, app, app.staff.agent.email);
    await page.getByRole('link', { name: '2-step verification' }).click();
    await page.getByRole('heading', { level: 1, name: '2-step verification' }).waitFor();
    await page.getByRole('button', { name: 'Set up 2-step verification' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    expect(await checkPage(page, 'staff-2-step-set-up')).toEqual([]);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');

    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Turn on 2-step verification' }).click();
    await page.getByText('There is a problem').waitFor();
    await page.getByLabel('Code from your authenticator app').fill(codeNow(secret));
    await page.getByRole('button', { name: 'Turn on 2-step verification' }).click();
    await page.getByText('Your recovery codes').waitFor();
    await page.getByText('2-step verification is on').waitFor();
    expect(await checkPage(page, 'staff-2-step-recovery-codes')).toEqual([]);
    const codes = await page
      .getByRole('list', { name: 'Your recovery codes' })
      .getByRole('listitem')
      .allTextContents();
    expect(codes).toHaveLength(10);

    await signOut(page);
    await password(page);
    // A code that comes after the ticket ran out: back to the password, saying why.
    laterBy(301);
    await page.getByLabel('Code from your authenticator app').fill(codeNow(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('That sign-in has ended (after five minutes, or three wrong codes)').waitFor();
    expect(await checkPage(page, 'staff-sign-in-ended')).toEqual([]);
    await password(page);
    const field = page.getByLabel('Code from your authenticator app');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await checkPage(page, 'staff-sign-in-second-step')).toEqual([]);
    laterBy(30);
    await field.fill(codeNow(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();

    await signOut(page);
    await password(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    expect(await checkPage(page, 'staff-sign-in-recovery-code')).toEqual([]);
    await page.getByLabel('Recovery code').fill(codes[3] ?? '');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
    await page.getByRole('link', { name: '2-step verification' }).click();
    await page.getByText('Recovery codes left: 9 of 10.').waitFor();
    expect(await checkPage(page, 'staff-2-step-on')).toEqual([]);

    const admin = await signIn(browser, app, app.staff.admin.email);
    await admin.getByRole('link', { name: 'Users and roles' }).click();
    const row = admin.getByRole('row', { name: new RegExp(app.staff.agent.name) });
    await row.getByText('2-step: on').waitFor();
    expect(
      await row
        .getByRole('button', { name: `Reset 2-step verification for ${app.staff.agent.name}` })
        .count(),
    ).toBe(1);
    expect(await checkPage(admin, 'staff-users-2-step')).toEqual([]);
  });

  it('makes someone whose role requires it set it up before the workspace opens', async () => {
    app.ctx.staffSignIn = { localPasswords: true, oidc: undefined, mfaRequiredRoles: ['director'] };
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${app.url}/staff/sign-in`);
    await page.getByLabel('Email').fill(app.staff.director.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up 2-step verification' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Workspace' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Set up 2-step verification' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('Code from your authenticator app').fill(codeNow(secret));
    await page.getByRole('button', { name: 'Turn on 2-step verification' }).click();
    await page.getByText('Your recovery codes').waitFor();
    expect(await checkPage(page, 'staff-2-step-required')).toEqual([]);
    await page.getByRole('button', { name: 'I have kept my codes: open the workspace' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
  });
});
