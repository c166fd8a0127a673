/**
 * The summary of events: the audit trail told as sentences, oldest first. The trail is the record of what
 * happened and when; the complaint's attempts fill in what an event names only by id (a step's
 * description). Contacts and notes have their own sections and are left out here; an event this module
 * does not know is still listed, with its data, because evidence left out cannot be relied on later.
 */
import type { AuditEvent } from '../../db/audit.ts';
import {
  ATTEMPT_STAGE,
  type ClosureReason,
  type Complaint,
  isAttemptNumber,
  type Step,
} from '../../domain/complaint.ts';
import type { Procedure } from '../../domain/procedure.ts';
import { isLocalDate } from '../../domain/time.ts';
import { CLOSURE_REASON_TEXT, formatDate, formatPence, type People, words, yesNo } from './format.ts';

export interface EventLine {
  at: string;
  who: string;
  what: string;
}

const IN_OTHER_SECTIONS = new Set(['contact-logged', 'note-added']);

type Payload = Record<string, unknown>;

const isPayload = (value: unknown): value is Payload => typeof value === 'object' && value !== null;

const str = (p: Payload, key: string): string | null => {
  const value = p[key];
  return typeof value === 'string' ? value : null;
};
const num = (p: Payload, key: string): number | null => {
  const value = p[key];
  return typeof value === 'number' ? value : null;
};
const withNote = (sentence: string, note: string | null): string =>
  note ? `${sentence}: ${note}` : sentence;
// Payloads are read, not trusted: a date that is not one is shown as written rather than failing the export.
const date = (value: string | null): string =>
  value === null ? 'an unrecorded date' : isLocalDate(value) ? formatDate(value) : value;

