/**
 * The API docs page (swagger-ui) works under its Content-Security-Policy: it renders the OpenAPI document
 * with no script or style refused, and another site cannot frame it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('the API docs page', () => {
  let app: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders the API under its CSP, with nothing refused', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${app.url}/api/docs`);
    await page.getByRole('heading', { name: /Redress API/ }).waitFor();
    await page.getByText('/api/v1/complaints/{reference}/propose').first().waitFor();
    await screenshot(page, 'api-docs');
    expect(refused).toEqual([]);
    await context.close();
  });

  it('cannot be framed by another page', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors|X-Frame-Options/i.test(message.text())) blocked.push(message.text());
    });
    // A page of another origin (about:blank's opaque one) framing the docs.
    await page.setContent(`<iframe src="${app.url}/api/docs" title="docs"></iframe>`);
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f.url().includes('/api/docs'));
    const heading = frame
      ? await frame
          .locator('h2')
          .count()
          .catch(() => 0)
      : 0;
    expect(heading).toBe(0);
    await context.close();
  });
});
