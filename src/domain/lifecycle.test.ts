import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import type { Actor } from './actor.ts';
import type { Command, Event } from './commands.ts';
import { decide, initiate, nextActions } from './lifecycle.ts';
import type { Procedure } from './procedure.ts';
import {
  admin,
  agent,
  customer,
  director,
  everyone,
  facts,
  MONDAY,
  otherCustomer,
  otherDirector,
  replay,
  reviewer,
  Story,
  staff,
  system,
} from './test-support.ts';

const types = (events: readonly Event[]) => events.map((e) => e.type);
const oneStep = (dueOn?: string): Command => ({
  type: 'propose',
  summary: 'Refund the duplicate charge',
  steps: [{ description: 'Refund', ownerId: 'agent-1', dueOn }],
});

/** A complaint escalated to attempt 3 by declined proposals at attempts 1 and 2, attempt 2 handled by `handler`. */
function atAttempt3(handler: Actor, procedure?: Procedure): Story {
  const story = new Story(procedure ? { procedure } : {});
  story.do(oneStep(), agent);
  story.do({ type: 'record-response', outcome: 'declined' }, customer);
  story.do({ type: 'record-review', findings: 'Billing system double-posted' }, handler);
  story.do(oneStep(), handler);
  story.do({ type: 'record-response', outcome: 'declined' }, customer);
  return story;
}

describe('Complaint Initiation', () => {
  it('records the complaint and opens Resolution Attempt 1 at once', () => {
    const story = new Story();
    expect(types(story.history.map((r) => r.event))).toEqual(['complaint-recorded', 'attempt-opened']);
    expect(story.complaint.stage).toBe('attempt-1');
    expect(story.complaint.attempts).toHaveLength(1);
    expect(story.complaint.firstExpressedAt).toBe(MONDAY.toISOString());
    expect(story.complaint.acknowledgeBy).toBe('2026-05-11');
  });

  it('acknowledges a complaint received on a bank holiday on the next working day', () => {
    const story = new Story({ now: new Date('2026-12-25T10:00:00Z') });
    expect(story.complaint.acknowledgeBy).toBe('2026-12-29');
  });

  it('keeps an earlier first expression of dissatisfaction as the start of the ADR clock', () => {
    const story = new Story({ facts: { firstExpressedAt: '2026-04-20T10:00:00Z' } });
    expect(story.complaint.firstExpressedAt).toBe('2026-04-20T10:00:00Z');
    expect(story.complaint.receivedAt).toBe(MONDAY.toISOString());
  });

  it('refuses a first expression of dissatisfaction in the future', () => {
    const decision = initiate(
      facts({ firstExpressedAt: new Date(MONDAY.getTime() + 1000).toISOString() }),
      MONDAY,
      MISO_PROCEDURE,
    );
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'firstExpressedAt' } });
  });

  it('refuses a first expression of dissatisfaction that is not a time', () => {
    const decision = initiate(facts({ firstExpressedAt: 'last Tuesday' }), MONDAY, MISO_PROCEDURE);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'firstExpressedAt' } });
  });

  it('refuses a category the procedure does not use', () => {
    const procedure: Procedure = { ...MISO_PROCEDURE, categories: ['billing'] };
    const decision = initiate(facts({ category: 'equipment' }), MONDAY, procedure);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'category' } });
  });
});

