/**
 * Letters in the browser. Staff see a complaint's letters and download the PDF as issued, its plain text and
 * (once there is an ADR letter) the ombudsman case file, or read why the case file was refused; the timeline
 * narrows to what people did or what Redress did by itself; the referral says when an accepted remedy
 * is overdue, and takes the case fee. The print queue lists a letter for a customer who takes post until it
 * is marked posted, and explains when someone else marked it first. The customer downloads their letters in
 * the portal.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/app/issue-command.ts';
import { markLetterPosted } from '../../src/app/print-queue.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { requestPortalLink } from '../../src/app/request-portal-link.ts';
import { londonDate } from '../../src/domain/time.ts';
import { checkPage, launchBrowser, newContext, PHONE } from './support/browser.ts';
import { runCommand, signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

const DAY = 86_400_000;
const ADDRESS = { addressLines: ['12 Acacia Avenue', 'Little Whinging'], postcode: 'WA1 1AA' };

/** The first bytes of a file the browser downloaded. */
async function magic(download: Download, length: number): Promise<string> {
  return (await readFile(await download.path())).subarray(0, length).toString('latin1');
}

/** The first bytes of what a link on the page serves, fetched with the page's cookies. */
function fetchMagic(page: Page, href: string, length: number): Promise<string> {
  return page.evaluate(
    async ([url, n]) => {
      const bytes = new Uint8Array(await (await fetch(url as string)).arrayBuffer()).slice(0, n as number);
      return String.fromCharCode(...bytes);
    },
    [href, length] as const,
  );
}

