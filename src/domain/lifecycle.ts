/**
 * The procedure as a pure function: `decide` takes a complaint, a command, who issues it, the time and the
 * procedure, and returns the events that follow or a typed refusal. `nextActions` is derived from the same
 * rules, so what the API offers and what it accepts can never differ.
 */
import type { Actor } from './actor.ts';
import {
  adrWindowEndsOn,
  calendarOf,
  noResponseCloseOn,
  remedyDueOn,
  timeLimitAdrLetterDue,
} from './clocks.ts';
import type { Command, CommandType, Event, Initiation, RemedyInput, RemedyRecord } from './commands.ts';
import { COMMAND_TYPES } from './commands.ts';
import type { AttemptNumber, Complaint, Step } from './complaint.ts';
import {
  adrEligible,
  currentAttempt,
  DETAILED_REVIEW_ATTEMPT,
  FIRST_ATTEMPT,
  isOpen,
  LAST_ATTEMPT,
  MONEY_REMEDY_TYPES,
  nextAttempt,
  remediesOfDecision,
  stageReached,
} from './complaint.ts';
import { permits } from './policy.ts';
import {
  canWorkAt,
  findRootCause,
  OTHER_ROOT_CAUSE,
  type Procedure,
  type Role,
  rootCauseCodes,
} from './procedure.ts';
import { isLocalDate, londonDate } from './time.ts';

export interface DecideContext {
  actor: Actor;
  now: Date;
  procedure: Procedure;
  /** Makes ids for new steps, letters, contacts and notes. */
  newId: () => string;
  /** The roles of the staff a command names (the new owner of `assign`), so it can check they fit the stage. */
  staffRoles?: ReadonlyMap<string, readonly Role[]> | undefined;
}

export type RefusalCode = 'not-allowed-now' | 'forbidden' | 'objectivity' | 'invalid' | 'root-cause-required';
export interface Refusal {
  code: RefusalCode;
  message: string;
  /** The offending field of the command, as a dotted path (`steps.1.dueOn`). */
  field?: string;
  /** What the actor may do now instead (for `not-allowed-now`). */
  allowed?: CommandType[];
}
export type Decision = { ok: true; events: Event[] } | { ok: false; refusal: Refusal };

const invalid = (field: string, message: string): Decision => ({
  ok: false,
  refusal: { code: 'invalid', field, message },
});

/**
 * Whether the complaint is in a state where the command makes sense at all, whoever asks.
 * The policy table then says who may issue it.
 */
