/**
 * A customer's whole journey in the browser, on a phone-sized screen: raise a complaint on the web, sign in
 * with the one-time link, decline a proposal, accept the next, answer "Yes" to the follow-up and see the
 * complaint closed — never seeing an internal note, and never another customer's complaint.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/app/issue-command.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import type { Command } from '../../src/domain/commands.ts';
import { checkPage, launchBrowser, newContext, PHONE } from './support/browser.ts';
import { type StaffName, startWebApp, type WebApp } from './support/web-app.ts';

const SECRET_NOTE = 'Internal: customer sounded cross, check the billing run';

describe('a customer on the portal', () => {
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

  const asStaff = (name: StaffName, command: Command) =>
    issueCommand(app.ctx, reference, command, app.actor(name));
  const complaint = () => page.getByRole('heading', { level: 1, name: 'Your complaint' });

  it('raises a complaint on the web and is given its reference', async () => {
    await page.goto(`${app.url}/complain`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Sending the empty form lists what is missing, each linked to its field.
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await checkPage(page, 'portal-complain-errors')).toEqual([]);

    await page.getByLabel('Your name').fill('Priya Shah');
    await page.getByLabel('Email address').fill('priya@example.org');
    await page.getByLabel('A household (a residential customer)').check();
    await page.getByLabel('A bill or a charge').check();
    await page.getByLabel('What happened?').fill('I was charged twice for October.');
    await page.getByLabel('Yes, I want to make a formal complaint').check();
    expect(await checkPage(page, 'portal-complain')).toEqual([]);
    await page.getByRole('button', { name: 'Send complaint' }).click();

    const shown = page.getByRole('region', { name: 'Your complaint reference' });
    await shown.waitFor();
    reference = ((await shown.locator('strong').textContent()) ?? '').trim();
    expect(reference).toMatch(/^MISO-26-\d{6}-[A-Z]$/);
    await page.getByText('We are emailing a copy of this acknowledgement').waitFor();
    expect(await page.getByText('priya@example.org').count()).toBe(1);
    expect(await checkPage(page, 'portal-complaint-sent')).toEqual([]);
  });

  it('asks for a sign-in link and signs in with it', async () => {
    await page.getByRole('link', { name: 'Track your complaint' }).click();
    await page.getByLabel('Complaint reference number').waitFor();
    expect(await page.getByLabel('Complaint reference number').inputValue()).toBe(reference);
    await page.getByLabel('Email address').fill('priya@example.org');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByText('If those details match our records, we have emailed you a link').waitFor();
    expect(await checkPage(page, 'portal-track')).toEqual([]);

    await app.runJobs();
    const link = (await app.signInLinks()).at(-1);
    expect(link).toBeDefined();
    await page.goto(link as string);
    await complaint().waitFor();
    expect(page.url()).toContain(`/track/complaints/${reference}`);
    // What happens next, and from when the customer may go to the ombudsman, in plain words with the date.
    await page.getByRole('region', { name: 'What happens next' }).getByText('We are looking into').waitFor();
    const adr = page.getByRole('region', { name: 'Going to the ombudsman' });
    expect(await adr.textContent()).toMatch(/not resolved by \d+ \w+ \d{4}, we will send you an ADR letter/);
    expect(await checkPage(page, 'portal-complaint')).toEqual([]);

    // The link works once.
    const again = await (await newContext(browser, PHONE)).newPage();
    await again.goto(link as string);
    await again.getByRole('heading', { name: 'This sign-in link has expired' }).waitFor();
  });

  it('declines a proposal, which takes the complaint to the next attempt', async () => {
    await asStaff('agent', { type: 'add-note', text: SECRET_NOTE });
    await asStaff('agent', {
      type: 'propose',
      summary: 'A £5 credit for the trouble',
      steps: [{ description: 'Apply a £5 credit', ownerId: app.staff.agent.id }],
    });
    await page.reload();
    await page.getByText('A £5 credit for the trouble').first().waitFor();
    expect(await checkPage(page, 'portal-proposal')).toEqual([]);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByText('Done').first().waitFor();
    await page.getByRole('button', { name: 'Decline' }).waitFor({ state: 'detached' });
    expect(await page.getByText(SECRET_NOTE).count()).toBe(0);
  });

  it('accepts the next proposal and answers Yes to the follow-up: the complaint closes', async () => {
    await asStaff('reviewer', { type: 'record-review', findings: 'The second charge was a duplicate run' });
    await asStaff('reviewer', {
      type: 'propose',
      summary: 'Refund the second charge of £24.99',
      steps: [{ description: 'Refund £24.99', ownerId: app.staff.reviewer.id }],
    });
    await page.reload();
    await page.getByText('Refund the second charge of £24.99').first().waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('button', { name: 'Accept' }).waitFor({ state: 'detached' });

    const loaded = await app.ctx.db.kysely
      .selectFrom('steps')
      .innerJoin('complaints', 'complaints.id', 'steps.complaint_id')
      .select('steps.id')
      .where('complaints.reference', '=', reference)
      .where('steps.attempt_number', '=', 2)
      .execute();
    for (const step of loaded) await asStaff('reviewer', { type: 'complete-step', stepId: step.id });

    await page.reload();
    await page.getByRole('heading', { name: 'Has this resolved your complaint?' }).waitFor();
    // Each answer says what it does.
    await page.getByRole('button', { name: 'No — pass it to the next stage for review' }).waitFor();
    expect(await checkPage(page, 'portal-follow-up')).toEqual([]);
    await page.getByRole('button', { name: 'Yes — close my complaint' }).click();
    await page
      .getByRole('heading', { name: 'Has this resolved your complaint?' })
      .waitFor({ state: 'detached' });
    await page.reload();
    await complaint().waitFor();
    expect(await page.getByText(/closed/i).count()).toBeGreaterThan(0);
    expect(await page.getByText(SECRET_NOTE).count()).toBe(0);
    expect(await checkPage(page, 'portal-closed')).toEqual([]);
  });

  it('cannot open another customer’s complaint by changing the reference, and the API refuses it too', async () => {
    const other = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Someone Else', email: 'else@example.org' },
        channel: 'phone',
        category: 'billing',
        description: 'Not Priya’s complaint: a private matter',
        formal: false,
      },
      app.actor('agent'),
    );
    await page.goto(`${app.url}/track/complaints/${other.reference}`);
    await page.getByText('We could not find that complaint for you').waitFor();
    expect(await page.getByText('a private matter').count()).toBe(0);
    const status = await page.evaluate(
      // The body read too: an API answer is no-store, and Chromium keeps an unread one in flight, so the page
      // would never fall network-idle.
      (ref) =>
        fetch(`/api/v1/portal/complaints/${ref}`).then(async (r) => {
          await r.text();
          return r.status;
        }),
      other.reference,
    );
    expect(status).toBe(404);
    expect(await checkPage(page, 'portal-not-yours')).toEqual([]);
  });
});
