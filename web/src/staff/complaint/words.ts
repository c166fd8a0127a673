/** The words the complaint pages use for the API's codes. */
import { formatDay, formatPence, formatSize, humanize, londonToday } from '../../ui/format.ts';
import type { Attempt, Complaint, Letter, Referral, StaffCommand } from './api.ts';

export const PHASE_WORDS: Record<Attempt['phase'], string> = {
  review: 'Reviewing the complaint',
  reviewed: 'Review recorded: propose remedial action',
  'awaiting-response': 'Waiting for the customer’s response to the proposal',
  implementing: 'Carrying out the agreed steps',
  'follow-up': 'All steps done: follow up with the customer',
  chasing: 'Follow-up unanswered: chasing the customer',
  ended: 'Attempt ended',
};

export const OUTCOME_WORDS: Record<NonNullable<Attempt['outcome']>, string> = {
  resolved: 'Resolved',
  escalated: 'Escalated',
  deadlock: 'Deadlock declared',
  withdrawn: 'Withdrawn',
};

export const FOLLOW_UP_WORDS = {
  satisfied: 'Satisfied',
  'not-satisfied': 'Not satisfied',
  'no-response': 'No response',
} as const;

export const RESPONSE_WORDS = { agreed: 'Agreed', declined: 'Declined' } as const;

export const CHANNEL_WORDS: Record<Complaint['channel'], string> = {
  phone: 'Phone',
  email: 'Email',
  web: 'Web',
  letter: 'Letter',
  textphone: 'Textphone',
  'in-person': 'In person',
};

export const CLOSURE_WORDS: Record<string, string> = {
  resolved: 'Resolved',
  'resolved-no-response': 'Resolved (no response to follow-up)',
  withdrawn: 'Withdrawn by the customer',
  'ombudsman-decision-implemented': 'Ombudsman decision implemented',
  'ombudsman-decision-not-accepted': 'Ombudsman decision not accepted',
  'adr-window-expired': 'ADR window expired',
};

export const OMBUDSMAN_WORDS = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
  settled: 'Settled',
} as const;

/** Where an ombudsman referral stands, in words. */
export const REFERRAL_STATUS_WORDS: Record<Referral['status'], string> = {
  referred: 'With the scheme, waiting for its decision',
  'awaiting-customer': 'Decided: waiting for the customer to accept or reject the decision',
  accepted: 'The customer accepted the decision: the remedy must be carried out',
  'not-accepted': 'The customer did not accept the decision',
  implemented: 'The remedy has been carried out',
};

/**
 * How a letter reaches the customer: "Sent with an email", "Queued for post", "Posted on Monday 2 November
 * 2026". An emailed letter is not called delivered: its email may still be waiting or may have failed, and the
 * email's own entry on the timeline says which.
 */
export function deliveryWords(letter: Pick<Letter, 'delivery' | 'printStatus' | 'postedAt'>): string {
  if (letter.delivery === 'email') return 'Sent with an email';
  if (letter.printStatus === 'posted' && letter.postedAt) {
    return `Posted on ${formatDay(londonToday(new Date(letter.postedAt)))}`;
  }
  return 'Queued for post';
}

export const TRIGGER_WORDS = { deadlock: 'deadlock', 'time-limit': 'time limit' } as const;

export function customerTypeWords(type: string): string {
  switch (type) {
    case 'small-business':
      return 'Small business';
    case 'not-for-profit':
      return 'Not-for-profit';
    case 'large-business':
      return 'Large business';
    default:
      return humanize(type);
  }
}

/** The customer emails, as staff read them on the timeline. */
export const EMAIL_KIND_WORDS: Record<string, string> = {
  acknowledgement: 'acknowledgement',
  proposal: 'proposal',
  'follow-up': 'follow-up question',
  escalation: 'escalation',
  'adr-letter': 'ADR letter notice',
  closure: 'closure',
  'portal-link': 'portal sign-in link',
};

const NO_EMAIL_WORDS: Record<string, string> = {
  'prefers-letters': 'the customer prefers letters',
  'no-email-address': 'the customer has no email address',
};