describe('letters, the print queue and the case file', () => {
  let app: WebApp;
  let browser: Browser;
  let director: Page;
  let emailed: string;
  let byPost: string;
  let postedElsewhere: string;
  let referred: string;

  const raise = async (customer: Record<string, unknown> & { name: string }, description: string) =>
    (
      await recordComplaint(
        app.ctx,
        { customer, channel: 'phone', category: 'billing', description, formal: true },
        app.actor('agent'),
      )
    ).reference;
  const open = async (page: Page, reference: string) => {
    await page.goto(`${app.url}/staff/complaints/${reference}`);
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const now = app.ctx.now();
    emailed = await raise({ name: 'Eve Email', email: 'eve@example.org', ...ADDRESS }, 'Charged twice');
    byPost = await raise({ name: 'Pip Post', preferredChannel: 'letter', ...ADDRESS }, 'No dial tone');
    postedElsewhere = await raise(
      { name: 'Pat Parcel', preferredChannel: 'letter', ...ADDRESS },
      'Slow line',
    );

    // Two months ago: deadlock, the referral, and a decision the customer accepted. Its remedy is overdue now.
    app.setNow(new Date(now.getTime() - 60 * DAY).toISOString());
    const then = londonDate(app.ctx.now());
    referred = await raise({ name: 'Rae Referral', email: 'rae@example.org', ...ADDRESS }, 'Line cut off');
    for (const command of [
      { type: 'declare-deadlock' as const, reason: 'We stand by our offer of a £10 credit' },
      { type: 'record-referral' as const, schemeCaseReference: 'CO-2026-4471', referredOn: then },
      {
        type: 'record-ombudsman-outcome' as const,
        outcome: 'upheld' as const,
        decidedOn: then,
        remedy: { apology: true, explanation: false, action: 'Refund the October charges', awardPence: 5000 },
        customerAccepted: true,
      },
    ]) {
      await issueCommand(app.ctx, referred, command, app.actor('director'));
    }
    app.setNow(now.toISOString());
    await app.runJobs();
    director = await signIn(browser, app, app.staff.director.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a complaint’s letters; the PDF, its plain text and the case file download', async () => {
    await open(director, emailed);
    const letters = director.getByRole('region', { name: 'Letters' });
    await letters.getByText('Sent with an email').first().waitFor();

    const [pdf] = await Promise.all([
      director.waitForEvent('download'),
      letters
        .getByRole('link', { name: /^Download PDF of / })
        .first()
        .click(),
    ]);
    expect(await magic(pdf, 4)).toBe('%PDF');
    const text = await letters
      .getByRole('link', { name: /^Plain text of / })
      .first()
      .getAttribute('href');
    expect(text).toMatch(/\?format=text$/);
    const plain = await director.evaluate((href) => fetch(href).then((r) => r.text()), text as string);
    expect(plain).toContain(emailed);

    // Acknowledged (its letter went with the email), at attempt 1: no acknowledgement date to chase and no
    // case file for the ombudsman yet.
    await director.getByRole('region', { name: 'The complaint' }).getByText('12 Acacia Avenue').waitFor();
    expect(await director.getByText(/^Acknowledge by /).count()).toBe(0);
    expect(await director.getByRole('region', { name: 'Case file for the ombudsman' }).count()).toBe(0);
    expect(await checkPage(director, 'staff-complaint-letters')).toEqual([]);

    // The ZIP is saved once the server has built it, under the server's name; then the page shows the
    // export on the trail without a reload.
    await open(director, referred);
    const [zip] = await Promise.all([
      director.waitForEvent('download'),
      director.getByRole('button', { name: 'Download case file (ZIP)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe(`${referred}-case-file.zip`);
    expect(await magic(zip, 2)).toBe('PK');
    await director.getByText('Case file exported for the ombudsman').waitFor();
    await director
      .getByText(/^Letter issued: /)
      .first()
      .waitFor();
    expect(await checkPage(director, 'staff-complaint-case-file')).toEqual([]);
  });

  it('narrows the timeline to what people did, or to what Redress did by itself', async () => {
    await open(director, referred);
    const timeline = director.getByRole('region', { name: 'Timeline' });
    const entries = timeline.getByRole('list', { name: /^Timeline, newest first/ });
    await entries.getByText('Deadlock declared', { exact: true }).waitFor();
    await entries
      .getByText(/^Email sent: /)
      .first()
      .waitFor();

    await timeline.getByText('People', { exact: true }).click();
    await timeline.getByRole('list', { name: 'Timeline, newest first: people only' }).waitFor();
    await entries.getByText('Deadlock declared', { exact: true }).waitFor();
    expect(await entries.getByText(/^Email sent: /).count()).toBe(0);

    await timeline.getByText('Automatic', { exact: true }).click();
    await timeline.getByRole('list', { name: 'Timeline, newest first: automatic only' }).waitFor();
    await entries
      .getByText(/^Email sent: /)
      .first()
      .waitFor();
    expect(await entries.getByText('Deadlock declared', { exact: true }).count()).toBe(0);
    expect(await checkPage(director, 'staff-complaint-timeline-automatic')).toEqual([]);
  });

  it('explains it when the case file is refused, and saves no file', async () => {
    const page = await signIn(browser, app, app.staff.agent.email);
    await open(page, referred);
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.context().clearCookies();

    const caseFile = page.getByRole('region', { name: 'Case file for the ombudsman' });
    await caseFile.getByRole('button', { name: 'Download case file (ZIP)' }).click();
    await caseFile.getByRole('alert').getByText('Please sign in').waitFor();
    expect(downloads).toBe(0);
    expect(await checkPage(page, 'staff-case-file-refused')).toEqual([]);
    await page.context().close();
  });

  it('says an accepted ombudsman remedy is overdue, and records the case fee', async () => {
    await open(director, referred);
    await director.getByText('CO-2026-4471', { exact: true }).waitFor();
    await director.getByText(/^Overdue by \d+ days/).waitFor();
    await runCommand(director, 'Record case fee', 'Save case fee', async (dialog) => {
      await dialog.getByLabel('Case fee in pounds').fill('£350');
    });
    await director.getByText('Case fee saved: £350.00.').waitFor();
    await director.getByText('ADR case fee recorded').waitFor();
    expect(await checkPage(director, 'staff-complaint-referral')).toEqual([]);
  });

  it('lists letters to post; marking one posted moves it under Posted', async () => {
    const phone = await signIn(browser, app, app.staff.agent.email, PHONE);
    await phone.goto(`${app.url}/staff/print-queue`);
    await phone.getByRole('link', { name: byPost }).waitFor();
    expect(await checkPage(phone, 'staff-print-queue-phone')).toEqual([]);
    await phone.context().close();

    await director.getByRole('link', { name: 'Print queue' }).click();
    await director.getByRole('heading', { level: 1, name: 'Print queue' }).waitFor();
    const row = director.getByRole('row').filter({ has: director.getByRole('link', { name: byPost }) });
    await row.waitFor();
    expect(await checkPage(director, 'staff-print-queue')).toEqual([]);
    const href = await row.getByRole('link', { name: /^Download PDF of / }).getAttribute('href');
    expect(await fetchMagic(director, href as string, 4)).toBe('%PDF');

    await row.getByRole('button', { name: /^Mark posted the letter/ }).click();
    const dialog = director.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Mark posted' }).click();
    await dialog.waitFor({ state: 'detached' });
    await director
      .getByRole('status')
      .getByText(/is now under Posted/)
      .waitFor();
    expect(await director.getByRole('link', { name: byPost }).count()).toBe(0);

    await director.getByRole('tab', { name: 'Posted' }).click();
    await director.getByRole('link', { name: byPost }).waitFor();
    expect(await checkPage(director, 'staff-print-queue-posted')).toEqual([]);
  });

  it('explains it when someone else marked the letter posted first', async () => {
    await director.getByRole('tab', { name: 'To post' }).click();
    const row = director
      .getByRole('row')
      .filter({ has: director.getByRole('link', { name: postedElsewhere }) });
    await row.waitFor();
    const queue = await director.evaluate(() =>
      fetch('/api/v1/print-queue').then(
        (r) => r.json() as Promise<{ items: { id: string; reference: string }[] }>,
      ),
    );
    const letter = queue.items.find((i) => i.reference === postedElsewhere);
    await markLetterPosted(app.ctx, letter?.id ?? '', app.actor('agent'));

    await row.getByRole('button', { name: /^Mark posted the letter/ }).click();
    await director.getByRole('dialog').getByRole('button', { name: 'Mark posted' }).click();
    await director.getByRole('alert').getByText('This letter was already marked posted').waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('lets the customer download their letters in the portal', async () => {
    await requestPortalLink(app.ctx, { reference: emailed, contact: 'eve@example.org' });
    await app.runJobs();
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto((await app.signInLinks()).at(-1) as string);
    await page.getByRole('heading', { level: 1, name: 'Your complaint' }).waitFor();
    const letters = page.getByRole('region', { name: 'Your letters' });
    const href = await letters
      .getByRole('link', { name: /^Download PDF of / })
      .first()
      .getAttribute('href');
    expect(href).toContain(`/api/v1/portal/complaints/${emailed}/letters/`);
    expect(await fetchMagic(page, href as string, 4)).toBe('%PDF');
    await letters
      .getByRole('link', { name: /^Plain text version of / })
      .first()
      .waitFor();
    expect(await checkPage(page, 'portal-letters')).toEqual([]);
    await page.context().close();
  });
});
