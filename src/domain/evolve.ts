/**
 * Applies an event to a complaint. Pure and total: `decide` only emits events that make sense, and replaying a
 * complaint's events from its audit trail rebuilds the same state.
 */
import type { Event, RemedyRecord } from './commands.ts';
import {
  ATTEMPT_STAGE,
  type Attempt,
  type AttemptNumber,
  type Complaint,
  type RecordedRemedy,
} from './complaint.ts';
import { londonDate } from './time.ts';

/** Who and when, as recorded beside every event. */
export interface EventMeta {
  at: string;
  by: string | null;
}

function newAttempt(number: AttemptNumber, at: string): Attempt {
  return {
    number,
    phase: 'review',
    openedAt: at,
    handlerId: null,
    review: null,
    proposal: null,
    response: null,
    followUp: null,
    followUpDueOn: null,
    outcome: null,
    endedAt: null,
    escalationReason: null,
  };
}

function updateCurrent(complaint: Complaint, change: (attempt: Attempt) => Attempt): Complaint {
  const attempts = complaint.attempts.map((a, i) => (i === complaint.attempts.length - 1 ? change(a) : a));
  return { ...complaint, attempts };
}

function endCurrent(
  complaint: Complaint,
  outcome: Attempt['outcome'],
  at: string,
  reason?: string,
): Complaint {
  const last = complaint.attempts.at(-1);
  if (!last || last.phase === 'ended') return complaint;
  return updateCurrent(complaint, (a) => ({
    ...a,
    phase: 'ended',
    outcome,
    endedAt: at,
    escalationReason: reason ?? a.escalationReason,
  }));
}

/** The first event of a complaint creates it. */
export function create(event: Extract<Event, { type: 'complaint-recorded' }>, meta: EventMeta): Complaint {
  const c = event.complaint;
  return {
    id: c.id,
    reference: c.reference,
    customerId: c.customerId,
    customerType: c.customerType,
    channel: c.channel,
    category: c.category,
    description: c.description,
    customerWords: c.customerWords ?? null,
    desiredOutcome: c.desiredOutcome,
    formal: c.formal,
    firstExpressedAt: c.firstExpressedAt,
    receivedAt: meta.at,
    acknowledgeBy: c.acknowledgeBy,
    stage: 'initiation',
    ownerId: c.ownerId,
    attempts: [],
    adrLetters: [],
    referral: null,
    closure: null,
    remedies: [],
    version: 1,
  };
}

/** The complaint after `events`, from `complaint` (undefined when the first event records it). */
export function evolveAll(
  complaint: Complaint | undefined,
  events: readonly Event[],
  meta: EventMeta,
): Complaint {
  let state = complaint;
  for (const event of events) {
    if (event.type === 'complaint-recorded') state = create(event, meta);
    else if (state) state = evolve(state, event, meta);
    else throw new Error(`${event.type} before the complaint was recorded`);
  }
  if (!state) throw new Error('no complaint: no events were given');
  return state;
}

/** The complaint after `event`. */
export function evolve(complaint: Complaint, event: Event, meta: EventMeta): Complaint {
  const next = apply(complaint, event, meta);
  return next === complaint ? complaint : { ...next, version: complaint.version + 1 };
}

function recorded(
  remedies: readonly RemedyRecord[] | undefined,
  source: RecordedRemedy['source'],
  attemptNumber: AttemptNumber | null,
  at: string,
  acceptedAt: string | null,
): RecordedRemedy[] {
  // In the order the database reads them back: by type (their names start with different letters), then id.
  return [...(remedies ?? [])]
    .sort((a, b) => a.type.localeCompare(b.type) || (a.id < b.id ? -1 : 1))
    .map((r) => ({ ...r, source, attemptNumber, recordedAt: at, acceptedAt }));
}

