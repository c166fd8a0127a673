/**
 * In the browser: a new member of staff signs in with the password an admin gave them and must choose their
 * own before the workspace opens; an agent finds two records of one customer (the web form makes a new one
 * each time) and a reviewer merges them (an agent sees who can). A complaint taken in person is logged.
 * Every page and dialog passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { checkPage, launchBrowser, newContext } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('customers and passwords in the workspace', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('makes someone signed in with a one-time password choose their own first', async () => {
    await addUser(app.ctx, {
      email: 'newcomer@test.redress',
      name: 'Nia Newcomer',
      roles: ['agent'],
      password: 'given by the admin',
    });
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${app.url}/staff/sign-in`);
    await page.getByLabel('Email').fill('newcomer@test.redress');
    await page.getByLabel('Password').fill('given by the admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Workspace' }).count()).toBe(0);

    await page.getByLabel('Current password').fill('given by the admin');
    await page.getByLabel(/^New password(?! again)/).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await checkPage(page, 'staff-first-password-errors')).toEqual([]);

    // Long enough, but a common password: the server's reason is shown by the field.
    await page.getByLabel(/^New password(?! again)/).fill('password1234');
    await page.getByLabel('New password again').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByText(/too easy to guess\. This is similar to a commonly used password/)
      .first()
      .waitFor();
    expect(await checkPage(page, 'staff-first-password-guessable')).toEqual([]);

    await page.getByLabel(/^New password(?! again)/).fill('a password of my own');
    await page.getByLabel('New password again').fill('a password of my own');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
    expect(await checkPage(page, 'staff-change-password')).toEqual([]);
  });

  it('finds a likely duplicate customer and merges the two records', async () => {
    const raised = (email: string, name: string) =>
      recordComplaint(
        app.ctx,
        {
          customer: { name, email, phone: '01632 960 444', postcode: 'HR8 9ZZ' },
          channel: 'web',
          description: 'The router keeps restarting.',
          category: 'equipment',
        },
        'the-customer',
      );
    const first = await raised('merle@example.org', 'Merle Merger');
    const second = await raised('MERLE@example.org', 'M. Merger');
    const agent: Page = await signIn(browser, app, app.staff.agent.email);

    await agent.getByRole('link', { name: 'Customers' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await agent.getByLabel('Find a customer').fill('merle@');
    await agent.getByRole('link', { name: 'Merle Merger' }).click();
    await agent.getByRole('heading', { level: 2, name: 'Possible duplicates' }).waitFor();
    await agent.getByText('same email').waitFor();
    // An agent sees the duplicate, and who can merge it: a merge cannot be undone.
    await agent.getByText(/a reviewer, a director or an admin makes it/).waitFor();
    expect(await agent.getByRole('button', { name: /^Merge / }).count()).toBe(0);
    expect(await checkPage(agent, 'staff-customer-duplicates')).toEqual([]);

    const reviewer: Page = await signIn(browser, app, app.staff.reviewer.email);
    await reviewer.goto(agent.url());
    await reviewer.getByRole('button', { name: 'Merge M. Merger…' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.waitFor();
    expect(await checkPage(reviewer, 'staff-customer-merge-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Merge into Merle Merger' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reviewer.getByText('No likely duplicates').waitFor();

    // Both complaints now belong to the surviving record; the other record points to it.
    const view = await fetchComplaint(agent, second.reference);
    expect(view.customer.name).toBe('Merle Merger');
    expect(view.customer.otherComplaints.map((c: { reference: string }) => c.reference)).toEqual([
      first.reference,
    ]);
  });

  it('logs a complaint made in person', async () => {
    const agent = await signIn(browser, app, app.staff.agent.email);
    await agent.getByRole('link', { name: 'Log a complaint' }).click();
    await agent.getByLabel('In person').check();
    await agent.getByLabel('Customer name').fill('Pip Person');
    await agent.getByLabel('Category').selectOption('customer-service');
    await agent.getByLabel('What happened').fill('Staff in the shop were rude.');
    await agent.getByRole('button', { name: 'Save complaint' }).click();
    await agent.getByRole('region', { name: 'Complaint reference' }).waitFor();
    await agent.getByText('An acknowledgement with this reference is on its way').waitFor();
    expect(await checkPage(agent, 'staff-log-complaint-in-person-saved')).toEqual([]);
  });
});

/** The complaint as the staff API gives it, fetched with the page's own session. */
async function fetchComplaint(
  page: Page,
  reference: string,
): Promise<{ customer: { name: string; otherComplaints: { reference: string }[] } }> {
  const body: unknown = await page.evaluate(async (ref) => {
    const res = await fetch(`/api/v1/complaints/${ref}`);
    return res.json();
  }, reference);
  return body as { customer: { name: string; otherComplaints: { reference: string }[] } };
}
