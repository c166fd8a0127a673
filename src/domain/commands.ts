/**
 * What people (and the clock) ask of a complaint, and what happens as a result. Command names are the API's.
 */
import type {
  AdrTrigger,
  AttemptNumber,
  Channel,
  ClosureReason,
  CustomerType,
  FollowUpOutcome,
  OmbudsmanOutcome,
  Remedy,
  RemedyOffer,
  RemedyType,
  ResponseOutcome,
  Step,
} from './complaint.ts';
import type { AssignmentMode, Category } from './procedure.ts';
import type { LocalDate } from './time.ts';

export type ContactChannel = Channel;
export type Direction = 'in' | 'out';

export type Command =
  | { type: 'not-practical'; reason: string }
  | { type: 'record-review'; findings: string }
  | {
      type: 'propose';
      summary: string;
      steps: { description: string; ownerId: string | null; dueOn?: LocalDate | undefined }[];
      /** What the proposal gives the customer, as the management information counts it. */
      remedies?: RemedyInput[] | undefined;
    }
  | { type: 'record-response'; outcome: ResponseOutcome; note?: string | undefined }
  | { type: 'complete-step'; stepId: string; note?: string | undefined }
  | {
      type: 'record-follow-up';
      outcome: FollowUpOutcome;
      note?: string | undefined;
      rootCause?: string | undefined;
      lessons?: string | undefined;
    }
  | { type: 'escalate'; reason: string }
  | { type: 'declare-deadlock'; reason: string }
  | {
      type: 'record-referral';
      schemeCaseReference: string;
      referredOn: LocalDate;
      caseFeePence?: number | undefined;
    }
  | {
      type: 'record-ombudsman-outcome';
      outcome: OmbudsmanOutcome;
      decidedOn: LocalDate;
      remedy: Remedy;
      customerAccepted: boolean | null;
      /** The decision's remedies by type; default: read from `remedy` (an award counts as goodwill). */
      remedies?: RemedyInput[] | undefined;
    }
  | { type: 'record-case-fee'; caseFeePence: number }
  | {
      type: 'withdraw';
      reason: string;
      rootCause?: string | undefined;
      lessons?: string | undefined;
    }
  | {
      type: 'close';
      reason: Extract<
        ClosureReason,
        'ombudsman-decision-implemented' | 'ombudsman-decision-not-accepted' | 'adr-window-expired'
      >;
      rootCause?: string | undefined;
      lessons?: string | undefined;
    }
  /** Staff record (or correct) the root cause of a closed complaint: one the customer or the clock closed. */
  | { type: 'record-root-cause'; rootCause: string; lessons?: string | undefined }
  | { type: 'assign'; ownerId: string | null }
  /** Staff with the stage's role take an unassigned complaint for themselves. */
  | { type: 'take' }
  | {
      type: 'log-contact';
      channel: ContactChannel;
      direction: Direction;
      summary: string;
      occurredAt?: string | undefined;
      /** Staff say whether the customer sees the summary in the portal (default: no). */
      visibleToCustomer?: boolean | undefined;
    }
  | { type: 'add-note'; text: string }
  /**
   * Staff write to the customer: an email, or a letter for post when they take no email; with files, stored
   * beside the complaint by the use case (their ids and names here).
   */
  | { type: 'reply'; subject: string; body: string; files?: ReplyFile[] | undefined }
  // The clock's commands, issued by the worker.
  | { type: 'issue-time-limit-adr-letter' }
  | { type: 'close-no-response' }
  | { type: 'close-adr-window-expired' };

export type CommandType = Command['type'];

export const COMMAND_TYPES = [
  'not-practical',
  'record-review',
  'propose',
  'record-response',
  'complete-step',
  'record-follow-up',
  'escalate',
  'declare-deadlock',
  'record-referral',
  'record-ombudsman-outcome',
  'record-case-fee',
  'withdraw',
  'close',
  'record-root-cause',
  'assign',
  'take',
  'log-contact',
  'add-note',
  'reply',
  'issue-time-limit-adr-letter',
  'close-no-response',
  'close-adr-window-expired',
] as const satisfies readonly CommandType[];

