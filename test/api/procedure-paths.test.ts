/**
 * Every path of the seed procedure, over HTTP, on both dialects, through the client typed from the OpenAPI
 * document: a command renamed or a body changed in the API fails `tsc` here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import {
  type CommandBody,
  command,
  type NewComplaint,
  newComplaint,
  startApi,
  type TestApi,
  type TypedClient,
} from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('the procedure over HTTP', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  async function raise(overrides: Partial<NewComplaint> = {}) {
    const { data, error } = await t
      .typed('agent')
      .POST('/api/v1/complaints', { body: newComplaint(overrides) });
    if (!data) throw new Error(`not raised: ${JSON.stringify(error)}`);
    return data.reference;
  }
  async function view(client: TypedClient, reference: string) {
    const { data, error } = await client.GET('/api/v1/complaints/{reference}', {
      params: { path: { reference } },
    });
    if (!data) throw new Error(`not found: ${JSON.stringify(error)}`);
    return data;
  }
  const proposal = (owner: string | null): CommandBody<'propose'> => ({
    summary: 'Refund the second charge',
    steps: [
      { description: 'Refund £24.99', ownerId: owner },
      { description: 'Send a corrected bill', ownerId: null, dueOn: '2026-11-10' },
    ],
  });
  async function implementAndFollowUp(
    client: TypedClient,
    reference: string,
    outcome: CommandBody<'record-follow-up'>['outcome'],
  ) {
    const agreed = await command(client, reference, 'record-response', { outcome: 'agreed' });
    const steps = agreed.attempts.at(-1)?.proposal?.steps ?? [];
    expect(steps).toHaveLength(2);
    for (const step of steps) {
      await command(client, reference, 'complete-step', { stepId: step.id });
    }
    return command(client, reference, 'record-follow-up', { outcome, rootCause: 'billing-wrong-charge' });
  }

  it('resolves at attempt 1', async () => {
    const agent = t.typed('agent');
    const reference = await raise();
    expect(reference).toMatch(/^MISO-26-\d{6}-[A-Z]$/);
    const first = await view(agent, reference);
    expect(first.stage).toBe('attempt-1');
    expect(first.nextActions).toContain('propose');
    await command(agent, reference, 'propose', proposal(t.users.agent.id));
    const closed = await implementAndFollowUp(agent, reference, 'satisfied');
    expect(closed.stage).toBe('closed');
    expect(closed.closure).toMatchObject({ reason: 'resolved', rootCause: 'billing-wrong-charge' });
    expect(closed.nextActions).toEqual(['record-root-cause', 'log-contact', 'add-note', 'reply']);
    expect(closed.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['complaint-recorded', 'proposal-made', 'step-completed', 'closed']),
    );
  });

  it('goes from "not practical" to attempt 2 and resolves there', async () => {
    const reference = await raise();
    const moved = await command(t.typed('agent'), reference, 'not-practical', {
      reason: 'Needs the billing team',
    });
    expect(moved.stage).toBe('attempt-2');
    const reviewer = t.typed('reviewer');
    await command(reviewer, reference, 'record-review', { findings: 'A duplicate billing run on 3 October' });
    await command(reviewer, reference, 'propose', proposal(t.users.reviewer.id));
    const closed = await implementAndFollowUp(reviewer, reference, 'satisfied');
    expect(closed.stage).toBe('closed');
    expect(closed.attempts.map((a) => a.outcome)).toEqual(['escalated', 'resolved']);
  });

  it('goes to the director-level review after two declines and resolves at attempt 3', async () => {
    const reference = await raise();
    await command(t.typed('agent'), reference, 'propose', proposal(null));
    const atTwo = await command(t.typed('agent'), reference, 'record-response', { outcome: 'declined' });
    expect(atTwo.stage).toBe('attempt-2');
    await command(t.typed('reviewer'), reference, 'record-review', { findings: 'Looked again' });
    await command(t.typed('reviewer'), reference, 'propose', proposal(null));
    const atThree = await command(t.typed('reviewer'), reference, 'record-response', { outcome: 'declined' });
    expect(atThree.stage).toBe('attempt-3');
    expect(atThree.owner).toBeNull();
    const director = t.typed('director');
    await command(director, reference, 'record-review', { findings: 'Director-level review' });
    await command(director, reference, 'propose', proposal(t.users.director.id));
    const closed = await implementAndFollowUp(director, reference, 'satisfied');
    expect(closed.stage).toBe('closed');
    expect(closed.adr.letters).toEqual([]);
  });

  it('declined at attempt 3 reaches deadlock with the ADR letter the same day', async () => {
    t.setNow('2026-11-04T16:30:00Z');
    const reference = await raise();
    for (const [who, findings] of [
      ['agent', null],
      ['reviewer', 'Detailed review'],
      ['director', 'Director review'],
    ] as const) {
      if (findings) await command(t.typed(who), reference, 'record-review', { findings });
      await command(t.typed(who), reference, 'propose', proposal(null));
      await command(t.typed(who), reference, 'record-response', { outcome: 'declined' });
    }
    const deadlocked = await view(t.typed('director'), reference);
    expect(deadlocked.stage).toBe('deadlock');
    expect(deadlocked.adr.letters).toHaveLength(1);
    expect(deadlocked.adr.letters[0]).toMatchObject({
      trigger: 'deadlock',
      issuedOn: '2026-11-04',
      windowEndsOn: '2027-11-03',
    });
    expect(deadlocked.timeline.map((e) => e.type)).toContain('adr-letter-issued');
    expect(deadlocked.nextActions).toEqual(expect.arrayContaining(['record-referral', 'withdraw']));
  });

  it('tracks an ombudsman referral to the implemented remedy', async () => {
    const reference = await raise();
    await command(t.typed('director'), reference, 'declare-deadlock', {
      reason: 'Nothing more we can offer',
    });
    await command(t.typed('agent'), reference, 'record-referral', {
      schemeCaseReference: 'CO-123456',
      referredOn: t.now().toISOString().slice(0, 10),
      caseFeePence: 35_000,
    });
    const decided = await command(t.typed('reviewer'), reference, 'record-ombudsman-outcome', {
      outcome: 'upheld',
      decidedOn: t.now().toISOString().slice(0, 10),
      remedy: { apology: true, explanation: false, action: 'Refund', awardPence: 5_000 },
      customerAccepted: true,
    });
    expect(decided.referral?.decision?.remedyDueOn).toBeTruthy();
    const closed = await command(t.typed('reviewer'), reference, 'close', {
      reason: 'ombudsman-decision-implemented',
      rootCause: 'billing-error',
    });
    expect(closed.closure?.reason).toBe('ombudsman-decision-implemented');
  });

  it('closes a complaint referred after its time-limit letter once the remedy is implemented', async () => {
    t.setNow('2026-11-04T10:00:00Z');
    const reference = await raise({ firstExpressedAt: '2026-09-01T09:00:00Z' });
    await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
    await command(t.typed('agent'), reference, 'not-practical', { reason: 'complex' });
    await command(t.typed('agent'), reference, 'record-referral', {
      schemeCaseReference: 'CO-9',
      referredOn: '2026-11-04',
    });
    const decided = await command(t.typed('reviewer'), reference, 'record-ombudsman-outcome', {
      outcome: 'partly-upheld',
      decidedOn: '2026-11-04',
      remedy: { apology: true, explanation: true, action: null, awardPence: 2_500 },
      customerAccepted: true,
    });
    expect(decided.stage).toBe('attempt-2');
    expect(decided.nextActions).toContain('close');
    const closed = await command(t.typed('reviewer'), reference, 'close', {
      reason: 'ombudsman-decision-implemented',
      rootCause: 'billing-error',
    });
    expect(closed.closure?.reason).toBe('ombudsman-decision-implemented');
    expect(closed.adr.letters).toHaveLength(1);
  });

  describe('who may do what', () => {
    async function atAttempt3() {
      const reference = await raise();
      await command(t.typed('agent'), reference, 'not-practical', { reason: 'complex' });
      // A director handles attempt 2 here, so that the objectivity rule is what stops them at attempt 3.
      await command(t.typed('director'), reference, 'record-review', { findings: 'Reviewed at 2' });
      await command(t.typed('director'), reference, 'propose', proposal(null));
      await command(t.typed('agent'), reference, 'record-response', { outcome: 'declined' });
      return reference;
    }

    const review = (client: TypedClient, reference: string, findings: string) =>
      client.POST('/api/v1/complaints/{reference}/record-review', {
        params: { path: { reference } },
        body: { findings },
      });

    it('an agent cannot run the director-level review and is not offered it', async () => {
      const reference = await atAttempt3();
      const { nextActions } = await view(t.typed('agent'), reference);
      expect(nextActions).not.toContain('record-review');
      expect(nextActions).not.toContain('propose');
      const refused = await review(t.typed('agent'), reference, 'I try');
      expect(refused.response.status).toBe(403);
      expect(refused.error?.code).toBe('forbidden');
    });

    it('the attempt-2 handler cannot review attempt 3, another director can', async () => {
      const reference = await atAttempt3();
      const refused = await review(t.typed('director'), reference, 'Me again');
      expect(refused.response.status).toBe(403);
      expect(refused.error?.code).toBe('objectivity');
      await command(t.typed('director2'), reference, 'record-review', { findings: 'Fresh eyes' });
    });

    it('needs a signed-in user', async () => {
      const { response } = await t.typed(null).GET('/api/v1/complaints');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
