/**
 * The insight dashboard in the browser, as a director uses it: the year's figures, narrowed to a category
 * and a range kept in the address, a chart's numbers opened as a table, an improvement raised from a root
 * cause (and found on the improvement log), the monthly report downloaded as PDF and XLSX, on a desktop and
 * on a phone. Every state passes axe-core.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/app/issue-command.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import type { Channel } from '../../src/domain/complaint.ts';
import type { Category } from '../../src/domain/procedure.ts';
import { addDays, londonDate } from '../../src/domain/time.ts';
import { checkPage, launchBrowser, PHONE, SCREENSHOTS, TAKE_SCREENSHOTS } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

/** The first bytes of a file the browser downloaded. */
async function magic(download: Download, length: number): Promise<string> {
  return (await readFile(await download.path())).subarray(0, length).toString('latin1');
}

/** A panel of the dashboard by its heading, screenshotted on its own (the funnel's and root causes' axes). */
async function panelShot(page: Page, heading: string, name: string) {
  if (!TAKE_SCREENSHOTS) return;
  const panel = page
    .locator('.mantine-Paper-root')
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .last();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('the insight dashboard', () => {
  let app: WebApp;
  let browser: Browser;
  let director: Page;
  const today = londonDate(new Date());

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const agent = app.actor('agent');
    const complaints: [string, Category, Channel, number][] = [
      ['Ann Archer', 'billing', 'phone', 20],
      ['Ben Baker', 'service-quality', 'email', 40],
      ['Cat Carter', 'billing', 'web', 200],
    ];
    const references: string[] = [];
    for (const [name, category, channel, daysAgo] of complaints) {
      app.setNow(`${addDays(today, -daysAgo)}T10:00:00Z`);
      const recorded = await recordComplaint(
        app.ctx,
        { customer: { name }, channel, category, description: `${name}'s complaint` },
        agent,
      );
      references.push(recorded.reference);
    }
    // Ann's and Ben's complaints were withdrawn a day after they came, each put down to a root cause.
    for (const [i, rootCause] of [
      [0, 'billing-wrong-charge'],
      [1, 'fault-repeat'],
    ] as const) {
      app.setNow(`${addDays(today, -complaints[i]![3] + 1)}T10:00:00Z`);
      await issueCommand(
        app.ctx,
        references[i]!,
        { type: 'withdraw', reason: 'Sorted out', rootCause },
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
    await panelShot(director, 'Where complaints ended', 'staff-insight-funnel');
    await panelShot(director, 'Root causes', 'staff-insight-root-causes');

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

  it('raises an improvement from a root cause, and finds it on the improvement log', async () => {
    await director.goto(`${app.url}/staff/insight`);
    await director.getByRole('heading', { name: 'Root causes' }).waitFor();
    await director.getByRole('button', { name: 'Raise an improvement: Billing error' }).click();
    const dialog = director.getByRole('dialog', { name: 'Raise an improvement' });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Root cause' }).inputValue()).toBe('billing-error');
    // The range's complaints of that cause go with it.
    await dialog.getByText(/are linked to the item: the newest 200 if there are more/).waitFor();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Charges after a plan change');
    await dialog.getByRole('textbox', { name: 'What went wrong' }).fill('Billed twice after plan changes.');
    expect(await checkPage(director, 'staff-insight-raise-improvement')).toEqual([]);
    await dialog.getByRole('button', { name: 'Raise the improvement' }).click();
    await director.waitForURL(/\/staff\/improvements\/IMP-/);
    await director.getByRole('link', { name: 'Improvements' }).click();
    await director.getByRole('cell', { name: 'Charges after a plan change' }).waitFor();
    // Back on the dashboard, the log counts it as open.
    await director.getByRole('link', { name: 'Insight' }).click();
    const log = director
      .locator('div')
      .filter({ has: director.getByRole('heading', { name: 'The improvement log' }) })
      .last();
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).toMatch(/1\s*open/);
  });

  it('downloads the monthly report as PDF and as a spreadsheet', async () => {
    await director.goto(`${app.url}/staff/insight`);
    const pdfLink = director.getByRole('link', { name: 'Download PDF' });
    await pdfLink.waitFor();
    const get = async (link: ReturnType<Page['getByRole']>) => {
      const href = (await link.getAttribute('href')) ?? '';
      const response = await director.request.get(`${app.url}${href}`);
      const [download] = await Promise.all([director.waitForEvent('download'), link.click()]);
      return { type: response.headers()['content-type'], size: (await response.body()).length, download };
    };
    const pdf = await get(pdfLink);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.size).toBeGreaterThan(5_000);
    expect(await magic(pdf.download, 5)).toBe('%PDF-');
    const xlsx = await get(director.getByRole('link', { name: 'Download spreadsheet (XLSX)' }));
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.size).toBeGreaterThan(5_000);
    expect(await magic(xlsx.download, 2)).toBe('PK');
    expect(await checkPage(director, 'staff-insight-report')).toEqual([]);
  });

  it('keeps the whole staff menu reachable on a short window: it scrolls', async () => {
    const short = await signIn(browser, app, app.staff.admin.email, { width: 1280, height: 360 });
    const menu = short.getByRole('navigation', { name: 'Workspace' });
    const last = menu.getByRole('link', { name: 'Change password' });
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(360);
    expect(await checkPage(short, 'staff-menu-short-window')).toEqual([]);
    await last.click();
    await short.waitForURL(/\/staff\/account\/password/);
    await short.close();
  });

  it('fits a phone', async () => {
    const phone = await signIn(browser, app, app.staff.director.email, PHONE);
    await phone.goto(`${app.url}/staff/insight`);
    await phone.getByText('ADR letters by trigger').waitFor();
    expect(await received(phone)).toBe('3');
    expect(await checkPage(phone, 'staff-insight-phone')).toEqual([]);
    await panelShot(phone, 'Where complaints ended', 'staff-insight-funnel-phone');
    await panelShot(phone, 'Root causes', 'staff-insight-root-causes-phone');
  });
});