/** An email on the timeline: heading, detail and whether it failed for good. */
export function describeEmail(
  type: string,
  subject: string,
  details: { status?: string; lastError?: string | null; attempts?: number; to?: string },
): { kind: string; text: string; failed: boolean } {
  if (type === 'email-in') return { kind: `Email received: ${subject}`, text: '', failed: false };
  switch (details.status) {
    case 'sent':
      return { kind: `Email sent: ${subject}`, text: details.to ? `To ${details.to}` : '', failed: false };
    case 'failed':
      return {
        kind: `Email failed: ${subject}`,
        text: `Not delivered after ${details.attempts ?? 0} tries: contact the customer another way. Last error: ${details.lastError ?? 'unknown'}`,
        failed: true,
      };
    default:
      return {
        kind: `Email waiting to be sent: ${subject}`,
        text: details.lastError ? `Will try again. Last error: ${details.lastError}` : '',
        failed: false,
      };
  }
}

/** What a command did, announced (role="status") once it has succeeded. */
export const DONE_WORDS: Record<StaffCommand, string> = {
  assign: 'Owner saved',
  take: 'You own this complaint now',
  reply: 'Sent to the customer',
  'record-review': 'Review recorded',
  'not-practical':
    'Recorded that immediate action is not practical: the complaint has moved to detailed review',
  propose: 'Proposal saved',
  'record-response': 'Customer’s response saved',
  'complete-step': 'Step marked done',
  'record-follow-up': 'Follow-up recorded',
  escalate: 'Complaint escalated to the next resolution attempt',
  'declare-deadlock': 'Deadlock declared: the ADR letter has been issued',
  'record-referral': 'ADR referral recorded',
  'record-ombudsman-outcome': 'Ombudsman decision saved',
  'record-case-fee': 'Case fee saved',
  close: 'Complaint closed',
  withdraw: 'Withdrawal recorded: the complaint is closed',
  'record-root-cause': 'Root cause saved',
  'log-contact': 'Contact logged',
  'add-note': 'Note added',
};

