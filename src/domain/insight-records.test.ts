/**
 * What the improvement review needs recorded (issue 12): a root cause from the procedure's tree where the
 * procedure asks for one, and each remedy by type with its amount and when the customer accepted it.
 */
import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import type { Command } from './commands.ts';
import { stageReached } from './complaint.ts';
import { agent, customer, director, reviewer, Story, system } from './test-support.ts';

const propose = (remedies?: Extract<Command, { type: 'propose' }>['remedies']): Command => ({
  type: 'propose',
  summary: 'Refund the duplicate charge',
  steps: [{ description: 'Refund', ownerId: 'agent-1' }],
  remedies,
});

/** A complaint whose attempt-2 proposal is done and awaits the follow-up. */
function atAttempt2FollowUp(): Story {
  const story = new Story();
  story.do({ type: 'not-practical', reason: 'Needs billing to look' }, agent);
  story.do({ type: 'record-review', findings: 'Double posting' }, reviewer);
  story.do(propose(), reviewer);
  story.do({ type: 'record-response', outcome: 'agreed' }, customer);
  story.do({ type: 'complete-step', stepId: story.stepIds()[0] ?? '' }, reviewer);
  return story;
}

describe('root causes at closure', () => {
  it('needs none when staff close a complaint resolved at attempt 1 (Miso asks from attempt 2)', () => {
    const story = new Story();
    story.do({ type: 'withdraw', reason: 'Sorted by phone' }, agent);
    expect(story.complaint.closure).toMatchObject({ rootCause: null, lessons: 'Sorted by phone' });
  });

  it('refuses staff closing a complaint that reached attempt 2 without one, with its own code', () => {
    const story = atAttempt2FollowUp();
    expect(stageReached(story.complaint)).toBe('attempt-2');
    expect(story.try({ type: 'record-follow-up', outcome: 'satisfied' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'root-cause-required', field: 'rootCause' },
    });
    expect(story.try({ type: 'withdraw', reason: 'Gave up' }, reviewer)).toMatchObject({
      ok: false,
      refusal: { code: 'root-cause-required' },
    });
  });

  it('refuses a code that is not in the tree, and takes a parent’s or a child’s', () => {
    const story = atAttempt2FollowUp();
    expect(
      story.try({ type: 'record-follow-up', outcome: 'satisfied', rootCause: 'Billing run' }, reviewer),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'rootCause' } });
    expect(
      story.try({ type: 'record-follow-up', outcome: 'satisfied', rootCause: 'billing-error' }, reviewer).ok,
    ).toBe(true);
    story.do({ type: 'record-follow-up', outcome: 'satisfied', rootCause: 'billing-wrong-charge' }, reviewer);
    expect(story.complaint.closure?.rootCause).toBe('billing-wrong-charge');
  });

  it('lets the customer close it without one, and staff record it afterwards', () => {
    const story = atAttempt2FollowUp();
    story.do({ type: 'record-follow-up', outcome: 'satisfied' }, customer);
    expect(story.complaint.closure?.rootCause).toBeNull();
    expect(story.try({ type: 'record-root-cause', rootCause: 'nonsense' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'rootCause' },
    });
    story.do(
      { type: 'record-root-cause', rootCause: 'fault-repeat', lessons: 'Check the line first' },
      agent,
    );
    expect(story.complaint.closure).toMatchObject({
      reason: 'resolved',
      rootCause: 'fault-repeat',
      lessons: 'Check the line first',
    });
    // Correcting the cause keeps the lessons when none are given.
    story.do({ type: 'record-root-cause', rootCause: 'fault-misdiagnosed' }, agent);
    expect(story.complaint.closure).toMatchObject({
      rootCause: 'fault-misdiagnosed',
      lessons: 'Check the line first',
    });
  });

  it('follows the procedure’s stages: none required anywhere, or from attempt 1', () => {
    const never = new Story({ procedure: { ...MISO_PROCEDURE, rootCauseRequiredAt: [] } });
    never.do({ type: 'not-practical', reason: 'r' }, agent);
    expect(never.try({ type: 'withdraw', reason: 'r' }, reviewer).ok).toBe(true);
    const always = new Story({ procedure: { ...MISO_PROCEDURE, rootCauseRequiredAt: ['attempt-1'] } });
    expect(always.try({ type: 'withdraw', reason: 'r' }, agent)).toMatchObject({
      ok: false,
      refusal: { code: 'root-cause-required' },
    });
  });

  it('counts deadlock as the stage reached once declared', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing more' }, director);
    expect(stageReached(story.complaint)).toBe('deadlock');
    // Not offered to the clock: it closes without a cause.
    expect(story.try({ type: 'record-root-cause', rootCause: 'other' }, system).ok).toBe(false);
  });
});

