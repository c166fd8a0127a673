/**
 * A customer attaches a PDF and a PNG on /complain; staff download them; a 20 MB file or an executable
 * disguised as a PNG is refused with a clear message and nothing stored.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXE, PDF, PNG } from '../support/files.ts';
import { checkPage, launchBrowser, newContext, PHONE, screenshot } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('files a customer attaches on the website', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    page = await (await newContext(browser, PHONE)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const stored = async () => {
    const n = async (table: 'complaints' | 'uploads') =>
      Number(
        (
          await app.ctx.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { complaints: await n('complaints'), uploads: await n('uploads') };
  };
  const files = () => page.locator('#attachments');
  const problem = () => page.getByRole('alert').filter({ hasText: 'There is a problem' });

  it('refuses a 20 MB file and an executable disguised as a PNG, saying why, and stores nothing', async () => {
    await page.goto(`${app.url}/complain`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Your name').fill('Femi Files');
    await page.getByLabel('Email address').fill('femi@example.org');
    await page.getByLabel('A household (a residential customer)').check();
    await page.getByLabel('A bill or a charge').check();
    await page.getByLabel('What happened?').fill('Charged twice; my bill and a screenshot are attached.');
    await page.getByLabel('Yes, I want to make a formal complaint').check();

    await files().setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(20 * 1024 * 1024, 0x25),
    });
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await problem().getByText('Files: scan.pdf is 20.0 MB: each file can be at most 5.0 MB').waitFor();
    expect(await checkPage(page, 'portal-upload-too-large')).toEqual([]);
    expect(await stored()).toEqual({ complaints: 0, uploads: 0 });

    await page.getByRole('button', { name: 'Remove scan.pdf' }).click();
    await files().setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: EXE });
    await page.getByRole('button', { name: 'Send complaint' }).click();
    // The browser cannot tell; the server reads the bytes and refuses, naming the file.
    await problem().getByText('Files: holiday.png is not a PNG image: its content is a .exe file').waitFor();
    expect(await checkPage(page, 'portal-upload-disguised-exe')).toEqual([]);
    expect(await stored()).toEqual({ complaints: 0, uploads: 0 });
  });

  it('sends a PDF and a PNG with the complaint', async () => {
    await page.getByRole('button', { name: 'Remove holiday.png' }).click();
    await files().setInputFiles([
      { name: 'October bill.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'app screenshot.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await page.getByRole('list', { name: 'Files to send' }).getByText('October bill.pdf').waitFor();
    expect(await checkPage(page, 'portal-upload-chosen')).toEqual([]);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const shown = page.getByRole('region', { name: 'Your complaint reference' });
    await shown.waitFor();
    reference = ((await shown.locator('strong').textContent()) ?? '').trim();
    expect(reference).toMatch(/^MISO-\d{2}-\d{6}-[A-Z]$/);
    expect(await stored()).toEqual({ complaints: 1, uploads: 2 });
  });

  it('lets staff download both, byte for byte, from the complaint’s timeline', async () => {
    const staff = await signIn(browser, app, app.staff.agent.email);
    await staff.goto(`${app.url}/staff/complaints/${reference}`);
    const uploads = staff.getByRole('listitem').filter({ hasText: 'File uploaded by the customer' });
    await uploads.first().waitFor();
    expect(await uploads.count()).toBe(2);
    await screenshot(staff, 'staff-complaint-uploads');
    for (const [name, bytes] of [
      ['October bill.pdf', PDF],
      ['app screenshot.png', PNG],
    ] as const) {
      const [download] = await Promise.all([
        staff.waitForEvent('download'),
        uploads
          .filter({ hasText: name })
          .getByRole('link', { name: `Download ${name}` })
          .click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      expect((await readFile(await download.path())).equals(bytes)).toBe(true);
    }
    expect(await checkPage(staff, 'staff-complaint-uploads')).toEqual([]);
  });
});