/** The facts gathered at Complaint Initiation. */
export interface Initiation {
  id: string;
  reference: string;
  customerId: string;
  customerType: CustomerType;
  channel: Channel;
  category: Category;
  description: string;
  /** What the customer said, in their own words, when the description is staff's account of it. */
  customerWords?: string | null | undefined;
  desiredOutcome: string | null;
  formal: boolean;
  firstExpressedAt?: string | undefined;
  ownerId: string | null;
}

export type Event =
  | {
      type: 'complaint-recorded';
      complaint: Omit<Initiation, 'firstExpressedAt' | 'customerWords'> & {
        customerWords?: string | null | undefined;
        firstExpressedAt: string;
        acknowledgeBy: LocalDate;
      };
    }
  | { type: 'attempt-opened'; attempt: AttemptNumber }
  | { type: 'immediate-action-not-practical'; reason: string }
  | { type: 'review-recorded'; attempt: AttemptNumber; findings: string }
  | {
      type: 'proposal-made';
      attempt: AttemptNumber;
      summary: string;
      steps: Step[];
      /** Absent from proposals made before remedies were recorded. */
      remedies?: RemedyRecord[] | undefined;
    }
  | { type: 'response-recorded'; attempt: AttemptNumber; outcome: ResponseOutcome; note: string | null }
  | { type: 'step-completed'; stepId: string; note: string | null; followUpDueOn: LocalDate | null }
  | { type: 'follow-up-recorded'; attempt: AttemptNumber; outcome: FollowUpOutcome; note: string | null }
  | { type: 'escalated'; from: AttemptNumber; to: AttemptNumber; reason: string }
  | {
      type: 'deadlock-declared';
      reason: string;
      /** A director declared it, in their words; false when attempt 3 failed (the procedure's words). */
      declared: boolean;
      /** The attempt it ended (absent from events recorded before it was kept). */
      atAttempt?: AttemptNumber | undefined;
    }
  | {
      type: 'adr-letter-issued';
      letterId: string;
      trigger: AdrTrigger;
      issuedOn: LocalDate;
      windowEndsOn: LocalDate;
    }
  | {
      type: 'referral-recorded';
      schemeCaseReference: string;
      referredOn: LocalDate;
      caseFeePence: number | null;
    }
  | {
      type: 'ombudsman-outcome-recorded';
      outcome: OmbudsmanOutcome;
      decidedOn: LocalDate;
      remedy: Remedy;
      customerAccepted: boolean | null;
      remedyDueOn: LocalDate | null;
      /** Absent from decisions recorded before remedies were recorded by type. */
      remedies?: RemedyRecord[] | undefined;
    }
  | { type: 'case-fee-recorded'; caseFeePence: number }
  | { type: 'closed'; reason: ClosureReason; rootCause: string | null; lessons: string | null }
  | { type: 'root-cause-recorded'; rootCause: string; lessons: string | null }
  | {
      type: 'assigned';
      ownerId: string | null;
      /**
       * Set when the procedure routed the complaint, not a person: it moved to a stage its owner cannot work
       * at (`queue`: back to the stage's queue), or was given to someone in turn or by load.
       */
      routed?: AssignmentMode | undefined;
    }
  | {
      type: 'contact-logged';
      contactId: string;
      channel: ContactChannel;
      direction: Direction;
      summary: string;
      occurredAt: string;
      /** Whether the portal shows the summary: always for the customer's own contacts. */
      visibleToCustomer: boolean;
    }
  | { type: 'note-added'; noteId: string; text: string }
  | { type: 'replied'; replyId: string; subject: string; body: string; files?: ReplyFile[] | undefined };

/** A remedy as a command gives it: the amount only for money. */
export interface RemedyInput {
  type: RemedyType;
  amountPence?: number | null | undefined;
}

/** A remedy as an event records it: its id, type and amount. */
export interface RemedyRecord extends RemedyOffer {
  id: string;
}

/** A file sent with a reply. */
export interface ReplyFile {
  id: string;
  filename: string;
}

export type EventType = Event['type'];