function describe(
  type: string,
  p: Payload,
  context: { procedure: Procedure; people: People; steps: Map<string, Step> },
): string {
  const attemptName = (n: number | null) =>
    isAttemptNumber(n) ? context.procedure.stages[ATTEMPT_STAGE[n]].name : 'the attempt';
  const scheme = context.procedure.adrScheme.name;
  switch (type) {
    case 'complaint-recorded':
      return 'Complaint recorded and Complaint Reference Number issued';
    case 'attempt-opened':
      return `${attemptName(num(p, 'attempt'))} opened`;
    case 'immediate-action-not-practical':
      return withNote('Immediate action not practical; passed to a detailed review', str(p, 'reason'));
    case 'review-recorded':
      return withNote(`Review at ${attemptName(num(p, 'attempt'))}`, str(p, 'findings'));
    case 'proposal-made': {
      const steps = Array.isArray(p.steps) ? p.steps.filter(isPayload) : [];
      const list = steps.map((s) => `${str(s, 'description') ?? 'a step'} (due ${date(str(s, 'dueOn'))})`);
      return `Proposal at ${attemptName(num(p, 'attempt'))}: ${str(p, 'summary') ?? ''}${list.length ? `. Steps: ${list.join('; ')}` : ''}`;
    }
    case 'response-recorded':
      return withNote(
        `The customer ${str(p, 'outcome') === 'agreed' ? 'agreed to' : 'declined'} the proposal at ${attemptName(num(p, 'attempt'))}`,
        str(p, 'note'),
      );
    case 'step-completed': {
      const step = context.steps.get(str(p, 'stepId') ?? '');
      return withNote(`Step done: ${step?.description ?? str(p, 'stepId')}`, str(p, 'note'));
    }
    case 'follow-up-recorded': {
      const outcome = str(p, 'outcome');
      const said =
        outcome === 'satisfied'
          ? 'the customer is satisfied'
          : outcome === 'not-satisfied'
            ? 'the customer is not satisfied'
            : 'no response from the customer';
      return withNote(`Follow-up at ${attemptName(num(p, 'attempt'))}: ${said}`, str(p, 'note'));
    }
    case 'escalated':
      return withNote(
        `Escalated from ${attemptName(num(p, 'from'))} to ${attemptName(num(p, 'to'))}`,
        str(p, 'reason'),
      );
    case 'deadlock-declared':
      return withNote('Deadlock: our final position', str(p, 'reason'));
    case 'adr-letter-issued':
      return `ADR letter issued (${str(p, 'trigger') === 'time-limit' ? 'the time limit was reached' : 'deadlock'}); the customer may refer the complaint to ${scheme} until ${date(str(p, 'windowEndsOn'))}`;
    case 'referral-recorded': {
      const fee = num(p, 'caseFeePence');
      return `Referred to ${scheme} on ${date(str(p, 'referredOn'))}, case reference ${str(p, 'schemeCaseReference') ?? 'not given'}${fee === null ? '' : `; case fee ${formatPence(fee)}`}`;
    }
    case 'ombudsman-outcome-recorded': {
      const accepted = p.customerAccepted;
      const due = str(p, 'remedyDueOn');
      return `Ombudsman decision of ${date(str(p, 'decidedOn'))}: ${words(str(p, 'outcome') ?? 'unknown')}; accepted by the customer: ${typeof accepted === 'boolean' ? yesNo(accepted) : 'not yet known'}${due ? `; remedy due by ${date(due)}` : ''}`;
    }
    case 'case-fee-recorded':
      return `Case fee recorded: ${formatPence(num(p, 'caseFeePence') ?? 0)}`;
    case 'closed': {
      const reason = str(p, 'reason') ?? '';
      const text =
        reason in CLOSURE_REASON_TEXT ? CLOSURE_REASON_TEXT[reason as ClosureReason] : words(reason);
      const rootCause = str(p, 'rootCause');
      const lessons = str(p, 'lessons');
      return `Closed: ${text}${rootCause ? `. Root cause: ${rootCause}` : ''}${lessons ? `. Lessons: ${lessons}` : ''}`;
    }
    case 'assigned': {
      const owner = str(p, 'ownerId');
      return owner ? `Assigned to ${context.people.actor(owner)}` : 'Unassigned: back in the queue';
    }
    case 'letter-issued':
      return `Letter issued: ${str(p, 'title') ?? str(p, 'kind') ?? 'a letter'}${str(p, 'delivery') === 'post' ? ', by post' : ', by email'}`;
    case 'letter-posted':
      return `Letter posted: ${str(p, 'title') ?? str(p, 'kind') ?? 'a letter'}`;
    case 'email-not-sent':
      return `Email not sent (${words(str(p, 'email') ?? 'email')}): ${words(str(p, 'reason') ?? 'no reason recorded')}`;
    case 'portal-link-issued':
      return `A sign-in link to the customer portal was issued to the customer${str(p, 'to') === 'sms' ? ', by text message' : str(p, 'to') === 'email' ? ', by email' : ''}`;
    case 'file-sent':
      return `File sent to the customer with our reply: ${str(p, 'filename') ?? 'a file'} (SHA-256 ${str(p, 'sha256') ?? 'not recorded'})`;
    case 'file-uploaded':
      return `File uploaded by the customer on our website: ${str(p, 'filename') ?? 'a file'} (SHA-256 ${str(p, 'sha256') ?? 'not recorded'})`;
    case 'sms-sent':
      return `Text message sent to ${str(p, 'to') ?? 'the customer'}: a sign-in link to the customer portal`;
    case 'sms-failed':
      return `Text message to ${str(p, 'to') ?? 'the customer'} failed: ${str(p, 'error') ?? 'no reason recorded'}`;
    case 'case-file-exported':
      return `Case file exported: ${str(p, 'filename') ?? ''}`;
    case 'improvement-linked':
      return `Listed on improvement item ${str(p, 'improvement') ?? ''}: ${str(p, 'title') ?? ''}`;
    case 'improvement-unlinked':
      return `Taken off improvement item ${str(p, 'improvement') ?? ''}: ${str(p, 'title') ?? ''}`;
    default:
      return `${words(type)}${Object.keys(p).length ? `: ${JSON.stringify(p)}` : ''}`;
  }
}

/** The events of the trail as lines, oldest first. */
export function eventLines(
  audit: readonly AuditEvent[],
  complaint: Complaint,
  procedure: Procedure,
  people: People,
): EventLine[] {
  const steps = new Map(complaint.attempts.flatMap((a) => a.proposal?.steps ?? []).map((s) => [s.id, s]));
  return [...audit]
    .sort((a, b) => a.seq - b.seq)
    .filter((event) => !IN_OTHER_SECTIONS.has(event.type))
    .map((event) => {
      const payload = isPayload(event.payload) ? event.payload : {};
      return {
        at: event.at,
        who: people.actor(event.actor),
        what: describe(event.type, payload, { procedure, people, steps }),
      };
    });
}
