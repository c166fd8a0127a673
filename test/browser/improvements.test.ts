/**
 * The improvement log in the browser: a reviewer raises an improvement from a complaint's page (the complaint
 * linked), sees it listed on that page and in the Improvements list from the menu, opens it to find the
 * complaint, and the owner records it done with the action taken. Every view passes axe-core, at 1280 and
 * 390 pixels wide.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { checkPage, launchBrowser, PHONE } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { STAFF, startWebApp, type WebApp } from './support/web-app.ts';

describe('the improvement log', () => {
  let app: WebApp;
  let browser: Browser;
  let reviewer: Page;
  let reference: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const agent = app.actor('agent');
    const created = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Ann Archer' },
        channel: 'phone',
        category: 'billing',
        description: 'Charged twice after changing plan',
        formal: true,
      },
      agent,
    );
    reference = created.reference;
    reviewer = await signIn(browser, app, app.staff.reviewer.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('raises an improvement from a complaint and shows it on the complaint', async () => {
    await reviewer.goto(`${app.url}/staff/complaints/${reference}`);
    const section = reviewer.getByRole('region', { name: 'Improvements' });
    await section.getByText('No improvement item lists this complaint.').waitFor();
    await section.getByRole('button', { name: 'Raise an improvement' }).click();
    const dialog = reviewer.getByRole('dialog', { name: 'Raise an improvement' });
    await dialog.getByText(reference).waitFor();
    // Sent empty, it says what is missing, by field.
    await dialog.getByRole('button', { name: 'Raise the improvement' }).click();
    await dialog.getByRole('link', { name: 'Title: enter some text' }).waitFor();
    expect(await checkPage(reviewer, 'staff-improvement-raise')).toEqual([]);

    await dialog.getByRole('textbox', { name: 'Title' }).fill('Second charge after a plan change');
    await dialog
      .getByRole('textbox', { name: 'What went wrong' })
      .fill('The billing run charges the old and the new plan in the month of the change.');
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: STAFF.agent.name });
    await dialog.getByRole('textbox', { name: /^Root cause/ }).fill('billing-error');
    await dialog.getByRole('button', { name: 'Raise the improvement' }).click();
    await dialog.waitFor({ state: 'detached' });

    await section.getByRole('status').getByText('Raised IMP-0001', { exact: false }).waitFor();
    await section.getByRole('listitem').getByRole('link', { name: 'IMP-0001' }).waitFor();
    await section.getByText('Second charge after a plan change').waitFor();
    await reviewer.getByText('Listed on improvement IMP-0001').waitFor();
    expect(await checkPage(reviewer, 'staff-complaint-improvements')).toEqual([]);
  });

  it('lists it in Improvements, from the menu, and opens it with its complaint', async () => {
    await reviewer
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Improvements' })
      .click();
    await reviewer.waitForURL('**/staff/improvements');
    await reviewer.getByRole('heading', { level: 1, name: 'Improvements' }).waitFor();
    const row = reviewer.getByRole('row').filter({ hasText: 'IMP-0001' });
    await row.getByText('Second charge after a plan change').waitFor();
    await row.getByText(STAFF.agent.name).waitFor();
    expect(await checkPage(reviewer, 'staff-improvements')).toEqual([]);

    await row.getByRole('link', { name: 'IMP-0001' }).click();
    await reviewer.getByRole('heading', { level: 1, name: /IMP-0001: Second charge/ }).waitFor();
    const complaints = reviewer.getByRole('region', { name: 'Complaints that showed it' });
    await complaints.getByRole('link', { name: reference }).waitFor();
    expect(await checkPage(reviewer, 'staff-improvement')).toEqual([]);
  });

  it('lets the owner mark it done only with the action taken, on a phone', async () => {
    const owner = await signIn(browser, app, app.staff.agent.email, PHONE);
    await owner.goto(`${app.url}/staff/improvements?owner=me`);
    await owner.getByRole('listitem').getByRole('link', { name: 'IMP-0001' }).waitFor();
    expect(await checkPage(owner, 'staff-improvements-phone')).toEqual([]);
    await owner.getByRole('link', { name: 'IMP-0001' }).click();
    const progress = owner.getByRole('form', { name: 'Progress' });
    await progress.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Done' });
    await progress.getByRole('button', { name: 'Save progress' }).click();
    await progress.getByRole('link', { name: /Action taken: say what was done/ }).waitFor();
    await progress
      .getByRole('textbox', { name: /^Action taken/ })
      .fill('Billing run fixed; affected customers refunded');
    await progress.getByRole('button', { name: 'Save progress' }).click();
    await owner.getByRole('status').getByText('IMP-0001 is saved: done').waitFor();
    await owner.getByText('Done', { exact: true }).first().waitFor();
    expect(await checkPage(owner, 'staff-improvement-phone')).toEqual([]);
  });
});
