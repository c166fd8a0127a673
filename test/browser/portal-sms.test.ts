/**
 * Customers who gave us only a phone number, in the browser on a phone-sized screen: with the SMS gateway
 * they get the sign-in link by text message and sign in with it; without one, the Track page says plainly
 * that links go by email only and gives our phone number. And /complain without JavaScript still says how
 * to complain. No sign-in token ever reaches the server's log.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { checkPage, launchBrowser, newContext, PHONE, screenshot } from './support/browser.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('a customer who gave only a phone number', () => {
  let browser: Browser;
  let withSms: WebApp;
  let emailOnly: WebApp;

  beforeAll(async () => {
    [browser, withSms, emailOnly] = await Promise.all([
      launchBrowser(),
      startWebApp({ sms: true }),
      startWebApp(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await withSms?.close();
    await emailOnly?.close();
  });

  async function phoneOnlyComplaint(app: WebApp, phone: string): Promise<string> {
    const complaint = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Tomos Text', phone },
        channel: 'phone',
        category: 'service-quality',
        description: 'My broadband drops every evening.',
        formal: true,
      },
      app.actor('agent'),
    );
    await app.runJobs();
    return complaint.reference;
  }

  it('receives the sign-in link by text message and signs in with it', async () => {
    const reference = await phoneOnlyComplaint(withSms, '07700 900 321');
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(`${withSms.url}/track?reference=${reference}`);
    await page
      .getByText('We email the link to your email address, or text it to your mobile phone.')
      .waitFor();
    await page.getByLabel('Email address or mobile number').fill('+44 (0)7700 900321');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    const sent = page.getByRole('status');
    await sent.getByText('Check your phone').waitFor();
    expect(await sent.textContent()).toContain('sent a link to sign in to your mobile phone by text message');
    expect(await checkPage(page, 'portal-track-sms-sent')).toEqual([]);

    await withSms.runJobs();
    const [text] = withSms.smsGateway?.texts ?? [];
    expect(text?.to).toBe('+447700900321');
    const link = (await withSms.signInLinks('+447700900321')).at(-1);
    expect(link, 'the link arrived by text').toBeDefined();
    await page.goto(link as string);
    await page.getByRole('heading', { level: 1, name: 'Your complaint' }).waitFor();
    expect(page.url()).toContain(`/track/complaints/${reference}`);
    await page.getByRole('region', { name: 'What happens next' }).waitFor();
    expect(await checkPage(page, 'portal-complaint-by-sms')).toEqual([]);

    // The server logged the visit to the sign-in address, but never the token in it.
    const token = new URL(link as string).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(withSms.logs.filter((line) => line.includes(token))).toEqual([]);
    expect(withSms.logs.some((line) => line.includes('/track/sign-in?token=(hidden)'))).toBe(true);
    await page.context().close();
  });

  it('is told, without a gateway, that links go by email only and which number to call', async () => {
    const reference = await phoneOnlyComplaint(emailOnly, '07700 900 654');
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(`${emailOnly.url}/track?reference=${reference}`);
    await page.getByText('Sign-in links go by email only').waitFor();
    await page.getByText(/If you gave us only a phone number, call us on 01531 576 006/).waitFor();
    expect(await checkPage(page, 'portal-track-email-only')).toEqual([]);

    await page.getByLabel('Email address').fill('07700 900654');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(
      await page.getByText(/Enter your email address\. We send sign-in links by email only/).count(),
    ).toBe(
      2, // in the summary and at the field
    );
    expect(await checkPage(page, 'portal-track-email-only-error')).toEqual([]);
    await emailOnly.runJobs();
    expect(await emailOnly.signInLinks()).toEqual([]);
    expect(emailOnly.logs.filter((line) => /token=(?!\(hidden\))/.test(line))).toEqual([]);
    await page.context().close();
  });

  it('finds how to complain by phone, email and post on /complain without JavaScript', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${emailOnly.url}/complain`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
    expect(await page.getByRole('link', { name: '01531 576 006' }).getAttribute('href')).toBe(
      'tel:01531576006',
    );
    await page.getByRole('link', { name: 'enquiries@miso-comms.net' }).waitFor();
    await screenshot(page, 'portal-complain-without-javascript');
    expect(await page.locator('address').textContent()).toContain('HR8 1AA');
    await context.close();
  });
});