function apply(complaint: Complaint, event: Event, meta: EventMeta): Complaint {
  const { at, by } = meta;
  switch (event.type) {
    case 'complaint-recorded':
      return complaint;
    case 'attempt-opened':
      return {
        ...complaint,
        stage: ATTEMPT_STAGE[event.attempt],
        attempts: [...complaint.attempts, newAttempt(event.attempt, at)],
      };
    case 'immediate-action-not-practical':
      return endCurrent(complaint, 'escalated', at, event.reason);
    case 'review-recorded':
      return updateCurrent(complaint, (a) => ({
        ...a,
        phase: 'reviewed',
        handlerId: by ?? a.handlerId,
        review: { findings: event.findings, recordedAt: at, recordedBy: by },
      }));
    case 'proposal-made': {
      const proposed = updateCurrent(complaint, (a) => ({
        ...a,
        phase: 'awaiting-response',
        handlerId: a.handlerId ?? by,
        proposal: { summary: event.summary, proposedAt: at, proposedBy: by, steps: event.steps },
      }));
      return {
        ...proposed,
        remedies: [...complaint.remedies, ...recorded(event.remedies, 'proposal', event.attempt, at, null)],
      };
    }
    case 'response-recorded': {
      const responded = updateCurrent(complaint, (a) => ({
        ...a,
        phase: event.outcome === 'agreed' ? 'implementing' : a.phase,
        response: { outcome: event.outcome, note: event.note, recordedAt: at },
      }));
      if (event.outcome !== 'agreed') return responded;
      // Agreeing the proposal accepts the remedies it offered.
      return {
        ...responded,
        remedies: complaint.remedies.map((r) =>
          r.source === 'proposal' && r.attemptNumber === event.attempt && r.acceptedAt === null
            ? { ...r, acceptedAt: at }
            : r,
        ),
      };
    }
    case 'step-completed':
      return updateCurrent(complaint, (a) => {
        if (!a.proposal) return a;
        const steps = a.proposal.steps.map((s) =>
          s.id === event.stepId ? { ...s, completedAt: at, completedBy: by, note: event.note } : s,
        );
        const allDone = steps.every((s) => s.completedAt);
        return {
          ...a,
          phase: allDone ? 'follow-up' : a.phase,
          followUpDueOn: event.followUpDueOn ?? a.followUpDueOn,
          proposal: { ...a.proposal, steps },
        };
      });
    case 'follow-up-recorded':
      return updateCurrent(complaint, (a) => ({
        ...a,
        phase: event.outcome === 'no-response' ? 'chasing' : a.phase,
        followUp: { outcome: event.outcome, note: event.note, recordedAt: at },
      }));
    case 'escalated':
      return endCurrent(complaint, 'escalated', at, event.reason);
    case 'deadlock-declared': {
      const ended = endCurrent(complaint, 'deadlock', at, event.reason);
      return { ...ended, stage: 'deadlock' };
    }
    case 'adr-letter-issued':
      return {
        ...complaint,
        adrLetters: [
          ...complaint.adrLetters,
          {
            id: event.letterId,
            trigger: event.trigger,
            issuedAt: at,
            issuedOn: event.issuedOn,
            windowEndsOn: event.windowEndsOn,
          },
        ],
      };
    case 'referral-recorded':
      return {
        ...complaint,
        referral: {
          schemeCaseReference: event.schemeCaseReference,
          referredOn: event.referredOn,
          caseFeePence: event.caseFeePence,
          decision: null,
        },
      };
    case 'ombudsman-outcome-recorded':
      if (!complaint.referral) return complaint;
      return {
        ...complaint,
        // Recorded again (the customer's answer came later), the decision's remedies replace the earlier ones.
        remedies: [
          ...complaint.remedies.filter((r) => r.source !== 'ombudsman'),
          ...recorded(event.remedies, 'ombudsman', null, at, event.customerAccepted ? at : null),
        ],
        referral: {
          ...complaint.referral,
          decision: {
            outcome: event.outcome,
            decidedOn: event.decidedOn,
            remedy: event.remedy,
            customerAccepted: event.customerAccepted,
            remedyDueOn: event.remedyDueOn,
            implementedOn: null,
          },
        },
      };
    case 'case-fee-recorded':
      if (!complaint.referral) return complaint;
      return { ...complaint, referral: { ...complaint.referral, caseFeePence: event.caseFeePence } };
    case 'closed': {
      const outcome = event.reason === 'withdrawn' ? 'withdrawn' : 'resolved';
      const ended = endCurrent(complaint, outcome, at);
      const decision = complaint.referral?.decision;
      // Closing for an implemented decision is how the remedy is recorded as done.
      const referral =
        event.reason === 'ombudsman-decision-implemented' && complaint.referral && decision
          ? { ...complaint.referral, decision: { ...decision, implementedOn: londonDate(new Date(at)) } }
          : complaint.referral;
      return {
        ...ended,
        referral,
        stage: 'closed',
        closure: { reason: event.reason, closedAt: at, rootCause: event.rootCause, lessons: event.lessons },
      };
    }
    case 'root-cause-recorded':
      if (!complaint.closure) return complaint;
      return {
        ...complaint,
        closure: { ...complaint.closure, rootCause: event.rootCause, lessons: event.lessons },
      };
    case 'assigned':
      return { ...complaint, ownerId: event.ownerId };
    case 'contact-logged':
    case 'note-added':
    case 'replied':
      // The interaction log is kept beside the complaint; the complaint itself does not change.
      return complaint;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
