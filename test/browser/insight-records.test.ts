/**
 * Issue 12's records in the browser: a reviewer closing a complaint that reached attempt 2 must say what
 * caused it, from the procedure's grouped root-cause picker; the customer then gets the survey link by email
 * and answers it on a phone with one tap, adds a comment, and cannot change the answer by coming back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/app/issue-command.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import type { Command } from '../../src/domain/commands.ts';
import { checkPage, launchBrowser, newContext, PHONE } from './support/browser.ts';
import { signIn } from './support/staff.ts';
import { type StaffName, startWebApp, type WebApp } from './support/web-app.ts';

describe('root cause at closure, then the one-tap survey', () => {
  let app: WebApp;
  let browser: Browser;
  let reference = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    // A complaint at attempt 2 whose agreed step is done: the follow-up is next.
    const as = app.actor;
    ({ reference } = await recordComplaint(
      app.ctx,
      {
        customer: { name: 'Sam Survey', email: 'sam@example.org' },
        channel: 'phone',
        category: 'billing',
        description: 'Charged twice for October.',
        formal: true,
      },
      as('agent'),
    ));
    const run = (who: StaffName, command: Command) => issueCommand(app.ctx, reference, command, as(who));
    await run('agent', { type: 'not-practical', reason: 'Needs billing to look' });
    await run('reviewer', { type: 'take' });
    await run('reviewer', { type: 'record-review', findings: 'Double posting in the October run' });
    const proposed = await run('reviewer', {
      type: 'propose',
      summary: 'Refund the second charge',
      steps: [{ description: 'Refund £24.99', ownerId: app.staff.reviewer.id }],
      remedies: [{ type: 'apology' }, { type: 'credit-refund', amountPence: 2_499 }],
    });
    await run('reviewer', { type: 'record-response', outcome: 'agreed' });
    const stepId = proposed.attempts[1]?.proposal?.steps[0]?.id ?? '';
    await run('reviewer', { type: 'complete-step', stepId });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks the reviewer for a root cause from the grouped picker before closing', async () => {
    const reviewer: Page = await signIn(browser, app, app.staff.reviewer.email);
    await reviewer.goto(`${app.url}/staff/complaints/${reference}`);
    await reviewer.getByRole('heading', { level: 1, name: reference }).waitFor();

    await reviewer.getByRole('button', { name: 'Record follow-up' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByLabel(/^Satisfied/).check();
    const picker = dialog.getByLabel('Root cause', { exact: true });
    // Grouped: each broad cause heads its finer ones.
    expect(await picker.locator('optgroup').first().getAttribute('label')).toBe('Billing error');
    await dialog.getByRole('button', { name: 'Save follow-up' }).click();
    await dialog.getByText('Root cause: choose what caused the complaint').first().waitFor();
    expect(await checkPage(reviewer, 'insight-root-cause-missing')).toEqual([]);

    await picker.selectOption('billing-wrong-charge');
    await dialog.getByLabel('Lessons learned (optional)').fill('Check the October billing run for doubles');
    await dialog.getByRole('button', { name: 'Save follow-up' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reviewer.getByText('Root cause: Billing error › Charged wrongly or twice').waitFor();
    await reviewer.getByText(/Credit or refund: £24\.99/).waitFor();
    await reviewer.getByText(/Survey sent/).waitFor();
    expect(await checkPage(reviewer, 'insight-closed-with-root-cause')).toEqual([]);
    await reviewer.context().close();
  });

  it('lets the customer answer the emailed survey with one tap on a phone, once', async () => {
    await app.runJobs();
    const [link] = await app.surveyLinks();
    expect(link, 'the survey link was emailed').toBeDefined();
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(link as string);
    await page.getByRole('heading', { name: /How satisfied are you/ }).waitFor();
    expect(await checkPage(page, 'insight-survey-phone')).toEqual([]);

    await page.getByRole('button', { name: '4 – Satisfied' }).click();
    await page.getByText('You told us: 4 – Satisfied.').waitFor();
    await page.getByLabel('Anything you would like to add? (optional)').fill('Sorted quickly, thank you');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.getByText('Sorted quickly, thank you').waitFor();
    expect(await checkPage(page, 'insight-survey-answered-phone')).toEqual([]);

    // Coming back to the link shows the answer as given, with nothing to tap.
    await page.reload();
    await page.getByText('You told us: 4 – Satisfied.').waitFor();
    expect(await page.getByRole('button', { name: '1 – Very dissatisfied' }).count()).toBe(0);
    await page.context().close();

    const reviewer = await signIn(browser, app, app.staff.reviewer.email);
    await reviewer.goto(`${app.url}/staff/complaints/${reference}`);
    await reviewer.getByText(/4 of 5: Satisfied/).waitFor();
    await reviewer.context().close();
  });
});
