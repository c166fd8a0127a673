/**
 * The insight dashboard in the browser, as a director uses it: the year's figures, narrowed to a category
 * and a range kept in the address, a chart's numbers opened as a table, on a desktop and on a phone. Every
 * state passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import type { Channel } from '../../src/domain/complaint.ts';
import type { Category } from '../../src/domain/procedure.ts';
import { addDays, londonDate } from '../../src/domain/time.ts';
import { checkPage, launchBrowser, PHONE } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { STAFF, startWebApp, type WebApp } from './support/web-app.ts';

describe('the insight dashboard', () => {
  let app: WebApp;
  let browser: Browser;
  let director: Page;
  const today = londonDate(new Date());

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const agent = { kind: 'staff' as const, id: app.staff.agent.id, roles: STAFF.agent.roles };
    const complaints: [string, Category, Channel, number][] = [
      ['Ann Archer', 'billing', 'phone', 20],
      ['Ben Baker', 'service-quality', 'email', 40],
      ['Cat Carter', 'billing', 'web', 200],
    ];
    for (const [name, category, channel, daysAgo] of complaints) {
      app.setNow(`${addDays(today, -daysAgo)}T10:00:00Z`);
      await recordComplaint(
        app.ctx,
        { customer: { name }, channel, category, description: `${name}'s complaint` },
        agent,
      );
    }
    app.setNow(new Date().toISOString());
    director = await signIn(browser, app, app.staff.director.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const received = (page: Page) =>
    page
      .getByText('Complaints received', { exact: true })
      .locator('xpath=following-sibling::*[1]')
      .textContent();

  it('shows the year, narrows to a category and a range, and opens a chart as a table', async () => {
    await director.getByRole('link', { name: 'Insight' }).click();
    await director.getByRole('heading', { name: 'Insight', level: 1 }).waitFor();
    await director.getByText('ADR letters by trigger').waitFor();
    expect(await received(director)).toBe('3');
    expect(await checkPage(director, 'staff-insight')).toEqual([]);

    await director.getByRole('textbox', { name: 'Category' }).click();
    await director.getByRole('option', { name: 'Billing' }).click();
    await director.keyboard.press('Escape');
    await director.waitForURL(/category=billing/);
    await expect.poll(() => received(director), { timeout: 15_000 }).toBe('2');

    const from = addDays(today, -30);
    await director.goto(`${app.url}/staff/insight?from=${from}&to=${today}&category=billing`);
    await expect.poll(() => received(director), { timeout: 15_000 }).toBe('1');
    const panel = director
      .locator('div')
      .filter({ has: director.getByRole('heading', { name: 'Complaints by channel' }) })
      .last();
    await panel.getByText('Table', { exact: true }).click();
    const table = director.getByRole('table', { name: 'Complaints by channel' });
    await table.waitFor();
    const phoneColumn = await table.getByRole('columnheader').allTextContents();
    expect(phoneColumn).toContain('Phone');
    expect(await checkPage(director, 'staff-insight-table')).toEqual([]);
  });

  it('fits a phone', async () => {
    const phone = await signIn(browser, app, app.staff.director.email, PHONE);
    await phone.goto(`${app.url}/staff/insight`);
    await phone.getByText('ADR letters by trigger').waitFor();
    expect(await received(phone)).toBe('3');
    expect(await checkPage(phone, 'staff-insight-phone')).toEqual([]);
  });
});
