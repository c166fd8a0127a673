/**
 * The rest of the workspace in the browser: queues you can share and drive from the keyboard, and the admin
 * pages (users and roles, API tokens, the procedure in force). Every page passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { insertEmail } from '../../src/db/emails.ts';
import { checkPage, launchBrowser, PHONE } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('queues and admin pages', () => {
  let app: WebApp;
  let browser: Browser;
  let admin: Page;
  const references: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const agent = app.actor('agent');
    for (const [name, description] of [
      ['Ann Archer', 'Broadband drops every evening'],
      ['Ben Baker', 'Charged for a router I returned'],
      ['Cat Carter', 'Mobile signal gone since the mast work'],
    ] as const) {
      const created = await recordComplaint(
        app.ctx,
        { customer: { name }, channel: 'phone', category: 'service-quality', description, formal: false },
        agent,
      );
      references.push(created.reference);
    }
    admin = await signIn(browser, app, app.staff.admin.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('searches a queue through its address, and moves through it with the keyboard', async () => {
    await admin.goto(`${app.url}/staff/queues/all?q=router`);
    await admin.getByRole('link', { name: references[1] }).waitFor();
    expect(await admin.getByRole('link', { name: references[0] }).count()).toBe(0);
    expect(await admin.getByLabel('Search complaints').inputValue()).toBe('router');
    expect(await checkPage(admin, 'staff-queue-search')).toEqual([]);

    await admin.goto(`${app.url}/staff/queues/all`);
    await admin.getByRole('link', { name: references[2] }).waitFor();
    // The list's keys work once the table has the focus (never while typing, never page-wide).
    await admin.getByRole('region', { name: /^Complaints, use j and k/ }).focus();
    await admin.keyboard.press('j');
    await admin.keyboard.press('Enter');
    await admin.waitForURL('**/staff/complaints/**');
    await admin.getByRole('heading', { level: 1 }).waitFor();
  });

  it('adds a member of staff', async () => {
    await admin.goto(`${app.url}/staff/admin/users`);
    await admin.getByRole('heading', { level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Add a member of staff' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Nia New');
    await dialog.getByLabel('Email').fill('nia@test.redress');
    await dialog.getByLabel('Reviewer').check();
    await dialog.getByRole('button', { name: 'Add member of staff' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByText('nia@test.redress').filter({ visible: true }).waitFor();
    expect(await checkPage(admin, 'staff-admin-users')).toEqual([]);
  });

  it('creates an API token that works, shown once, and revokes it', async () => {
    await admin.goto(`${app.url}/staff/admin/tokens`);
    await admin.getByRole('heading', { level: 1 }).waitFor();
    await admin.getByLabel('Label').fill('Reporting script');
    await admin.getByRole('button', { name: /Create/ }).click();
    const secret = await admin.getByLabel('Your new token').inputValue();
    expect(secret).toMatch(/^rdr_/);
    const call = () =>
      fetch(`${app.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } }).then(
        (r) => r.status,
      );
    expect(await call()).toBe(200);
    expect(await checkPage(admin, 'staff-admin-tokens')).toEqual([]);
    await admin.getByRole('button', { name: 'I have copied it' }).click();
    await admin.getByRole('button', { name: /^Revoke Reporting script/ }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await admin.getByRole('button', { name: /^Revoke Reporting script/ }).waitFor({ state: 'detached' });
    expect(await call()).toBe(401);
  });

  it('creates a read-only token that expires, and shows a lockout an admin lifts', async () => {
    await admin.goto(`${app.url}/staff/admin/tokens`);
    await admin.getByRole('heading', { level: 1 }).waitFor();
    await admin.getByLabel('Label').fill('Dashboard feed');
    await admin.getByLabel('Read only').check();
    await admin.getByLabel('Expires on (optional)').fill('2027-03-31');
    await admin.getByRole('button', { name: /Create/ }).click();
    await admin.getByLabel('Your new token').waitFor();
    await admin.getByRole('button', { name: 'I have copied it' }).click();
    const row = admin.getByRole('row', { name: /Dashboard feed/ });
    await row.getByText('Read only').waitFor();
    await row.getByText('31 Mar 2027, 23:59').waitFor();
    expect(await checkPage(admin, 'staff-admin-tokens-scoped')).toEqual([]);

    const { recordFailedSignIn } = await import('../../src/app/sign-in-lockout.ts');
    const email = app.staff.agent.email;
    for (let i = 0; i < 5; i++) await recordFailedSignIn(app.ctx, email, app.staff.agent.id).catch(() => {});
    await admin.goto(`${app.url}/staff/admin/users`);
    // A table on a desktop and cards on a phone: only one of them shows.
    const locked = (page: Page) => page.getByText(/^Locked until/).filter({ visible: true });
    await locked(admin).waitFor();
    expect(await checkPage(admin, 'staff-admin-users-locked')).toEqual([]);
    // The badge, the roles and the email stay whole on a phone too (they were cut to "DIR…" beside it).
    const phone = await signIn(browser, app, app.staff.admin.email, { width: 375, height: 812 });
    await phone.goto(`${app.url}/staff/admin/users`);
    await locked(phone).waitFor();
    expect(await checkPage(phone, 'staff-admin-users-locked-phone')).toEqual([]);
    await phone.context().close();
    await admin.getByRole('button', { name: /^Unlock / }).click();
    await admin.getByText(/can sign in again: their failed sign-ins are forgotten/).waitFor();
    // The list is fetched again after the message shows: wait for it rather than read it at once.
    await locked(admin).waitFor({ state: 'detached' });
  });

  it('shows the procedure in force', async () => {
    await admin.goto(`${app.url}/staff/admin/procedure`);
    await admin.getByRole('heading', { level: 1 }).waitFor();
    await admin.getByText('Communications Ombudsman').first().waitFor();
    expect(await checkPage(admin, 'staff-admin-procedure')).toEqual([]);
  });

  it('shows the mail log, with why a message was ignored, and sign-in links only when asked for', async () => {
    await insertEmail(app.ctx.db.kysely, {
      id: 'browser-mail-1',
      complaintId: null,
      customerId: null,
      direction: 'in',
      kind: 'auto-reply',
      status: 'ignored',
      messageId: '<browser-mail-1@example.org>',
      inReplyTo: null,
      references: [],
      from: 'out-of-office@example.org',
      to: 'complaints@test.redress',
      subject: 'Out of office: back on Monday',
      text: 'I am away until Monday.',
      html: null,
      note: 'An automatic reply (Auto-Submitted: auto-replied): no complaint, no answer',
      sizeBytes: 120,
      createdAt: new Date().toISOString(),
    });
    await insertEmail(app.ctx.db.kysely, {
      id: 'browser-mail-link',
      complaintId: null,
      customerId: null,
      direction: 'out',
      kind: 'portal-link',
      status: 'sent',
      messageId: '<browser-mail-link@test.redress>',
      inReplyTo: null,
      references: [],
      from: 'complaints@test.redress',
      to: 'jo@example.org',
      subject: 'Your sign-in link',
      text: 'Sign in within 30 minutes.',
      html: null,
      note: null,
      sizeBytes: 90,
      createdAt: new Date().toISOString(),
    });
    await admin.goto(`${app.url}/staff/mail`);
    await admin.getByRole('heading', { level: 1, name: 'Mail' }).waitFor();
    // The list itself, its status badges whole and readable; the portal's sign-in links only when asked for.
    await admin.getByRole('button', { name: 'Out of office: back on Monday' }).waitFor();
    expect(await admin.getByRole('button', { name: 'Your sign-in link' }).count()).toBe(0);
    expect(await checkPage(admin, 'staff-mail-list')).toEqual([]);
    await admin.getByLabel('Show sign-in links').click();
    await admin.getByRole('button', { name: 'Your sign-in link' }).waitFor();
    await admin.waitForURL('**/staff/mail?signInLinks=include');
    const phone = await signIn(browser, app, app.staff.admin.email, PHONE);
    await phone.goto(`${app.url}/staff/mail`);
    await phone.getByRole('button', { name: 'Out of office: back on Monday' }).waitFor();
    expect(await checkPage(phone, 'staff-mail-phone')).toEqual([]);
    await phone.context().close();

    await admin.getByRole('button', { name: 'Out of office: back on Monday' }).click();
    await admin
      .getByRole('dialog')
      .getByText(/An automatic reply/)
      .waitFor();
    expect(await checkPage(admin, 'staff-mail')).toEqual([]);
    await admin.keyboard.press('Escape');
  });

  it('makes a message awaiting triage a complaint', async () => {
    await insertEmail(app.ctx.db.kysely, {
      id: 'browser-mail-2',
      complaintId: null,
      customerId: null,
      direction: 'in',
      kind: 'triage',
      status: 'received',
      messageId: '<browser-mail-2@example.org>',
      inReplyTo: null,
      references: [],
      from: 'dee@example.org',
      to: 'complaints@test.redress',
      subject: 'My router keeps rebooting',
      text: 'The router you sent me reboots every hour.',
      html: null,
      note: 'Awaiting triage: staff make it a complaint or dismiss it.',
      sizeBytes: 150,
      createdAt: new Date(app.ctx.now().getTime() - 60_000).toISOString(),
    });
    await admin.goto(`${app.url}/staff/mail?kind=triage`);
    await admin.getByRole('button', { name: 'My router keeps rebooting' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Category').selectOption('equipment');
    expect(await checkPage(admin, 'staff-mail-triage')).toEqual([]);
    await dialog.getByRole('button', { name: 'Make it a complaint' }).click();
    await dialog
      .getByRole('status')
      .getByRole('link', { name: /^MISO-26-/ })
      .click();
    await admin.getByRole('heading', { level: 1, name: /^MISO-26-/ }).waitFor();
  });

  it('tells an agent that users are for administrators', async () => {
    const agent = await signIn(browser, app, app.staff.agent.email);
    await agent.goto(`${app.url}/staff/admin/users`);
    await agent.getByText('Only administrators can manage users').waitFor();
    expect(await agent.getByRole('button', { name: 'Add a member of staff' }).count()).toBe(0);
  });
});