export function isAvailable(
  complaint: Complaint,
  type: CommandType,
  now: Date,
  procedure: Procedure,
): boolean {
  const attempt = currentAttempt(complaint);
  const phase = attempt?.phase;
  switch (type) {
    case 'not-practical':
      return attempt?.number === FIRST_ATTEMPT && (phase === 'review' || phase === 'reviewed');
    case 'record-review':
      return phase === 'review';
    case 'propose':
      // At attempt 1 a proposal can be made on the spot; attempts 2 and 3 start with a recorded review.
      return phase === 'reviewed' || (phase === 'review' && attempt?.number === FIRST_ATTEMPT);
    case 'record-response':
      return phase === 'awaiting-response';
    case 'complete-step':
      return phase === 'implementing';
    case 'record-follow-up':
      return phase === 'follow-up' || phase === 'chasing';
    case 'escalate':
      return attempt !== undefined && nextAttempt(attempt.number) !== null;
    case 'declare-deadlock':
      // Deadlock at attempt 3 ends the director-level review, so that review must have happened.
      return (
        attempt !== undefined &&
        !(attempt.number === LAST_ATTEMPT && procedure.deadlockAfterDirectorReview && phase === 'review')
      );
    case 'record-referral':
      // Larger businesses cannot use ADR (Ofcom; CISAS Rules 1.5), whatever letter they were sent.
      return (
        isOpen(complaint) &&
        adrEligible(complaint) &&
        complaint.adrLetters.length > 0 &&
        complaint.referral === null
      );
    case 'record-ombudsman-outcome':
      // Recorded again when the customer, who had not yet answered, accepts or rejects the decision.
      return (
        isOpen(complaint) &&
        complaint.referral !== null &&
        (complaint.referral.decision === null || complaint.referral.decision.customerAccepted === null)
      );
    case 'record-case-fee':
      // The scheme invoices its fee per referral, often after the decision or the closure.
      return complaint.referral !== null;
    case 'withdraw':
      return isOpen(complaint);
    case 'close':
      // At deadlock; or once the scheme has decided on a complaint referred after a time-limit letter.
      return complaint.stage === 'deadlock' || (isOpen(complaint) && complaint.referral?.decision != null);
    case 'record-root-cause':
      return complaint.stage === 'closed';
    case 'assign':
      return isOpen(complaint);
    case 'take':
      return isOpen(complaint) && complaint.ownerId === null;
    case 'log-contact':
    case 'add-note':
    case 'reply':
      return true;
    case 'issue-time-limit-adr-letter':
      return timeLimitAdrLetterDue(complaint, procedure, now);
    case 'close-no-response': {
      const closeOn = noResponseCloseOn(complaint, procedure);
      return closeOn !== null && londonDate(now) >= closeOn;
    }
    case 'close-adr-window-expired': {
      // At deadlock, never referred, and the last day to refer has passed.
      const window = complaint.adrLetters.at(-1)?.windowEndsOn;
      return (
        complaint.stage === 'deadlock' &&
        complaint.referral === null &&
        window !== undefined &&
        londonDate(now) > window
      );
    }
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** The commands this actor may issue on the complaint now. */
export function nextActions(
  complaint: Complaint,
  actor: Actor,
  now: Date,
  procedure: Procedure,
): CommandType[] {
  return COMMAND_TYPES.filter(
    (type) =>
      isAvailable(complaint, type, now, procedure) && permits(complaint, type, actor, procedure) === null,
  );
}

/** Complaint Initiation: the facts gathered become a complaint in Resolution Attempt 1. */
export function initiate(facts: Initiation, now: Date, procedure: Procedure): Decision {
  const firstExpressedAt = facts.firstExpressedAt ?? now.toISOString();
  if (Number.isNaN(new Date(firstExpressedAt).getTime())) {
    return invalid('firstExpressedAt', 'must be a date and time (ISO 8601)');
  }
  if (new Date(firstExpressedAt).getTime() > now.getTime()) {
    return invalid('firstExpressedAt', 'must not be in the future');
  }
  if (!procedure.categories.includes(facts.category)) {
    return invalid('category', `must be one of ${procedure.categories.join(', ')}`);
  }
  const acknowledgeBy = calendarOf(procedure).addWorkingDays(
    londonDate(now),
    procedure.timescales.acknowledgeWorkingDays,
  );
  return {
    ok: true,
    events: [
      { type: 'complaint-recorded', complaint: { ...facts, firstExpressedAt, acknowledgeBy } },
      { type: 'attempt-opened', attempt: FIRST_ATTEMPT },
    ],
  };
}

/** What follows from `command` on `complaint`, or why it is refused. */
export function decide(complaint: Complaint, command: Command, ctx: DecideContext): Decision {
  const { actor, now, procedure } = ctx;
  if (!isAvailable(complaint, command.type, now, procedure)) {
    const allowed = nextActions(complaint, actor, now, procedure);
    return {
      ok: false,
      refusal: {
        code: 'not-allowed-now',
        message: `${command.type} is not possible while the complaint is at ${describePosition(complaint)}`,
        allowed,
      },
    };
  }
  const refusal = permits(complaint, command.type, actor, procedure);
  if (refusal) return { ok: false, refusal };
  return decideAvailable(complaint, command, ctx);
}

function describePosition(complaint: Complaint): string {
  const attempt = currentAttempt(complaint);
  return attempt ? `${complaint.stage} (${attempt.phase})` : complaint.stage;
}

function deadlockEvents(
  reason: string,
  declared: boolean,
  atAttempt: AttemptNumber,
  ctx: DecideContext,
): Event[] {
  const issuedOn = londonDate(ctx.now);
  return [
    { type: 'deadlock-declared', reason, declared, atAttempt },
    {
      type: 'adr-letter-issued',
      letterId: ctx.newId(),
      trigger: 'deadlock',
      issuedOn,
      windowEndsOn: adrWindowEndsOn(issuedOn, ctx.procedure),
    },
  ];
}

/**
 * The next attempt after a failed one, or deadlock after the director-level review. Who works the next
 * attempt is the routing's business (routing.ts), decided on the state this leaves.
 */
function escalation(from: AttemptNumber, reason: string, ctx: DecideContext): Event[] {
  const to = nextAttempt(from);
  if (to === null) return deadlockEvents(reason, false, from, ctx);
  return [
    { type: 'escalated', from, to, reason },
    { type: 'attempt-opened', attempt: to },
  ];
}

/**
 * A closing command's root cause: one of the procedure's codes when given; required when staff close a
 * complaint whose highest stage reached the procedure names. Customers (a "yes, sorted" in the portal) and
 * the clock close without one, and staff record it afterwards (`record-root-cause`).
 */
function rootCauseRefusal(complaint: Complaint, rootCause: string | undefined, ctx: DecideContext) {
  const { procedure } = ctx;
  if (rootCause !== undefined) {
    return findRootCause(procedure, rootCause)
      ? null
      : invalid(
          'rootCause',
          `is not a code of the procedure’s root-cause tree (one of its ${rootCauseCodes(procedure).length} codes, such as ${procedure.rootCauses[0]?.code ?? OTHER_ROOT_CAUSE} or ${OTHER_ROOT_CAUSE})`,
        );
  }
  const reached = stageReached(complaint);
  if (ctx.actor.kind !== 'staff' || !procedure.rootCauseRequiredAt.includes(reached)) return null;
  const decision: Decision = {
    ok: false,
    refusal: {
      code: 'root-cause-required',
      field: 'rootCause',
      message: `is required: the complaint reached ${procedure.stages[reached].name}, and the procedure asks for a root cause when such a complaint closes`,
    },
  };
  return decision;
}

/** A command's remedies with ids, or why they are refused: money carries a whole number of pence, the rest none. */
function remedyRecords(
  remedies: readonly RemedyInput[],
  ctx: DecideContext,
): { ok: true; records: RemedyRecord[] } | Extract<Decision, { ok: false }> {
  const records: RemedyRecord[] = [];
  for (const [i, remedy] of remedies.entries()) {
    const amount = remedy.amountPence ?? null;
    if (MONEY_REMEDY_TYPES.has(remedy.type)) {
      if (amount === null || !Number.isInteger(amount) || amount <= 0) {
        return {
          ok: false,
          refusal: {
            code: 'invalid',
            field: `remedies.${i}.amountPence`,
            message: `is required for ${remedy.type}: a whole number of pence above 0`,
          },
        };
      }
    } else if (amount !== null) {
      return {
        ok: false,
        refusal: {
          code: 'invalid',
          field: `remedies.${i}.amountPence`,
          message: `must be left out for ${remedy.type}: only a credit/refund or goodwill has an amount`,
        },
      };
    }
    records.push({ id: ctx.newId(), type: remedy.type, amountPence: amount });
  }
  return { ok: true, records };
}

function decideAvailable(complaint: Complaint, command: Command, ctx: DecideContext): Decision {
  const { now, procedure } = ctx;
  const today = londonDate(now);
  const attempt = currentAttempt(complaint);
  const attemptNumber = attempt?.number ?? 1;
  const ok = (...events: Event[]): Decision => ({ ok: true, events });
  switch (command.type) {
    case 'not-practical':
      return ok(
        { type: 'immediate-action-not-practical', reason: command.reason },
        { type: 'attempt-opened', attempt: DETAILED_REVIEW_ATTEMPT },
      );
    case 'record-review':
      return ok({ type: 'review-recorded', attempt: attemptNumber, findings: command.findings });
    case 'propose': {
      if (command.steps.length === 0) return invalid('steps', 'a proposal needs at least one step');
      const steps: Step[] = [];
      for (const [i, step] of command.steps.entries()) {
        const dueOn =
          step.dueOn ??
          calendarOf(procedure).addWorkingDays(today, procedure.timescales.defaultStepWorkingDays);
        if (!isLocalDate(dueOn)) return invalid(`steps.${i}.dueOn`, 'must be a date (YYYY-MM-DD)');
        if (dueOn < today) return invalid(`steps.${i}.dueOn`, 'must not be in the past');
        steps.push({
          id: ctx.newId(),
          description: step.description,
          ownerId: step.ownerId,
          dueOn,
          completedAt: null,
          completedBy: null,
          note: null,
        });
      }
      const remedies = remedyRecords(command.remedies ?? [], ctx);
      if (!remedies.ok) return remedies;
      return ok({
        type: 'proposal-made',
        attempt: attemptNumber,
        summary: command.summary,
        steps,
        remedies: remedies.records,
      });
    }
    case 'record-response': {
      const recorded: Event = {
        type: 'response-recorded',
        attempt: attemptNumber,
        outcome: command.outcome,
        note: command.note ?? null,
      };
      if (command.outcome === 'agreed') return ok(recorded);
      return ok(recorded, ...escalation(attemptNumber, 'the customer declined the proposal', ctx));
    }
    case 'complete-step': {
      const steps = attempt?.proposal?.steps ?? [];
      const step = steps.find((s) => s.id === command.stepId);
      if (!step) return invalid('stepId', 'is not a step of the current proposal');
      if (step.completedAt) return invalid('stepId', 'is already complete');
      const last = steps.every((s) => s.completedAt || s.id === step.id);
      const followUpDueOn = last
        ? calendarOf(procedure).addWorkingDays(today, procedure.timescales.followUpWorkingDays)
        : null;
      return ok({ type: 'step-completed', stepId: step.id, note: command.note ?? null, followUpDueOn });
    }
    case 'record-follow-up': {
      if (command.outcome === 'no-response' && attempt?.phase === 'chasing') {
        return invalid('outcome', 'the follow-up is already being chased');
      }
      const recorded: Event = {
        type: 'follow-up-recorded',
        attempt: attemptNumber,
        outcome: command.outcome,
        note: command.note ?? null,
      };
      if (command.outcome === 'satisfied') {
        const refused = rootCauseRefusal(complaint, command.rootCause, ctx);
        if (refused) return refused;
        return ok(recorded, {
          type: 'closed',
          reason: 'resolved',
          rootCause: command.rootCause ?? null,
          lessons: command.lessons ?? null,
        });
      }
      if (command.outcome === 'not-satisfied') {
        return ok(recorded, ...escalation(attemptNumber, 'the customer was not satisfied', ctx));
      }
      return ok(recorded);
    }
    case 'escalate':
      return ok(...escalation(attemptNumber, command.reason, ctx));
    case 'declare-deadlock':
      return ok(...deadlockEvents(command.reason, true, attemptNumber, ctx));
    case 'record-referral':
      if (!isLocalDate(command.referredOn)) return invalid('referredOn', 'must be a date (YYYY-MM-DD)');
      if (command.referredOn > today) return invalid('referredOn', 'must not be in the future');
      return ok({
        type: 'referral-recorded',
        schemeCaseReference: command.schemeCaseReference,
        referredOn: command.referredOn,
        caseFeePence: command.caseFeePence ?? null,
      });
    case 'record-ombudsman-outcome': {
      if (!isLocalDate(command.decidedOn)) return invalid('decidedOn', 'must be a date (YYYY-MM-DD)');
      if (command.decidedOn > today) return invalid('decidedOn', 'must not be in the future');
      if (command.remedy.awardPence > procedure.adrScheme.maxAwardPence) {
        return invalid(
          'remedy.awardPence',
          `must not exceed the scheme's limit of ${procedure.adrScheme.maxAwardPence}`,
        );
      }
      const remedies = remedyRecords(command.remedies ?? remediesOfDecision(command.remedy), ctx);
      if (!remedies.ok) return remedies;
      return ok({
        type: 'ombudsman-outcome-recorded',
        outcome: command.outcome,
        decidedOn: command.decidedOn,
        remedy: command.remedy,
        customerAccepted: command.customerAccepted,
        remedyDueOn: command.customerAccepted ? remedyDueOn(today, procedure) : null,
        remedies: remedies.records,
      });
    }
    case 'record-case-fee':
      return ok({ type: 'case-fee-recorded', caseFeePence: command.caseFeePence });
    case 'withdraw': {
      const refused = rootCauseRefusal(complaint, command.rootCause, ctx);
      if (refused) return refused;
      // The reason for withdrawing stands as the lesson when staff give none.
      return ok({
        type: 'closed',
        reason: 'withdrawn',
        rootCause: command.rootCause ?? null,
        lessons: command.lessons ?? command.reason,
      });
    }
    case 'close': {
      const closed = decideClose(complaint, command, today);
      return closed.ok ? (rootCauseRefusal(complaint, command.rootCause, ctx) ?? closed) : closed;
    }
    case 'record-root-cause':
      return (
        rootCauseRefusal(complaint, command.rootCause, ctx) ??
        ok({
          type: 'root-cause-recorded',
          rootCause: command.rootCause,
          // Left out: the lessons already recorded stand.
          lessons: command.lessons ?? complaint.closure?.lessons ?? null,
        })
      );
    case 'assign': {
      const roles = command.ownerId === null ? undefined : ctx.staffRoles?.get(command.ownerId);
      if (roles && !canWorkAt(procedure, complaint.stage, roles)) {
        const needs = procedure.stages[complaint.stage].roles.join(' or ');
        return invalid(
          'ownerId',
          `cannot own a complaint at ${procedure.stages[complaint.stage].name}: it needs the role ${needs}`,
        );
      }
      return ok({ type: 'assigned', ownerId: command.ownerId });
    }
    case 'take':
      return ctx.actor.kind === 'staff'
        ? ok({ type: 'assigned', ownerId: ctx.actor.id })
        : invalid('body', 'only staff take complaints');
    case 'log-contact': {
      const occurredAt = command.occurredAt ?? now.toISOString();
      if (Number.isNaN(new Date(occurredAt).getTime()))
        return invalid('occurredAt', 'must be a date and time (ISO 8601)');
      if (new Date(occurredAt).getTime() > now.getTime())
        return invalid('occurredAt', 'must not be in the future');
      return ok({
        type: 'contact-logged',
        contactId: ctx.newId(),
        channel: command.channel,
        direction: command.direction,
        summary: command.summary,
        occurredAt,
        // What customers say themselves is theirs to see; what staff log is internal unless they say not.
        visibleToCustomer: ctx.actor.kind === 'customer' || (command.visibleToCustomer ?? false),
      });
    }
    case 'add-note':
      return ok({ type: 'note-added', noteId: ctx.newId(), text: command.text });
    case 'reply':
      return ok({
        type: 'replied',
        replyId: ctx.newId(),
        subject: command.subject,
        body: command.body,
        ...(command.files?.length ? { files: command.files } : {}),
      });
    case 'issue-time-limit-adr-letter':
      return ok({
        type: 'adr-letter-issued',
        letterId: ctx.newId(),
        trigger: 'time-limit',
        issuedOn: today,
        windowEndsOn: adrWindowEndsOn(today, procedure),
      });
    case 'close-no-response':
      return ok({ type: 'closed', reason: 'resolved-no-response', rootCause: null, lessons: null });
    case 'close-adr-window-expired':
      return ok({ type: 'closed', reason: 'adr-window-expired', rootCause: null, lessons: null });
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function decideClose(
  complaint: Complaint,
  command: Extract<Command, { type: 'close' }>,
  today: string,
): Decision {
  const decision = complaint.referral?.decision;
  const closed: Event = {
    type: 'closed',
    reason: command.reason,
    rootCause: command.rootCause ?? null,
    lessons: command.lessons ?? null,
  };
  switch (command.reason) {
    case 'ombudsman-decision-implemented':
      if (decision?.customerAccepted !== true) {
        return invalid('reason', 'no accepted ombudsman decision is recorded');
      }
      return { ok: true, events: [closed] };
    case 'ombudsman-decision-not-accepted':
      if (decision?.customerAccepted !== false) {
        return invalid('reason', 'no ombudsman decision the customer turned down is recorded');
      }
      return { ok: true, events: [closed] };
    case 'adr-window-expired': {
      const window = complaint.adrLetters.at(-1)?.windowEndsOn;
      if (complaint.referral) return invalid('reason', 'the complaint was referred to the scheme');
      if (adrEligible(complaint) && (!window || today <= window)) {
        return invalid(
          'reason',
          `the customer can still refer the complaint until ${window ?? 'the window ends'}`,
        );
      }
      return { ok: true, events: [closed] };
    }
    default: {
      const unreachable: never = command.reason;
      return unreachable;
    }
  }
}