describe('remedies by type', () => {
  it('records a proposal’s remedies and accepts them when the customer agrees', () => {
    const story = new Story();
    story.do(
      propose([
        { type: 'apology' },
        { type: 'credit-refund', amountPence: 1_250 },
        { type: 'goodwill', amountPence: 2_000 },
      ]),
      agent,
    );
    expect(story.complaint.remedies).toMatchObject([
      { source: 'proposal', attemptNumber: 1, type: 'apology', amountPence: null, acceptedAt: null },
      { type: 'credit-refund', amountPence: 1_250, acceptedAt: null },
      { type: 'goodwill', amountPence: 2_000, acceptedAt: null },
    ]);
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    expect(story.complaint.remedies.every((r) => r.acceptedAt === story.now.toISOString())).toBe(true);
  });

  it('leaves a declined proposal’s remedies unaccepted', () => {
    const story = new Story();
    story.do(propose([{ type: 'goodwill', amountPence: 500 }]), agent);
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(story.complaint.remedies).toMatchObject([{ acceptedAt: null }]);
  });

  it('needs an amount for money and none for the rest', () => {
    const story = new Story();
    expect(story.try(propose([{ type: 'credit-refund' }]), agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'remedies.0.amountPence' },
    });
    expect(
      story.try(propose([{ type: 'apology' }, { type: 'goodwill', amountPence: 0 }]), agent),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'remedies.1.amountPence' },
    });
    expect(story.try(propose([{ type: 'explanation', amountPence: 100 }]), agent)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', field: 'remedies.0.amountPence' },
    });
  });

  it('reads an ombudsman decision’s remedies from its remedy, and replaces them when it is recorded again', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing more' }, director);
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-05-11' }, agent);
    const decision = (customerAccepted: boolean | null): Command => ({
      type: 'record-ombudsman-outcome',
      outcome: 'upheld',
      decidedOn: '2026-05-11',
      remedy: { apology: true, explanation: false, action: 'Fix the bill', awardPence: 7_500 },
      customerAccepted,
    });
    story.do(decision(null), reviewer);
    expect(story.complaint.remedies.map((r) => [r.source, r.type, r.amountPence, r.acceptedAt])).toEqual([
      ['ombudsman', 'apology', null, null],
      ['ombudsman', 'goodwill', 7_500, null],
      ['ombudsman', 'practical-action', null, null],
    ]);
    story.advanceDays(3);
    story.do(decision(true), reviewer);
    expect(story.complaint.remedies).toHaveLength(3);
    expect(story.complaint.remedies.every((r) => r.acceptedAt === story.now.toISOString())).toBe(true);
  });

  it('takes the decision’s remedies by type when given', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing more' }, director);
    story.do({ type: 'record-referral', schemeCaseReference: 'CO-1', referredOn: '2026-05-11' }, agent);
    story.do(
      {
        type: 'record-ombudsman-outcome',
        outcome: 'upheld',
        decidedOn: '2026-05-11',
        remedy: { apology: false, explanation: false, action: null, awardPence: 3_000 },
        customerAccepted: true,
        remedies: [{ type: 'credit-refund', amountPence: 3_000 }],
      },
      reviewer,
    );
    expect(story.complaint.remedies).toMatchObject([
      { source: 'ombudsman', attemptNumber: null, type: 'credit-refund', amountPence: 3_000 },
    ]);
  });
});
