/** The procedure's clocks, run by the job worker as `redress jobs run` runs it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runClockJob } from '../../src/app/run-clock-job.ts';
import { scheduleAdrSweep } from '../../src/app/sweep-adr-clock.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const DAY = 86_400_000;

describeEachDialect('clocks', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
  });
  afterAll(() => t.close());

  const runJobs = () => runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
  const raise = async (firstExpressedAt: string) => {
    const res = await t.as('agent').post('/complaints', phoneComplaint({ firstExpressedAt }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.reference as string;
  };
  const view = async (reference: string) => (await t.as('agent').get(`/complaints/${reference}`)).body;

  it('issues exactly one time-limit ADR letter to a complaint first expressed 43 days ago, with the complaint', async () => {
    t.setNow('2026-11-02T10:00:00Z');
    const reference = await raise(new Date(t.now().getTime() - 43 * DAY).toISOString());
    // Issued in the recording's own transaction, dated today, before any job runs: a worker down past
    // midnight cannot date it a day late.
    const recorded = (await view(reference)).adr;
    expect(recorded).toMatchObject({ dueOn: '2026-11-01' });
    expect(recorded.letters).toMatchObject([{ trigger: 'time-limit', issuedOn: '2026-11-02' }]);
    await runJobs();
    await runJobs();
    const after = await view(reference);
    expect(after.adr.letters).toHaveLength(1);
    expect(after.adr.letters[0]).toMatchObject({ trigger: 'time-limit', issuedOn: '2026-11-02' });
    expect(after.stage).toBe('attempt-1');
    expect(after.nextActions).toContain('record-referral');
  });

  it('sends the letter once a customer wrongly recorded as a large business is corrected', async () => {
    t.setNow('2026-03-02T10:00:00Z');
    const created = await t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: { name: 'Big Mistake Ltd', type: 'large-business' },
        firstExpressedAt: '2026-03-02T09:00:00Z',
      }),
    );
    const reference = created.body.reference;
    t.setNow('2026-05-01T10:00:00Z');
    await runJobs();
    expect((await view(reference)).adr).toMatchObject({ eligible: false, letters: [] });
    const customerId = (await view(reference)).customer.id;
    const corrected = await t.as('agent').patch(`/customers/${customerId}`, { type: 'small-business' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    // Issued with the correction, by the system, before any job or sweep runs: it is owed today.
    const now = await view(reference);
    expect(now.adr.eligible).toBe(true);
    expect(now.adr.letters).toMatchObject([{ trigger: 'time-limit', issuedOn: '2026-05-01' }]);
    expect(now.timeline.at(-1)).toMatchObject({ type: 'adr-letter-issued', actor: 'system' });
    await scheduleAdrSweep(t.ctx);
    await runJobs();
    expect((await view(reference)).adr.letters).toHaveLength(1);
  });

  it('sends the letter when a large business merges into a record the scheme takes, after the limit', async () => {
    t.setNow('2026-03-03T10:00:00Z');
    const created = await t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: { name: 'Duplicate Ltd', type: 'large-business', email: 'dup-ltd@example.test' },
        firstExpressedAt: '2026-03-03T09:00:00Z',
      }),
    );
    const reference = created.body.reference;
    const survivor = await t
      .as('agent')
      .post('/customers', { name: 'Duplicate Ltd', type: 'small-business' });
    expect(survivor.status, JSON.stringify(survivor.body)).toBe(201);
    t.setNow('2026-05-05T10:00:00Z');
    await runJobs();
    expect((await view(reference)).adr.letters).toEqual([]);
    const merged = await t.as('reviewer').post(`/customers/${(await view(reference)).customer.id}/merge`, {
      into: survivor.body.id,
      confirmDifferentType: true,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const after = await view(reference);
    expect(after.adr).toMatchObject({
      eligible: true,
      letters: [{ trigger: 'time-limit', issuedOn: '2026-05-05' }],
    });
    const types = after.timeline.map((e: { type: string }) => e.type);
    expect(types.indexOf('customer-merged')).toBeLessThan(types.indexOf('adr-letter-issued'));
  });

  it("issues an owed letter with the next change when the worker has not run the complaint's timer", async () => {
    t.setNow('2026-02-02T09:00:00Z');
    const reference = await raise('2026-02-02T08:00:00Z');
    // Eight weeks on (first expressed before 8 April 2026), the worker down since before midnight: its timer
    // is due but has not run.
    t.setNow('2026-03-30T07:30:00Z');
    const noted = await t
      .as('agent')
      .post(`/complaints/${reference}/add-note`, { text: 'Chased engineering' });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(noted.body.adr.letters).toMatchObject([{ trigger: 'time-limit', issuedOn: '2026-03-30' }]);
    const timeline = (await view(reference)).timeline.map((e: { type: string; actor: string }) => [
      e.type,
      e.actor,
    ]);
    expect(timeline).toContainEqual(['note', t.users.agent.id]);
    expect(timeline).toContainEqual(['adr-letter-issued', 'system']);
    await runJobs();
    expect((await view(reference)).adr.letters).toHaveLength(1);
  });

  it('looks again when the procedure lengthens the limit after the timer was set', async () => {
    t.setNow('2026-06-01T09:00:00Z');
    const reference = await raise('2026-06-01T08:00:00Z');
    const longer = { ...MISO_PROCEDURE, timescales: { ...MISO_PROCEDURE.timescales, adrLimitWeeks: 7 } };
    const ctx = { ...t.ctx, procedure: longer };
    const run = () => runDueJobs(t.db, jobHandlers(ctx), { now: t.now, owner: 'test' });
    t.setNow('2026-07-13T09:00:00Z'); // 6 weeks: the old timer fires, the new limit is not reached
    await run();
    expect((await view(reference)).adr.letters).toEqual([]);
    t.setNow('2026-07-20T09:00:00Z'); // 7 weeks
    await run();
    expect((await view(reference)).adr.letters).toMatchObject([
      { trigger: 'time-limit', issuedOn: '2026-07-20' },
    ]);
  });

  it('sends the letter on time when the procedure shortens the limit after the timer was set', async () => {
    t.setNow('2026-06-01T09:00:00Z');
    const reference = await raise('2026-06-01T08:00:00Z');
    const shorter = {
      ...MISO_PROCEDURE,
      timescales: { ...MISO_PROCEDURE.timescales, adrLimitWeeks: 5, adrWarningWeeks: [4] },
    };
    const ctx = { ...t.ctx, procedure: shorter };
    t.setNow('2026-07-06T09:00:00Z'); // 5 weeks: the timer set for 6 has not fired, the hourly sweep catches it
    await scheduleAdrSweep(ctx);
    await runDueJobs(t.db, jobHandlers(ctx), { now: t.now, owner: 'test' });
    expect((await view(reference)).adr.letters).toMatchObject([
      { trigger: 'time-limit', issuedOn: '2026-07-06' },
    ]);
  });

  it('gives a complaint first raised on 2026-04-01 eight weeks, not six', async () => {
    t.setNow('2026-04-01T09:00:00Z');
    const reference = await raise('2026-04-01T08:30:00Z');
    expect((await view(reference)).adr.dueOn).toBe('2026-05-27');
    t.setNow('2026-05-13T12:00:00Z'); // six weeks
    await runJobs();
    expect((await view(reference)).adr.letters).toEqual([]);
    t.setNow('2026-05-27T00:30:00Z'); // eight weeks, just after midnight in London
    await runJobs();
    expect((await view(reference)).adr.letters).toMatchObject([
      { trigger: 'time-limit', issuedOn: '2026-05-27' },
    ]);
  });

  it('sends no time-limit letter to a complaint closed before its limit', async () => {
    t.setNow('2026-06-01T09:00:00Z');
    const reference = await raise('2026-06-01T08:00:00Z');
    await t.as('agent').post(`/complaints/${reference}/withdraw`, { reason: 'Sorted by the customer' });
    t.setNow('2026-08-01T09:00:00Z');
    await runJobs();
    expect((await view(reference)).adr.letters).toEqual([]);
  });

  it('records warnings before the limit and alerts on an overdue step', async () => {
    t.setNow('2026-09-01T09:00:00Z');
    const reference = await raise('2026-09-01T08:00:00Z');
    await t.as('agent').post(`/complaints/${reference}/propose`, {
      summary: 'Fix',
      steps: [{ description: 'Engineer visit', ownerId: t.users.agent.id, dueOn: '2026-09-03' }],
    });
    await t.as('agent').post(`/complaints/${reference}/record-response`, { outcome: 'agreed' });
    t.setNow('2026-10-07T09:00:00Z'); // past week 5, before week 6
    await runJobs();
    const types = (await view(reference)).timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'adr-limit-warning')).toHaveLength(2);
    expect(types.filter((x: string) => x === 'step-overdue-alert')).toHaveLength(1);
    // A job run again (a crash between its commit and its completion) raises nothing twice.
    const complaint = await view(reference);
    const stepId = complaint.attempts[0].proposal.steps[0].id;
    expect(await runClockJob(t.ctx, 'step-overdue', { complaintId: complaint.id, stepId })).toBe(
      'nothing-to-do',
    );
    expect(await runClockJob(t.ctx, 'adr-warning', { complaintId: complaint.id, week: 5 })).toBe(
      'nothing-to-do',
    );
    expect(
      (await t.as('agent').get('/complaints?overdue=true')).body.items.map(
        (i: { reference: string }) => i.reference,
      ),
    ).toContain(reference);
  });

  it('closes a chased follow-up after 28 days of silence, not before', async () => {
    t.setNow('2026-07-01T09:00:00Z');
    const reference = await raise('2026-07-01T08:00:00Z');
    const proposed = await t.as('agent').post(`/complaints/${reference}/propose`, {
      summary: 'Credit',
      steps: [{ description: 'Apply credit', ownerId: null }],
    });
    expect(proposed.status).toBe(200);
    await t.as('agent').post(`/complaints/${reference}/record-response`, { outcome: 'agreed' });
    const stepId = (await view(reference)).attempts[0].proposal.steps[0].id;
    await t.as('agent').post(`/complaints/${reference}/complete-step`, { stepId });
    await t.as('agent').post(`/complaints/${reference}/record-follow-up`, { outcome: 'no-response' });
    t.setNow('2026-07-28T09:00:00Z');
    await runJobs();
    expect((await view(reference)).stage).toBe('attempt-1');
    t.setNow('2026-07-29T09:00:00Z');
    await runJobs();
    expect((await view(reference)).closure).toMatchObject({ reason: 'resolved-no-response' });
  });
});