/** A step of any attempt's proposal, found by its id, for the timeline. */
export interface StepRef {
  attempt: number;
  number: number;
  description: string;
}

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** An audit event as a heading (its kind in words) and a line of detail. */
export function describeEvent(
  type: string,
  payload: Payload,
  names: (id: string | null) => string,
  step: (id: string) => StepRef | undefined = () => undefined,
): { kind: string; text: string; userText?: boolean } {
  switch (type) {
    case 'complaint-recorded':
      return { kind: 'Complaint recorded', text: '' };
    case 'attempt-opened':
      return { kind: `Resolution Attempt ${payload.attempt} opened`, text: '' };
    case 'immediate-action-not-practical':
      return { kind: 'Immediate action not practical', text: str(payload.reason), userText: true };
    case 'review-recorded':
      return {
        kind: `Review recorded (attempt ${payload.attempt})`,
        text: str(payload.findings),
        userText: true,
      };
    case 'proposal-made':
      return {
        kind: `Remedial action proposed (attempt ${payload.attempt})`,
        text: str(payload.summary),
        userText: true,
      };
    case 'response-recorded':
      return {
        kind: `Customer’s response: ${payload.outcome === 'agreed' ? 'agreed' : 'declined'}`,
        text: str(payload.note),
        userText: true,
      };
    case 'step-completed': {
      const done = step(str(payload.stepId));
      const note = str(payload.note);
      return {
        kind: done ? `Step ${done.number} marked done (attempt ${done.attempt})` : 'Step marked done',
        text: [done?.description, note && `Note: ${note}`].filter(Boolean).join(' · '),
        userText: true,
      };
    }
    case 'follow-up-recorded':
      return {
        kind: `Follow-up: ${FOLLOW_UP_WORDS[payload.outcome as keyof typeof FOLLOW_UP_WORDS] ?? str(payload.outcome)}`,
        text: str(payload.note),
        userText: true,
      };
    case 'escalated':
      return {
        kind: `Escalated from attempt ${payload.from} to attempt ${payload.to}`,
        text: str(payload.reason),
        userText: true,
      };
    case 'deadlock-declared':
      return { kind: 'Deadlock declared', text: str(payload.reason), userText: true };
    case 'adr-letter-issued':
      return {
        kind: `ADR letter issued (${TRIGGER_WORDS[payload.trigger as keyof typeof TRIGGER_WORDS] ?? str(payload.trigger)})`,
        text: payload.windowEndsOn
          ? `The customer can take the complaint to the ADR scheme until ${formatDay(str(payload.windowEndsOn))}.`
          : '',
      };
    case 'referral-recorded':
      return {
        kind: 'Referred to the ADR scheme',
        text: `Scheme case reference ${str(payload.schemeCaseReference)}, referred on ${formatDay(str(payload.referredOn))}`,
      };
    case 'ombudsman-outcome-recorded':
      return {
        kind: `Ombudsman decision: ${OMBUDSMAN_WORDS[payload.outcome as keyof typeof OMBUDSMAN_WORDS] ?? str(payload.outcome)}`,
        text:
          payload.customerAccepted === true
            ? 'The customer accepted the decision.'
            : payload.customerAccepted === false
              ? 'The customer did not accept the decision.'
              : 'The customer has not yet said whether they accept it.',
      };
    case 'case-fee-recorded':
      return {
        kind: 'ADR case fee recorded',
        text: typeof payload.caseFeePence === 'number' ? formatPence(payload.caseFeePence) : '',
      };
    case 'remedy-reminder': {
      const dueOn = str(payload.remedyDueOn);
      const daysBefore = typeof payload.daysBefore === 'number' ? payload.daysBefore : 0;
      return daysBefore < 0
        ? {
            kind: 'Ombudsman remedy overdue',
            text: `It was due by ${formatDay(dueOn)} and is not recorded as carried out. The owner and the directors were alerted.`,
          }
        : {
            kind: 'Ombudsman remedy reminder',
            text: `The remedy must be carried out by ${formatDay(dueOn)}. The owner and the directors were alerted.`,
          };
    }
    case 'letter-issued':
      return {
        kind: `Letter issued: ${str(payload.title) || 'letter'}`,
        text: [
          payload.delivery === 'post'
            ? 'Sent to the print queue, to be posted'
            : 'Attached to the email to the customer',
          payload.largePrint === true ? 'large print' : '',
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'letter-posted':
      return {
        kind: `Letter posted: ${str(payload.title) || 'letter'}`,
        text: 'Printed and posted to the customer',
      };
    case 'file-uploaded':
      return { kind: 'File uploaded by the customer', text: str(payload.filename), userText: true };
    case 'case-file-exported':
      return {
        kind: 'Case file exported for the ombudsman',
        text: [
          str(payload.filename),
          typeof payload.sizeBytes === 'number' ? formatSize(payload.sizeBytes) : '',
          payload.sha256 ? `SHA-256 ${str(payload.sha256).slice(0, 12)}…` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'improvement-linked':
      return {
        kind: `Listed on improvement ${str(payload.improvement)}`,
        text: str(payload.title),
        userText: true,
      };
    case 'improvement-unlinked':
      return {
        kind: `Taken off improvement ${str(payload.improvement)}`,
        text: str(payload.title),
        userText: true,
      };
    case 'closed':
      return {
        kind: `Closed: ${CLOSURE_WORDS[str(payload.reason)] ?? humanize(str(payload.reason))}`,
        text: '',
      };
    case 'assigned':
      return {
        kind: 'Assigned',
        text: payload.ownerId ? `Now owned by ${names(str(payload.ownerId))}` : 'Now unassigned',
      };
    case 'email-not-sent':
      return {
        kind: `No email sent (${EMAIL_KIND_WORDS[str(payload.email)] ?? humanize(str(payload.email))})`,
        text: `Because ${NO_EMAIL_WORDS[str(payload.reason)] ?? humanize(str(payload.reason))}.`,
      };
    case 'portal-link-issued':
      return {
        kind: 'Portal sign-in link issued to the customer',
        text: `By ${str(payload.to) === 'sms' ? 'text message' : str(payload.to)}`,
      };
    case 'sms-sent':
      return { kind: 'Text message sent (portal sign-in link)', text: `To ${str(payload.to)}` };
    case 'sms-failed':
      return {
        kind: 'Text message failed (portal sign-in link)',
        text: `To ${str(payload.to)}: ${str(payload.error)}`,
      };
    case 'adr-limit-warning':
      return { kind: 'ADR time-limit warning', text: '' };
    case 'step-overdue-alert':
      return { kind: 'Overdue step alert', text: '' };
    default:
      return { kind: humanize(type), text: '' };
  }
}