describe('Resolution Attempt 1', () => {
  it('resolves: proposal agreed, steps done, customer satisfied → closed as resolved', () => {
    const story = new Story();
    story.do(oneStep(), agent);
    expect(story.complaint.attempts[0]?.phase).toBe('awaiting-response');
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    expect(story.complaint.attempts[0]?.phase).toBe('implementing');
    const [stepId] = story.stepIds();
    const completed = story.do({ type: 'complete-step', stepId: stepId ?? '' }, agent);
    // Follow-up due 2 working days after the last step is done.
    expect(completed).toEqual([{ type: 'step-completed', stepId, note: null, followUpDueOn: '2026-05-13' }]);
    expect(story.complaint.attempts[0]?.phase).toBe('follow-up');
    const events = story.do(
      {
        type: 'record-follow-up',
        outcome: 'satisfied',
        rootCause: 'billing-wrong-charge',
        lessons: 'Check runs',
      },
      agent,
    );
    expect(types(events)).toEqual(['follow-up-recorded', 'closed']);
    expect(story.complaint.stage).toBe('closed');
    expect(story.complaint.closure).toMatchObject({
      reason: 'resolved',
      rootCause: 'billing-wrong-charge',
      lessons: 'Check runs',
    });
    expect(story.complaint.attempts[0]).toMatchObject({ phase: 'ended', outcome: 'resolved' });
    expect(story.complaint.adrLetters).toEqual([]);
  });

  it('gives a step without an agreed date the default 5 working days', () => {
    const story = new Story();
    const [event] = story.do(oneStep(), agent);
    expect(event).toMatchObject({ type: 'proposal-made', steps: [{ dueOn: '2026-05-18' }] });
  });

  it('stays implementing until the last step is done', () => {
    const story = new Story();
    story.do(
      {
        type: 'propose',
        summary: 'Two things',
        steps: [
          { description: 'Refund', ownerId: null },
          { description: 'Apologise', ownerId: null },
        ],
      },
      agent,
    );
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    const [first, second] = story.stepIds();
    const events = story.do({ type: 'complete-step', stepId: first ?? '' }, agent);
    expect(events).toMatchObject([{ followUpDueOn: null }]);
    expect(story.complaint.attempts[0]?.phase).toBe('implementing');
    expect(story.try({ type: 'complete-step', stepId: first ?? '' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'stepId' },
    });
    expect(story.try({ type: 'complete-step', stepId: 'nope' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'stepId' },
    });
    story.do({ type: 'complete-step', stepId: second ?? '' }, agent);
    expect(story.complaint.attempts[0]?.phase).toBe('follow-up');
  });

  it('escalates at once to attempt 2 when immediate action is not practical', () => {
    const story = new Story();
    const events = story.do({ type: 'not-practical', reason: 'Needs the billing team' }, agent);
    expect(types(events)).toEqual(['immediate-action-not-practical', 'attempt-opened']);
    expect(story.complaint.stage).toBe('attempt-2');
    expect(story.complaint.attempts.map((a) => [a.number, a.phase, a.outcome])).toEqual([
      [1, 'ended', 'escalated'],
      [2, 'review', null],
    ]);
    expect(story.complaint.attempts[0]?.escalationReason).toBe('Needs the billing team');
  });

  it('escalates when the customer declines the proposal', () => {
    const story = new Story();
    story.do(oneStep(), agent);
    const events = story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(types(events)).toEqual(['response-recorded', 'escalated', 'attempt-opened']);
    expect(story.complaint.stage).toBe('attempt-2');
  });

  it('escalates when the customer is not satisfied after the steps are done', () => {
    const story = new Story();
    story.proposeAgreeAndComplete(agent);
    const events = story.do({ type: 'record-follow-up', outcome: 'not-satisfied' }, customer);
    expect(types(events)).toEqual(['follow-up-recorded', 'escalated', 'attempt-opened']);
    expect(story.complaint.stage).toBe('attempt-2');
    expect(story.complaint.attempts[0]?.outcome).toBe('escalated');
  });
});

