/**
 * The pages anyone can open: they load at their own address (deep links), pass axe-core's WCAG 2.2 AA
 * checks on a phone and a desktop, and the published code works without JavaScript.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser, newContext, PHONE } from './support/browser.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('public pages', () => {
  let app: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const pages = [
    ['home', '/', 'Complaints'],
    ['staff-sign-in', '/staff/sign-in', 'Staff sign in'],
    ['not-found', '/track/no/such/page', 'Page not found'],
  ] as const;

  for (const [name, path, heading] of pages) {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`${name} loads directly and has no axe violations (${size})`, async () => {
        const context = await newContext(browser, viewport);
        const page = await context.newPage();
        await page.goto(app.url + path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await checkPage(page, `${name}-${size}`)).toEqual([]);
        await context.close();
      });
    }
  }

  it('the Complaints Code works without JavaScript and has no axe violations', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${app.url}/complaints-procedure`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Communications Ombudsman').count()).toBeGreaterThan(0);
    await context.close();
    // axe needs scripts: check the same page with JavaScript on.
    const withJs = await newContext(browser, DESKTOP);
    const again = await withJs.newPage();
    await again.goto(`${app.url}/complaints-procedure`);
    expect(await checkPage(again, 'complaints-code')).toEqual([]);
    await withJs.close();
  });

  it('sends staff who are not signed in to the sign-in page, and back after signing in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/staff/queues/unassigned`);
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    await page.getByLabel('Email').fill(app.staff.agent.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill('browser-test-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/queues/unassigned');
    await context.close();
  });
});
