/**
 * In the browser: an admin opens a customer's record, downloads everything held about them (a ZIP), and asks
 * to erase it; with a complaint still open the erasure is refused and the page says why. Agents see no
 * personal-data section. Every state passes axe-core.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { checkPage, launchBrowser } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('personal data in the workspace', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an admin export a customer’s data, and refuses erasure with the reason while a complaint is open', async () => {
    const complaint = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Sasha Subject', email: 'sasha@example.org', phone: '01632 960 555' },
        channel: 'web',
        description: 'My bill doubled.',
        category: 'billing',
      },
      'the-customer',
    );
    const { customer_id: customerId } = await app.ctx.db.kysely
      .selectFrom('complaints')
      .select('customer_id')
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();

    const agent = await signIn(browser, app, app.staff.agent.email);
    await agent.goto(`${app.url}/staff/customers/${customerId}`);
    await agent.getByRole('heading', { level: 2, name: 'Possible duplicates' }).waitFor();
    expect(await agent.getByRole('heading', { name: 'Personal data' }).count()).toBe(0);

    const admin = await signIn(browser, app, app.staff.admin.email);
    await admin.goto(`${app.url}/staff/customers/${customerId}`);
    await admin.getByRole('heading', { level: 2, name: 'Personal data' }).waitFor();
    expect(await checkPage(admin, 'staff-customer-personal-data')).toEqual([]);

    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Export personal data (ZIP)' }).click();
    expect((await download).suggestedFilename()).toBe(`personal-data-${customerId}.zip`);

    await admin.getByRole('button', { name: 'Erase personal data…' }).click();
    await admin.getByText('Erase this customer’s personal data?').waitFor();
    expect(await checkPage(admin, 'staff-customer-erase-confirm')).toEqual([]);
    await admin.getByRole('button', { name: 'Erase', exact: true }).click();
    await admin.getByText(`has an open complaint (${complaint.reference})`).waitFor();
    expect(await checkPage(admin, 'staff-customer-erase-refused')).toEqual([]);
  });
});
