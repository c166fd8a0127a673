/**
 * Work that flows, in the browser: an agent says immediate action is not practical and the complaint shows
 * "Needs a reviewer" in the reviewers' queue; a reviewer signs in, lands on that queue, takes it and completes
 * attempt 2. An agent writes to the customer from a template, seeing the email before it goes. A director
 * sees the ADR letter, their reason where the customer will read it, before declaring deadlock, and the
 * letter issued is the one previewed. Managers see the workload and assign from a queue in bulk. Every page
 * and dialog passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/app/issue-command.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { seedDefaultTemplates } from '../../src/app/seed-default-templates.ts';
import type { Command } from '../../src/domain/commands.ts';
import { PDF } from '../support/files.ts';
import { checkPage, launchBrowser } from './support/browser.ts';
import { runCommand, signIn } from './support/staff.ts';
import { type StaffName, startWebApp, type WebApp } from './support/web-app.ts';

describe('routing, replies and previews', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    await seedDefaultTemplates(app.ctx);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const raise = async (
    name: string,
    email: string | null = `${name.split(' ')[0]?.toLowerCase()}@example.org`,
  ) => {
    const { reference } = await recordComplaint(
      app.ctx,
      {
        customer: { name, ...(email ? { email } : {}), phone: '01632 960 123' },
        channel: 'phone',
        category: 'billing',
        description: 'Charged twice for October.',
        desiredOutcome: 'A refund',
      },
      app.actor('agent'),
    );
    await app.runJobs();
    return reference;
  };
  const run = (reference: string, who: StaffName, command: Command) =>
    issueCommand(app.ctx, reference, command, app.actor(who));
  const open = async (page: Page, reference: string) => {
    await page.goto(`${app.url}/staff/complaints/${reference}`);
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
  };

  it('sends a complaint the agent cannot finish to the reviewers, one of whom lands there, takes it and completes attempt 2', async () => {
    const reference = await raise('Jo Bloggs');
    const agent = await signIn(browser, app, app.staff.agent.email);
    await open(agent, reference);
    await runCommand(agent, 'Immediate action not practical', 'Move to detailed review', async (dialog) => {
      await dialog.getByLabel('Reason').fill('We need the billing records from the finance team');
    });
    const needs = agent.getByRole('note').filter({ hasText: 'Needs a reviewer' });
    await needs.waitFor();
    // The agent cannot take it: only the role can.
    expect(await agent.getByRole('button', { name: 'Take it' }).count()).toBe(0);
    expect(await checkPage(agent, 'staff-complaint-needs-reviewer')).toEqual([]);
    await agent.goto(`${app.url}/staff/queues/waiting-attempt-2`);
    const row = agent.getByRole('row').filter({ hasText: reference });
    await row.getByText('Needs a reviewer').waitFor();
    await agent.context().close();

    const reviewer = await signIn(browser, app, app.staff.reviewer.email);
    expect(new URL(reviewer.url()).pathname).toBe('/staff/queues/waiting-attempt-2');
    await reviewer
      .getByRole('heading', { level: 1, name: 'Resolution Attempt 2 · needs a reviewer' })
      .waitFor();
    expect(await checkPage(reviewer, 'staff-queue-waiting-attempt-2')).toEqual([]);
    await reviewer.getByRole('link', { name: reference }).click();
    await reviewer.getByRole('heading', { level: 1, name: reference }).waitFor();
    await reviewer.getByRole('button', { name: 'Take it' }).click();
    await reviewer.getByRole('status').filter({ hasText: 'You own this complaint now' }).waitFor();
    expect(await reviewer.getByRole('note').filter({ hasText: 'Needs a reviewer' }).count()).toBe(0);

    await runCommand(reviewer, 'Record review', 'Save review', async (dialog) => {
      await dialog.getByLabel('Findings').fill('A duplicate billing run charged the customer twice');
    });
    await runCommand(reviewer, 'Propose remedial action', 'Save the proposal', async (dialog) => {
      await dialog.getByLabel('Summary of the proposal').fill('We will refund the second charge of £24.99.');
      await dialog.getByLabel('Step 1 description').fill('Refund £24.99');
      await dialog.getByLabel('Step 1 owner').selectOption({ label: app.staff.reviewer.name });
    });
    await runCommand(reviewer, "Record customer's response", 'Save response', async (dialog) => {
      await dialog.getByLabel('Agreed to the proposal').check();
    });
    await runCommand(reviewer, 'Mark step 1 done: Refund £24.99', 'Confirm step done');
    await runCommand(reviewer, 'Record follow-up', 'Save follow-up', async (dialog) => {
      await dialog.getByLabel(/^Satisfied/).check();
      // It reached attempt 2: the procedure asks what caused it.
      await dialog.getByLabel('Root cause', { exact: true }).selectOption('billing-wrong-charge');
    });
    await reviewer
      .getByText(/Closed/)
      .first()
      .waitFor();
    expect(await checkPage(reviewer, 'staff-complaint-resolved-at-attempt-2')).toEqual([]);
    await reviewer.context().close();
  });

  it('lets an agent write to the customer from a template, showing the email before it is sent', async () => {
    const reference = await raise('Sam Taylor');
    const agent = await signIn(browser, app, app.staff.agent.email);
    await open(agent, reference);
    await agent.getByRole('button', { name: 'Write to the customer' }).click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByLabel('Template').selectOption({ label: 'We’re looking into it' });
    await expect
      .poll(() => dialog.getByLabel('Subject').inputValue())
      .toBe('We’re looking into your complaint');
    await dialog.locator('#reply-files').setInputFiles({
      name: 'statement.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await dialog.getByRole('button', { name: 'Preview what the customer gets' }).click();
    const email = dialog.getByLabel(/^The email/);
    await email.waitFor();
    const shown = (await email.textContent()) ?? '';
    expect(shown).toContain('Dear Sam Taylor,');
    expect(shown).toContain(`Your Complaint Reference Number is ${reference}.`);
    expect(shown).toContain('Alex Agent');
    expect(shown).toContain('Attached: statement.pdf');
    expect(await checkPage(agent, 'staff-reply-preview')).toEqual([]);
    // Editing after the preview asks for a new one before anything can be sent.
    await dialog.getByLabel('Subject').fill('About your complaint');
    await dialog.getByText('preview it again before you confirm').waitFor();
    await dialog.getByRole('button', { name: 'Preview again' }).click();
    await dialog.getByRole('button', { name: 'Send the email' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.runJobs();
    await agent.reload();
    await agent.getByText(`[${reference}] About your complaint`).first().waitFor();
    await agent.getByRole('region', { name: 'Files' }).getByText('statement.pdf').waitFor();
    await agent.context().close();
  });

  it('shows the director the ADR letter with their reason before deadlock, and issues that very letter', async () => {
    const reference = await raise('Pat Lee');
    await run(reference, 'agent', { type: 'not-practical', reason: 'Needs a review' });
    await run(reference, 'reviewer', { type: 'take' });
    await run(reference, 'reviewer', { type: 'record-review', findings: 'Charges were correct' });
    await run(reference, 'reviewer', { type: 'escalate', reason: 'The customer asked for a director' });
    await run(reference, 'director', { type: 'take' });
    await run(reference, 'director', {
      type: 'record-review',
      findings: 'Both charges were for separate months',
    });
    const director = await signIn(browser, app, app.staff.director.email);
    expect(new URL(director.url()).pathname).toBe('/staff/queues/mine');
    await open(director, reference);
    await director.getByRole('button', { name: 'Declare deadlock' }).click();
    const dialog = director.getByRole('dialog');
    const reason = 'Both charges were for separate months, so we cannot refund either of them.';
    await dialog.getByLabel(/Reason for deadlock — quoted to the customer/).fill(reason);
    await dialog.getByRole('button', { name: 'Preview what the customer gets' }).click();
    const letter = dialog.getByLabel(/^The letter “Your ADR letter/);
    await letter.waitFor();
    const previewed = (await letter.textContent()) ?? '';
    expect(previewed).toMatch(new RegExp(`Our final position\\s+> ${reason.slice(0, 30)}`));
    expect(await checkPage(director, 'staff-deadlock-preview')).toEqual([]);
    await dialog.getByRole('button', { name: 'Declare deadlock and issue the ADR letter' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.runJobs();
    const issued = await app.ctx.db.kysely
      .selectFrom('documents')
      .select('text_content')
      .where('kind', '=', 'adr-letter-deadlock')
      .where(
        'complaint_id',
        '=',
        (
          await app.ctx.db.kysely
            .selectFrom('complaints')
            .select('id')
            .where('reference', '=', reference)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    expect(issued.text_content).toBe(previewed);
    await director.context().close();
  });

  it('shows managers the workload and lets them assign from a queue in bulk', async () => {
    const first = await raise('Kim One');
    const second = await raise('Lee Two');
    for (const reference of [first, second]) await run(reference, 'agent', { type: 'assign', ownerId: null });
    const director = await signIn(browser, app, app.staff.director.email);
    await director.getByRole('link', { name: 'Workload' }).click();
    await director.getByRole('heading', { level: 1, name: 'Workload' }).waitFor();
    await director.getByRole('rowheader', { name: /Nobody yet/ }).waitFor();
    expect(await checkPage(director, 'staff-workload')).toEqual([]);

    await director.goto(`${app.url}/staff/queues/waiting-attempt-1`);
    await director.getByRole('link', { name: first }).waitFor();
    await director.getByLabel(`Tick ${first} to assign it`).check();
    await director.getByLabel(`Tick ${second} to assign it`).check();
    await director.getByLabel('Assign them to').selectOption({ label: app.staff.agent.name });
    expect(await checkPage(director, 'staff-queue-bulk-assign')).toEqual([]);
    await director.getByRole('button', { name: 'Assign', exact: true }).click();
    await director.getByText('2 assigned.').waitFor();
    await expect.poll(() => director.getByRole('link', { name: first }).count()).toBe(0);
    await director.context().close();
  });
});