describe('Resolution Attempt 2', () => {
  it('needs a detailed review before a proposal, then resolves', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
    expect(story.try(oneStep(), reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
    story.do({ type: 'record-review', findings: 'Tariff migration error' }, reviewer);
    story.proposeAgreeAndComplete(reviewer);
    story.do({ type: 'record-follow-up', outcome: 'satisfied' }, customer);
    expect(story.complaint.closure?.reason).toBe('resolved');
    expect(story.complaint.attempts.map((a) => a.outcome)).toEqual(['escalated', 'resolved']);
    expect(story.complaint.attempts[1]?.handlerId).toBe('reviewer-1');
  });

  it('is closed to agents: reviews and proposals need a reviewer or director', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
    expect(story.try({ type: 'record-review', findings: 'x' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });
});

describe('Resolution Attempt 3 and deadlock', () => {
  it('goes to director review after declines at attempts 1 and 2 (who works it is the routing’s call)', () => {
    const story = atAttempt3(reviewer);
    expect(story.complaint.stage).toBe('attempt-3');
    expect(story.complaint.attempts.map((a) => a.outcome)).toEqual(['escalated', 'escalated', null]);
  });

  it('resolves at attempt 3 after a director-level review', () => {
    const story = atAttempt3(reviewer);
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    story.proposeAgreeAndComplete(director);
    story.do({ type: 'record-follow-up', outcome: 'satisfied' }, customer);
    expect(story.complaint.stage).toBe('closed');
    expect(story.complaint.attempts.map((a) => a.outcome)).toEqual(['escalated', 'escalated', 'resolved']);
  });

  it('deadlocks when attempt 3 is declined, issuing the ADR letter the same day', () => {
    const story = atAttempt3(reviewer);
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    story.do(oneStep(), director);
    const events = story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(types(events)).toEqual(['response-recorded', 'deadlock-declared', 'adr-letter-issued']);
    expect(events[2]).toEqual({
      type: 'adr-letter-issued',
      letterId: expect.any(String),
      trigger: 'deadlock',
      issuedOn: '2026-05-11',
      windowEndsOn: '2027-05-10',
    });
    expect(story.complaint.stage).toBe('deadlock');
    expect(story.complaint.attempts[2]).toMatchObject({ phase: 'ended', outcome: 'deadlock' });
    expect(story.complaint.adrLetters).toMatchObject([{ trigger: 'deadlock', issuedOn: '2026-05-11' }]);
  });

  it('issues the deadlock letter on the London date, which in BST may be the UTC day after', () => {
    const story = atAttempt3(reviewer);
    story.do({ type: 'record-review', findings: 'Nothing more we can offer' }, director);
    story.now = new Date('2026-05-11T23:30:00Z');
    const events = story.do({ type: 'declare-deadlock', reason: 'Nothing further' }, director);
    expect(events[1]).toMatchObject({ issuedOn: '2026-05-12', windowEndsOn: '2027-05-11' });
  });

  it('deadlocks when the customer is not satisfied after attempt 3', () => {
    const story = atAttempt3(reviewer);
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    story.proposeAgreeAndComplete(director);
    const events = story.do({ type: 'record-follow-up', outcome: 'not-satisfied' }, customer);
    expect(types(events)).toEqual(['follow-up-recorded', 'deadlock-declared', 'adr-letter-issued']);
  });

  it('lets a director declare deadlock early, at attempt 1, with the ADR letter', () => {
    const story = new Story();
    expect(story.try({ type: 'declare-deadlock', reason: 'x' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    const events = story.do({ type: 'declare-deadlock', reason: 'Will not refund' }, director);
    expect(types(events)).toEqual(['deadlock-declared', 'adr-letter-issued']);
    expect(story.complaint.stage).toBe('deadlock');
  });

  it('forbids an agent to review or propose at attempt 3', () => {
    const story = atAttempt3(reviewer);
    expect(story.try({ type: 'record-review', findings: 'x' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    expect(story.try(oneStep(), agent)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(story.try(oneStep(), reviewer)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('refuses the attempt-2 handler as attempt-3 reviewer (objectivity), but not another director', () => {
    const story = atAttempt3(director);
    expect(story.try({ type: 'record-review', findings: 'x' }, director)).toMatchObject({
      ok: false,
      refusal: { code: 'objectivity' },
    });
    expect(nextActions(story.complaint, director, story.now, story.procedure)).not.toContain('record-review');
    story.do({ type: 'record-review', findings: 'Fresh eyes' }, otherDirector);
    expect(story.try(oneStep(), director)).toMatchObject({ ok: false, refusal: { code: 'objectivity' } });
    story.do(oneStep(), otherDirector);
    expect(story.complaint.attempts[2]?.handlerId).toBe('director-2');
  });

  it('also refuses, as attempt-3 reviewer, the director who made attempt 2’s proposal after another’s review', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
    story.do({ type: 'record-review', findings: 'Tariff error' }, reviewer);
    story.do(oneStep(), director);
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(story.complaint.stage).toBe('attempt-3');
    expect(story.try({ type: 'record-review', findings: 'x' }, director)).toMatchObject({
      ok: false,
      refusal: { code: 'objectivity' },
    });
    expect(story.try({ type: 'record-review', findings: 'x' }, otherDirector).ok).toBe(true);
  });

  it('lets the attempt-2 handler review attempt 3 when the procedure does not require someone else', () => {
    const procedure: Procedure = { ...MISO_PROCEDURE, attempt3ReviewerMustDiffer: false };
    const story = atAttempt3(director, procedure);
    story.do({ type: 'record-review', findings: 'Same director' }, director);
    story.do(oneStep(), director);
    expect(story.complaint.attempts[2]?.phase).toBe('awaiting-response');
  });

  it('does not offer escalate at attempt 3: the way on is deadlock, once the director-level review is recorded', () => {
    const story = atAttempt3(reviewer);
    expect(nextActions(story.complaint, everyone, story.now, story.procedure)).not.toContain('escalate');
    expect(nextActions(story.complaint, everyone, story.now, story.procedure)).not.toContain(
      'declare-deadlock',
    );
    expect(story.try({ type: 'declare-deadlock', reason: 'No review' }, director)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
    story.do({ type: 'record-review', findings: 'Looked again' }, director);
    expect(nextActions(story.complaint, everyone, story.now, story.procedure)).toContain('declare-deadlock');
  });

  it('refuses deadlock at attempt 3 from the director who handled attempt 2; another director may declare it', () => {
    const story = atAttempt3(director);
    story.do({ type: 'record-review', findings: 'Fresh eyes' }, otherDirector);
    expect(story.try({ type: 'declare-deadlock', reason: 'Mine again' }, director)).toMatchObject({
      ok: false,
      refusal: { code: 'objectivity' },
    });
    const events = story.do({ type: 'declare-deadlock', reason: 'Final position' }, otherDirector);
    expect(events[0]).toEqual({
      type: 'deadlock-declared',
      reason: 'Final position',
      declared: true,
      atAttempt: 3,
    });
  });

  it('lets a procedure without the review rule deadlock attempt 3 before its review', () => {
    const procedure: Procedure = { ...MISO_PROCEDURE, deadlockAfterDirectorReview: false };
    const story = atAttempt3(reviewer, procedure);
    expect(story.try({ type: 'declare-deadlock', reason: 'At once' }, director).ok).toBe(true);
  });
});

describe('no response to the follow-up', () => {
  function chased(): Story {
    const story = new Story();
    story.proposeAgreeAndComplete(agent);
    const events = story.do({ type: 'record-follow-up', outcome: 'no-response' }, agent);
    expect(types(events)).toEqual(['follow-up-recorded']);
    expect(story.complaint.attempts[0]?.phase).toBe('chasing');
    return story;
  }

  it('closes as resolved-no-response only once 28 days have passed, by the clock', () => {
    const story = chased();
    story.advanceDays(27);
    expect(story.try({ type: 'close-no-response' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
    story.advanceDays(1);
    expect(story.try({ type: 'close-no-response' }, everyone)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    story.do({ type: 'close-no-response' }, system);
    expect(story.complaint.closure?.reason).toBe('resolved-no-response');
  });

  it('does not chase twice, but a later answer still counts', () => {
    const story = chased();
    expect(story.try({ type: 'record-follow-up', outcome: 'no-response' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'outcome' },
    });
    story.advanceDays(10);
    story.do({ type: 'record-follow-up', outcome: 'not-satisfied' }, customer);
    expect(story.complaint.stage).toBe('attempt-2');
  });
});

describe('the time-limit ADR letter', () => {
  const limitPassed = (story: Story) => story.advanceDays(42);

  it('is issued by the clock once the limit is reached, and the complaint carries on', () => {
    const story = new Story();
    story.advanceDays(41);
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
    story.advanceDays(1);
    const events = story.do({ type: 'issue-time-limit-adr-letter' }, system);
    expect(events).toEqual([
      {
        type: 'adr-letter-issued',
        letterId: expect.any(String),
        trigger: 'time-limit',
        issuedOn: '2026-06-22',
        windowEndsOn: '2027-06-21',
      },
    ]);
    expect(story.complaint.stage).toBe('attempt-1');
    expect(story.complaint.attempts[0]?.phase).toBe('review');
  });

  it('is issued only once', () => {
    const story = limitPassed(new Story());
    story.do({ type: 'issue-time-limit-adr-letter' }, system);
    story.advanceDays(1);
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
  });

  it('is issued only by the clock', () => {
    const story = limitPassed(new Story());
    for (const actor of [everyone, admin, customer]) {
      expect(story.try({ type: 'issue-time-limit-adr-letter' }, actor)).toMatchObject({
        ok: false,
        refusal: { code: 'forbidden' },
      });
    }
  });

  it('is never issued for a closed complaint', () => {
    const story = new Story();
    story.do({ type: 'withdraw', reason: 'Sorted it out themselves' }, agent);
    limitPassed(story);
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
  });

  it('is never issued for a large-business customer', () => {
    const story = limitPassed(new Story({ facts: { customerType: 'large-business' } }));
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
  });

  it('is not issued after a deadlock letter, which already tells the customer about the scheme', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing further' }, director);
    limitPassed(story);
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
  });

  it('counts from the first expression of dissatisfaction, not from when the complaint was logged', () => {
    const story = new Story({ facts: { firstExpressedAt: '2026-04-20T10:00:00Z' } });
    story.now = new Date('2026-06-01T08:00:00Z');
    expect(story.try({ type: 'issue-time-limit-adr-letter' }, system).ok).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a command at the wrong stage with not-allowed-now, listing what the actor may do', () => {
    const story = new Story();
    const decision = story.try({ type: 'record-response', outcome: 'agreed' }, agent);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'not-allowed-now' } });
    if (decision.ok) return;
    expect(decision.refusal.message).toContain('attempt-1 (review)');
    expect(decision.refusal.allowed).toEqual(nextActions(story.complaint, agent, story.now, story.procedure));
    expect(decision.refusal.allowed).toEqual([
      'not-practical',
      'record-review',
      'propose',
      'escalate',
      'withdraw',
      'assign',
      'log-contact',
      'add-note',
      'reply',
    ]);
  });

  it('refuses a proposal whose step is due in the past, naming the step', () => {
    const story = new Story();
    const decision = story.try(oneStep('2026-05-10'), agent);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'steps.0.dueOn' } });
    expect(story.try(oneStep('2026-05-11'), agent).ok).toBe(true);
  });

  it('refuses a proposal with a date that does not exist, or with no steps', () => {
    const story = new Story();
    expect(story.try(oneStep('2026-02-30'), agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'steps.0.dueOn' },
    });
    expect(story.try({ type: 'propose', summary: 'Nothing', steps: [] }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'steps' },
    });
  });

  it('lets customers only respond, follow up and log contact, and only on their own complaint', () => {
    const story = new Story();
    expect(story.try(oneStep(), customer)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(story.try({ type: 'withdraw', reason: 'x' }, customer)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(story.try({ type: 'add-note', text: 'x' }, customer)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    const contact: Command = { type: 'log-contact', channel: 'web', direction: 'in', summary: 'Any news?' };
    expect(story.try(contact, customer).ok).toBe(true);
    expect(story.try(contact, otherCustomer)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(nextActions(story.complaint, customer, story.now, story.procedure)).toEqual(['log-contact']);

    story.do(oneStep(), agent);
    expect(nextActions(story.complaint, customer, story.now, story.procedure)).toEqual([
      'record-response',
      'log-contact',
    ]);
    expect(story.try({ type: 'record-response', outcome: 'agreed' }, otherCustomer)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    for (const stepId of story.stepIds()) {
      expect(story.try({ type: 'complete-step', stepId }, customer)).toMatchObject({
        ok: false,
        refusal: { code: 'forbidden' },
      });
      story.do({ type: 'complete-step', stepId }, agent);
    }
    expect(nextActions(story.complaint, customer, story.now, story.procedure)).toEqual([
      'record-follow-up',
      'log-contact',
    ]);
    expect(story.try({ type: 'record-follow-up', outcome: 'satisfied' }, otherCustomer)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    story.do({ type: 'record-follow-up', outcome: 'satisfied' }, customer);
  });

  it('refuses referral and decision dates that do not exist, and contact times that are not times', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing further' }, director);
    expect(
      story.try({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-02-30' }, agent),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'referredOn' } });
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-05-11' }, agent);
    expect(
      story.try(
        {
          type: 'record-ombudsman-outcome',
          outcome: 'settled',
          decidedOn: '11/05/2026',
          remedy: { apology: true, explanation: false, action: null, awardPence: 0 },
          customerAccepted: true,
        },
        reviewer,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'decidedOn' } });
    expect(
      story.try(
        { type: 'log-contact', channel: 'phone', direction: 'in', summary: 'x', occurredAt: 'soon' },
        agent,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'occurredAt' } });
  });

  it('keeps a staff contact from the customer unless staff say it is for them; the customer’s own are theirs', () => {
    const story = new Story();
    const logged = (command: Command, actor: Parameters<Story['try']>[1]) => {
      const decision = story.try(command, actor);
      if (!decision.ok) throw new Error(decision.refusal.message);
      return decision.events[0];
    };
    const call: Command = { type: 'log-contact', channel: 'in-person', direction: 'in', summary: 'Came in' };
    expect(logged(call, agent)).toMatchObject({ channel: 'in-person', visibleToCustomer: false });
    expect(logged({ ...call, visibleToCustomer: true }, agent)).toMatchObject({ visibleToCustomer: true });
    const own: Command = { type: 'log-contact', channel: 'web', direction: 'in', summary: 'Any news?' };
    expect(logged(own, customer)).toMatchObject({ visibleToCustomer: true });
    expect(logged({ ...own, visibleToCustomer: false }, customer)).toMatchObject({ visibleToCustomer: true });
  });

  it('refuses a contact logged in the future', () => {
    const story = new Story();
    const decision = story.try(
      {
        type: 'log-contact',
        channel: 'phone',
        direction: 'in',
        summary: 'x',
        occurredAt: '2026-05-12T08:00:00Z',
      },
      agent,
    );
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'occurredAt' } });
  });

  it('lets the system actor issue nothing but the clock’s commands', () => {
    const story = new Story();
    expect(nextActions(story.complaint, system, story.now, story.procedure)).toEqual([]);
    expect(story.try({ type: 'add-note', text: 'x' }, system)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });

  it('keeps the log, notes, writing to the customer and its root cause open on a closed complaint, and nothing else', () => {
    const story = new Story();
    story.do({ type: 'withdraw', reason: 'No longer needed' }, agent);
    expect(story.complaint.closure).toMatchObject({ reason: 'withdrawn', lessons: 'No longer needed' });
    expect(story.complaint.attempts[0]?.outcome).toBe('withdrawn');
    expect(nextActions(story.complaint, everyone, story.now, story.procedure)).toEqual([
      'record-root-cause',
      'log-contact',
      'add-note',
      'reply',
    ]);
  });

  it('gives staff with no role nothing to do', () => {
    const story = new Story();
    expect(nextActions(story.complaint, staff('nobody'), story.now, story.procedure)).toEqual([]);
  });
});

describe('after deadlock: the ombudsman', () => {
  function deadlocked(): Story {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Will not refund' }, director);
    return story;
  }

  it('tracks the referral, the decision and the remedy’s due date, then closes when implemented', () => {
    const story = deadlocked();
    story.advanceDays(14);
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-123', referredOn: '2026-05-20' }, agent);
    story.advanceDays(30);
    const events = story.do(
      {
        type: 'record-ombudsman-outcome',
        outcome: 'upheld',
        decidedOn: '2026-06-20',
        remedy: { apology: true, explanation: true, action: 'Refund', awardPence: 5_000 },
        customerAccepted: true,
      },
      reviewer,
    );
    expect(events).toMatchObject([{ remedyDueOn: '2026-07-22' }]);
    expect(story.complaint.referral?.decision?.remedyDueOn).toBe('2026-07-22');
    expect(story.try({ type: 'close', reason: 'ombudsman-decision-not-accepted' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'reason' },
    });
    expect(story.try({ type: 'close', reason: 'ombudsman-decision-implemented' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    story.do(
      { type: 'close', reason: 'ombudsman-decision-implemented', rootCause: 'billing-error' },
      reviewer,
    );
    expect(story.complaint.closure?.reason).toBe('ombudsman-decision-implemented');
  });

  it('refuses an award above the scheme’s limit and dates in the future', () => {
    const story = deadlocked();
    expect(
      story.try({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-05-12' }, agent),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'referredOn' } });
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-05-11' }, agent);
    const outcome = (awardPence: number, decidedOn = '2026-05-11'): Command => ({
      type: 'record-ombudsman-outcome',
      outcome: 'upheld',
      decidedOn,
      remedy: { apology: false, explanation: false, action: null, awardPence },
      customerAccepted: true,
    });
    expect(story.try(outcome(1_000_001), reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'remedy.awardPence' },
    });
    expect(story.try(outcome(100, '2026-05-12'), reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'decidedOn' },
    });
    expect(story.try(outcome(1_000_000), reviewer).ok).toBe(true);
  });

  it('records the customer’s acceptance once they give it, so the complaint can be closed', () => {
    const story = deadlocked();
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-9', referredOn: '2026-05-11' }, agent);
    const outcome = (customerAccepted: boolean | null): Command => ({
      type: 'record-ombudsman-outcome',
      outcome: 'not-upheld',
      decidedOn: '2026-05-11',
      remedy: { apology: false, explanation: true, action: null, awardPence: 0 },
      customerAccepted,
    });
    story.do(outcome(null), reviewer);
    expect(story.complaint.referral?.decision?.remedyDueOn).toBeNull();
    story.advanceDays(30);
    story.do(outcome(false), reviewer);
    expect(story.try(outcome(true), reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
    story.do({ type: 'close', reason: 'ombudsman-decision-not-accepted', rootCause: 'other' }, reviewer);
    expect(story.complaint.closure?.reason).toBe('ombudsman-decision-not-accepted');
  });

  it('closes for an expired ADR window only after the 12 months, and never once referred', () => {
    const story = deadlocked();
    story.now = new Date('2027-05-10T12:00:00Z');
    expect(story.try({ type: 'close', reason: 'adr-window-expired' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'reason' },
    });
    story.now = new Date('2027-05-11T12:00:00Z');
    expect(story.try({ type: 'close', reason: 'adr-window-expired', rootCause: 'other' }, reviewer).ok).toBe(
      true,
    );
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-2', referredOn: '2027-05-11' }, agent);
    expect(story.try({ type: 'close', reason: 'adr-window-expired' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'reason' },
    });
  });

  it('is closed by the clock the day after the ADR window ends, unless it was referred', () => {
    const story = deadlocked();
    const close = { type: 'close-adr-window-expired' } as const;
    story.now = new Date('2027-05-10T12:00:00Z');
    expect(story.try(close, system)).toMatchObject({ ok: false, refusal: { code: 'not-allowed-now' } });
    story.now = new Date('2027-05-11T12:00:00Z');
    expect(story.try(close, reviewer)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    const referred = deadlocked();
    referred.now = story.now;
    referred.do({ type: 'record-referral', schemeCaseReference: 'CO-3', referredOn: '2027-05-01' }, agent);
    expect(referred.try(close, system).ok).toBe(false);
    story.do(close, system);
    expect(story.complaint.closure?.reason).toBe('adr-window-expired');
  });

  it('lets a large business’s deadlocked complaint close at once: it has no ADR window', () => {
    const story = new Story({ facts: { customerType: 'large-business' } });
    story.do({ type: 'declare-deadlock', reason: 'Nothing further' }, director);
    expect(
      story.try({ type: 'close', reason: 'adr-window-expired', rootCause: 'mis-selling' }, reviewer).ok,
    ).toBe(true);
  });
});

describe('replay', () => {
  it('rebuilds the same complaint from its events as the incremental path', () => {
    const story = atAttempt3(reviewer);
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    story.do(oneStep(), director);
    story.do({ type: 'log-contact', channel: 'email', direction: 'out', summary: 'Sent proposal' }, director);
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(replay(story.history)).toEqual(story.complaint);
  });
});

describe('ownership', () => {
  it('lets staff with the stage’s role take an unassigned complaint, and no one else', () => {
    const story = new Story({ facts: { ownerId: null } });
    story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
    expect(nextActions(story.complaint, reviewer, story.now, story.procedure)).toContain('take');
    expect(nextActions(story.complaint, agent, story.now, story.procedure)).not.toContain('take');
    expect(story.try({ type: 'take' }, agent)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    story.do({ type: 'take' }, reviewer);
    expect(story.complaint.ownerId).toBe('reviewer-1');
    // Taken: the next one to look is offered nothing to take.
    expect(story.try({ type: 'take' }, director)).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-now' },
    });
  });

  it('refuses to assign a complaint to someone whose roles do not fit its stage', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
    const staffRoles = new Map([
      ['agent-2', ['agent'] as const],
      ['reviewer-2', ['reviewer'] as const],
    ]);
    const assign = (ownerId: string) =>
      decide(
        story.complaint,
        { type: 'assign', ownerId },
        { actor: reviewer, now: story.now, procedure: story.procedure, newId: story.newId, staffRoles },
      );
    expect(assign('agent-2')).toMatchObject({
      ok: false,
      refusal: {
        code: 'invalid',
        field: 'ownerId',
        message: expect.stringContaining('reviewer or director'),
      },
    });
    expect(assign('reviewer-2').ok).toBe(true);
  });
});
