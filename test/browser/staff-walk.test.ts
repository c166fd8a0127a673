/**
 * The staff workspace in the browser, the whole procedure: an agent logs a phone complaint, proposes two
 * steps, records agreement, completes them and records "not satisfied"; a reviewer runs attempt 2; a
 * director runs attempt 3 and declares deadlock; the ADR letter appears on the timeline. An agent is never
 * offered the director review. Every page passes axe-core and is kept as a screenshot.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchBrowser, PHONE } from './support/browser.ts';
import { runCommand, signIn } from './support/staff.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

describe('the staff workspace, attempt 1 to deadlock', () => {
  let app: WebApp;
  let browser: Browser;
  let agent: Page;
  let reference: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    agent = await signIn(browser, app, app.staff.agent.email);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const openComplaint = async (page: Page) => {
    await page.goto(`${app.url}/staff/complaints/${reference}`);
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
  };

  it('logs a phone complaint and shows the CRN to read out', async () => {
    expect(await checkPage(agent, 'staff-queue-mine')).toEqual([]);
    await agent.getByRole('link', { name: 'Log a complaint' }).click();
    await agent
      .getByRole('heading', { level: 1, name: 'Log a complaint (phone, letter, in person)' })
      .waitFor();
    await agent.getByRole('button', { name: 'Save complaint' }).click();
    await agent.getByText('There is a problem').waitFor();
    expect(await checkPage(agent, 'staff-log-call-errors')).toEqual([]);

    await agent.getByLabel('Customer name').fill('Jo Bloggs');
    await agent.getByLabel('Email', { exact: true }).fill('jo@example.org');
    await agent.getByLabel('Phone', { exact: true }).fill('01632 960 123');
    await agent.getByLabel('Small business').check();
    await agent.getByLabel('Category').selectOption('billing');
    await agent.getByLabel('What happened').fill('Charged twice for October; the second charge is £24.99.');
    await agent.getByLabel('What they want').fill('A refund of the second charge');
    await agent.getByLabel('They asked for a formal complaint').check();
    expect(await agent.getByLabel('Phone call').isChecked()).toBe(true);
    await agent.getByRole('button', { name: 'Save complaint' }).click();

    const shown = agent.getByRole('region', { name: 'Complaint reference' });
    await shown.waitFor();
    reference = ((await shown.textContent()) ?? '').match(/MISO-26-\d{6}-[A-Z]/)?.[0] ?? '';
    expect(reference).toMatch(/^MISO-26-\d{6}-[A-Z]$/);
    expect(await checkPage(agent, 'staff-log-call-saved')).toEqual([]);
  });

  it('proposes two steps, records agreement, completes them, and records "not satisfied"', async () => {
    await agent.getByRole('link', { name: 'Open the complaint' }).click();
    await agent.getByRole('heading', { level: 1, name: reference }).waitFor();
    // Moving to another page puts the focus on its heading, as a full page load would for a screen reader.
    await agent.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement
          .tagName === 'H1',
    );
    expect(await checkPage(agent, 'staff-complaint-attempt-1')).toEqual([]);

    await runCommand(agent, 'Propose remedial action', 'Save the proposal', async (dialog) => {
      await dialog
        .getByLabel('Summary of the proposal')
        .fill('Refund the second charge and correct the bill');
      await dialog.getByLabel('Step 1 description').fill('Refund £24.99');
      await dialog.getByLabel('Step 1 owner').selectOption({ label: app.staff.agent.name });
      await dialog.getByRole('button', { name: 'Add a step' }).click();
      await dialog.getByLabel('Step 2 description').fill('Send a corrected bill');
      await dialog.getByLabel('Step 2 owner').selectOption({ label: app.staff.agent.name });
    });
    await runCommand(agent, "Record customer's response", 'Save response', async (dialog) => {
      await dialog.getByLabel('Agreed to the proposal').check();
    });
    // The steps to mark done are in the Next step panel, each button named for its step.
    const nextStep = agent.getByRole('region', { name: 'Next step' });
    await nextStep.getByRole('button', { name: 'Mark step 2 done: Send a corrected bill' }).waitFor();
    await runCommand(agent, 'Mark step 1 done: Refund £24.99', 'Confirm step done');
    await runCommand(agent, 'Mark step 2 done: Send a corrected bill', 'Confirm step done');
    expect(await checkPage(agent, 'staff-complaint-follow-up')).toEqual([]);
    await runCommand(agent, 'Record follow-up', 'Save follow-up', async (dialog) => {
      await dialog.getByLabel('Not satisfied (escalates to the next attempt)').check();
      await dialog.getByLabel('Note (optional)').fill('Still being charged');
    });
    await agent.getByText('Resolution Attempt 2').first().waitFor();
  });

  it('a reviewer runs attempt 2, and the customer declines', async () => {
    const reviewer = await signIn(browser, app, app.staff.reviewer.email);
    await openComplaint(reviewer);
    await runCommand(reviewer, 'Record review', 'Save review', async (dialog) => {
      await dialog
        .getByLabel('Findings')
        .fill('A duplicate billing run on 3 October charged 412 customers twice');
    });
    await runCommand(reviewer, 'Propose remedial action', 'Save the proposal', async (dialog) => {
      await dialog.getByLabel('Summary of the proposal').fill('Refund plus a £10 goodwill credit');
      await dialog.getByLabel('Step 1 description').fill('Refund £24.99 and credit £10');
      await dialog.getByLabel('Step 1 owner').selectOption({ label: app.staff.reviewer.name });
    });
    await runCommand(reviewer, "Record customer's response", 'Save response', async (dialog) => {
      await dialog.getByLabel('Declined the proposal (escalates to the next attempt)').check();
    });
    await reviewer.getByText('Resolution Attempt 3').first().waitFor();
    expect(await checkPage(reviewer, 'staff-complaint-attempt-3-reviewer')).toEqual([]);
    await reviewer.context().close();
  });

  it('an agent is not offered the director review, and cannot act on it', async () => {
    await openComplaint(agent);
    expect(await agent.getByRole('link', { name: 'Open director review' }).count()).toBe(0);
    expect(await agent.getByRole('button', { name: 'Declare deadlock' }).count()).toBe(0);
    await agent.getByText('Only a director can carry out Resolution Attempt 3.').first().waitFor();
    await agent.goto(`${app.url}/staff/complaints/${reference}/director-review`);
    await agent.getByText('Only a director can carry out Resolution Attempt 3.').first().waitFor();
    expect(await agent.getByRole('button', { name: 'Declare deadlock' }).count()).toBe(0);
  });

  it('a director reviews every attempt side by side and declares deadlock: the ADR letter is on the timeline', async () => {
    const director = await signIn(browser, app, app.staff.director.email);
    await openComplaint(director);
    await director.getByRole('link', { name: 'Open director review' }).click();
    await director.getByRole('heading', { level: 1, name: /Director review/ }).waitFor();
    await director.getByText('A duplicate billing run on 3 October').first().waitFor();
    await director.getByText('Refund the second charge and correct the bill').first().waitFor();
    expect(await checkPage(director, 'staff-director-review')).toEqual([]);
    // Deadlock ends the director-level review, so the review comes first.
    expect(await director.getByRole('button', { name: 'Declare deadlock' }).count()).toBe(0);
    await runCommand(director, 'Record review', 'Save review', async (dialog) => {
      await dialog
        .getByLabel('Findings')
        .fill('The charges were refunded; the compensation asked for is beyond our policy');
    });
    await runCommand(
      director,
      'Declare deadlock',
      'Declare deadlock and issue the ADR letter',
      async (dialog) => {
        await dialog
          .getByLabel('Reason for deadlock')
          .fill('The customer wants compensation we cannot offer');
      },
    );
    await openComplaint(director);
    await director
      .getByText(/ADR letter issued/i)
      .first()
      .waitFor();
    expect(await checkPage(director, 'staff-complaint-deadlock')).toEqual([]);
  });

  it('shows the complaint in the deadlocked queue, on a phone too', async () => {
    const phone = await signIn(browser, app, app.staff.director.email, PHONE);
    await phone.goto(`${app.url}/staff/queues/awaiting-referral`);
    await phone.getByRole('link', { name: reference }).waitFor();
    expect(await checkPage(phone, 'staff-queue-awaiting-referral-phone')).toEqual([]);
    await phone.goto(`${app.url}/staff/complaints/${reference}`);
    await phone.getByRole('heading', { level: 1, name: reference }).waitFor();
    expect(await checkPage(phone, 'staff-complaint-phone')).toEqual([]);
  });
});
