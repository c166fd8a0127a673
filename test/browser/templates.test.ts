/**
 * Response templates in the browser: an admin finds the Templates page in the admin menu, adds a template
 * for a stage (a mistyped placeholder shows in the live preview before saving), sees it filled with example
 * values, finds it listed for its stage and not for another, and archives it. Every view passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { seedDefaultTemplates } from '../../src/app/seed-default-templates.ts';
import { checkPage, launchBrowser } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('response templates', () => {
  let app: WebApp;
  let browser: Browser;
  let admin: Page;
  let reference: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    // As at a new installation's first start.
    await seedDefaultTemplates(app.ctx);
    const agent = app.actor('agent');
    const created = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Ann Archer' },
        channel: 'phone',
        category: 'billing',
        description: 'Charged twice',
        formal: true,
      },
      agent,
    );
    reference = created.reference;
    admin = await signIn(browser, app, app.staff.admin.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const table = () => admin.getByRole('region', { name: 'Templates table' });

  it('lists the default templates, reached from the admin menu', async () => {
    await admin
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Templates' })
      .click();
    await admin.waitForURL('**/staff/admin/templates');
    await admin.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await table().getByRole('rowheader', { name: 'Director-level review' }).waitFor();
    expect(await checkPage(admin, 'staff-admin-templates')).toEqual([]);
  });

  it('adds a template for a stage with a live preview, and lists it for that stage only', async () => {
    await admin.getByRole('button', { name: 'Add a template' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Waiting for your bill');
    await dialog.getByRole('radio', { name: /Reply/ }).check();
    await dialog.getByRole('checkbox', { name: 'Resolution Attempt 2' }).check();
    await dialog.getByRole('textbox', { name: /^Subject/ }).fill('Your complaint {{complaint.reference}}');
    const text = dialog.getByRole('textbox', { name: /^Text/ });
    await text.fill('Dear {{customer.nmae}},\n\nCould you send us a copy of your latest bill?\n\n');

    // The typo shows before saving, by name.
    const warning = dialog.getByRole('alert').filter({ hasText: 'These are not placeholders' });
    await warning.getByText('{{customer.nmae}}', { exact: false }).waitFor();

    await text.fill('Dear {{customer.name}},\n\nCould you send us a copy of your latest bill?\n\n');
    // Placeholders go in where the cursor is, from the list, by keyboard.
    await text.press('End');
    await dialog.getByRole('button', { name: /^Insert \{\{handler\.name\}\}/ }).focus();
    await admin.keyboard.press('Enter');
    const preview = dialog.getByTestId('template-preview');
    await preview.getByText('Dear Sam Taylor,').waitFor();
    await preview.getByText('Priya Shah', { exact: false }).waitFor();
    await preview.getByText('Your complaint MISO-26-000123-C').waitFor();
    await warning.waitFor({ state: 'detached' });
    expect(await text.inputValue()).toMatch(/latest bill\?\n\n\{\{handler\.name\}\}$/);
    expect(await checkPage(admin, 'staff-admin-template-form')).toEqual([]);

    await dialog.getByRole('button', { name: 'Add template' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('status').getByText('“Waiting for your bill” was added.').waitFor();

    await admin.getByLabel('Offered at').selectOption({ label: 'Resolution Attempt 2' });
    await table().getByRole('rowheader', { name: 'Waiting for your bill' }).waitFor();
    // Templates for every stage are offered at attempt 2 too; attempt-1 ones are not.
    await table().getByRole('rowheader', { name: 'Billing credit' }).waitFor();
    expect(await table().getByRole('rowheader', { name: 'We’re looking into it' }).count()).toBe(0);
    expect(await checkPage(admin, 'staff-admin-templates-attempt-2')).toEqual([]);

    await admin.getByLabel('Offered at').selectOption({ label: 'Resolution Attempt 1' });
    await table().getByRole('rowheader', { name: 'We’re looking into it' }).waitFor();
    expect(await table().getByRole('rowheader', { name: 'Waiting for your bill' }).count()).toBe(0);
  });

  it('archives a template, which is no longer offered', async () => {
    await admin.getByLabel('Offered at').selectOption({ label: 'Any stage' });
    await admin.getByRole('button', { name: 'Archive Waiting for your bill' }).click();
    const confirm = admin.getByRole('dialog');
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await confirm.waitFor({ state: 'detached' });
    await admin.getByRole('status').getByText('is archived').waitFor();
    expect(await table().getByRole('rowheader', { name: 'Waiting for your bill' }).count()).toBe(0);
    const offered = await fetch(`${app.url}/api/v1/templates?stage=attempt-2`, {
      headers: { cookie: (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    const names = ((await offered.json()) as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).not.toContain('Waiting for your bill');
  });

  it('tries a template on a complaint: chosen for its stage, filled with the complaint’s values', async () => {
    await admin.getByLabel('Complaint Reference Number').fill(reference.toLowerCase());
    await admin.getByRole('button', { name: 'Look up' }).click();
    await admin.getByText('is at Resolution Attempt 1').waitFor();
    const picker = admin.getByRole('combobox', { name: 'Template' });
    // Only what is offered at attempt 1: its reply, and every-stage ones (once the list has loaded).
    await picker.locator('option', { hasText: 'We’re looking into it' }).waitFor({ state: 'attached' });
    const options = await picker.locator('option').allTextContents();
    expect(options).toContain('We’re looking into it');
    expect(options).not.toContain('Director-level review');
    await picker.selectOption({ label: 'We’re looking into it' });
    const filled = admin.getByTestId('filled-template');
    await filled.getByText('We’re looking into your complaint').waitFor();
    await filled.getByText('Thank you for telling us about your complaint', { exact: false }).waitFor();
    const text = await filled.textContent();
    expect(text).toContain(`Your Complaint Reference Number is ${reference}.`);
    expect(text).not.toContain('{{');
    await admin.getByRole('status').getByText('Filled in from “We’re looking into it”.').waitFor();

    await admin.getByRole('radio', { name: 'Proposal' }).check();
    await admin
      .getByRole('combobox', { name: 'Template' })
      .locator('option', { hasText: 'Billing credit' })
      .waitFor({ state: 'attached' });
    const proposals = await admin
      .getByRole('combobox', { name: 'Template' })
      .locator('option')
      .allTextContents();
    expect(proposals).toEqual(
      expect.arrayContaining(['Billing credit', 'Proposal: putting it right', 'Goodwill gesture']),
    );
    expect(await checkPage(admin, 'staff-admin-template-try')).toEqual([]);
  });
});
