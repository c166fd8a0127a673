/**
 * A complaint as plain data: what was recorded at initiation, the attempts at resolution, the ADR letters
 * issued, the ombudsman referral and the closure. The interaction log (contacts, notes) lives beside it,
 * not inside: nothing in the procedure's decisions depends on it.
 */
import type { Category, Stage, StageReached } from './procedure.ts';
import type { LocalDate } from './time.ts';

export const CHANNELS = ['phone', 'email', 'web', 'letter', 'textphone', 'in-person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CUSTOMER_TYPES = ['residential', 'small-business', 'not-for-profit', 'large-business'] as const;
/** Residential and small business / not-for-profit (10 or fewer workers) customers may use ADR. */
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/**
 * The resolution attempts, at rising levels: the first is immediate exploration, the second a detailed
 * review, the last a director-level review. Code names them by role, never by number, so a procedure with
 * another number of attempts makes the compiler list what to change.
 */
export const ATTEMPT_NUMBERS = [1, 2, 3] as const;
export type AttemptNumber = (typeof ATTEMPT_NUMBERS)[number];
export const FIRST_ATTEMPT = 1 satisfies AttemptNumber;
export const DETAILED_REVIEW_ATTEMPT = 2 satisfies AttemptNumber;
/** The director-level review: the last attempt before deadlock. */
export const LAST_ATTEMPT = 3 satisfies AttemptNumber;

/** The stage of each attempt. */
export const ATTEMPT_STAGE = {
  1: 'attempt-1',
  2: 'attempt-2',
  3: 'attempt-3',
} as const satisfies Record<AttemptNumber, Stage>;

/** The attempt after this one, or null after the last (which ends in deadlock). */
export function nextAttempt(attempt: AttemptNumber): AttemptNumber | null {
  const next = ATTEMPT_NUMBERS[ATTEMPT_NUMBERS.indexOf(attempt) + 1];
  return next ?? null;
}

/** Whether a number read from stored data is an attempt's. */
export function isAttemptNumber(value: unknown): value is AttemptNumber {
  return ATTEMPT_NUMBERS.includes(value as AttemptNumber);
}

/**
 * Where an attempt is in its cycle: review → proposal → customer's response → implementation → follow-up.
 * `chasing` is a follow-up that got no answer; `ended` is an attempt that escalated, resolved or deadlocked.
 */
export type AttemptPhase =
  | 'review'
  | 'reviewed'
  | 'awaiting-response'
  | 'implementing'
  | 'follow-up'
  | 'chasing'
  | 'ended';

export type AttemptOutcome = 'resolved' | 'escalated' | 'deadlock' | 'withdrawn';

export interface Step {
  id: string;
  description: string;
  /** The staff member who owns the step; null when the customer owns it. */
  ownerId: string | null;
  dueOn: LocalDate;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
}

export interface Proposal {
  summary: string;
  proposedAt: string;
  proposedBy: string | null;
  steps: Step[];
}

export type ResponseOutcome = 'agreed' | 'declined';
export type FollowUpOutcome = 'satisfied' | 'not-satisfied' | 'no-response';

export interface Attempt {
  number: AttemptNumber;
  phase: AttemptPhase;
  openedAt: string;
  /** Who reviewed or proposed at this attempt: the objectivity rule compares attempt 3's with attempt 2's. */
  handlerId: string | null;
  review: { findings: string; recordedAt: string; recordedBy: string | null } | null;
  proposal: Proposal | null;
  response: { outcome: ResponseOutcome; note: string | null; recordedAt: string } | null;
  followUp: { outcome: FollowUpOutcome; note: string | null; recordedAt: string } | null;
  /** London date by which the follow-up contact is due, once every step is done. */
  followUpDueOn: LocalDate | null;
  outcome: AttemptOutcome | null;
  endedAt: string | null;
  escalationReason: string | null;
}

export type AdrTrigger = 'deadlock' | 'time-limit';

export interface AdrLetter {
  id: string;
  trigger: AdrTrigger;
  issuedAt: string;
  issuedOn: LocalDate;
  /** Last day on which the customer can take the complaint to the scheme (12 months). */
  windowEndsOn: LocalDate;
}

export type OmbudsmanOutcome = 'upheld' | 'partly-upheld' | 'not-upheld' | 'settled';

export interface Remedy {
  apology: boolean;
  explanation: boolean;
  action: string | null;
  /** Financial award in pence, VAT included. */
  awardPence: number;
}

/**
 * What a remedy gives the customer, as the management information counts it: the first three cost nothing in
 * money; a credit or refund returns what they were owed; goodwill is compensation beyond it.
 */
export const REMEDY_TYPES = [
  'apology',
  'explanation',
  'practical-action',
  'credit-refund',
  'goodwill',
] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** The remedy types that are money, and so carry an amount. */
export const MONEY_REMEDY_TYPES: ReadonlySet<RemedyType> = new Set(['credit-refund', 'goodwill']);

/** A remedy as offered in a proposal or ordered by an ombudsman decision. */
export interface RemedyOffer {
  type: RemedyType;
  /** Pence, VAT included, for a credit/refund or goodwill; null for the others. */
  amountPence: number | null;
}

/** A remedy recorded with a proposal or an ombudsman decision, and when the customer accepted it. */
export interface RecordedRemedy extends RemedyOffer {
  id: string;
  source: 'proposal' | 'ombudsman';
  /** The attempt whose proposal offered it; null for the ombudsman's. */
  attemptNumber: AttemptNumber | null;
  recordedAt: string;
  /** When the customer agreed the proposal or accepted the decision; null until then. */
  acceptedAt: string | null;
}

/** The structured remedies an ombudsman remedy stands for, when the decision was recorded without them. */
export function remediesOfDecision(remedy: Remedy): RemedyOffer[] {
  const offers: RemedyOffer[] = [];
  if (remedy.apology) offers.push({ type: 'apology', amountPence: null });
  if (remedy.explanation) offers.push({ type: 'explanation', amountPence: null });
  if (remedy.action) offers.push({ type: 'practical-action', amountPence: null });
  // A scheme's financial award compensates for the trouble: goodwill, unless said otherwise.
  if (remedy.awardPence > 0) offers.push({ type: 'goodwill', amountPence: remedy.awardPence });
  return offers;
}

export interface Referral {
  schemeCaseReference: string;
  referredOn: LocalDate;
  caseFeePence: number | null;
  decision: {
    outcome: OmbudsmanOutcome;
    decidedOn: LocalDate;
    remedy: Remedy;
    customerAccepted: boolean | null;
    /** When the provider must have implemented an accepted decision. */
    remedyDueOn: LocalDate | null;
    /** When the remedy was recorded as implemented (the complaint closed then). */
    implementedOn: LocalDate | null;
  } | null;
}

export type ReferralStatus = 'referred' | 'awaiting-customer' | 'accepted' | 'not-accepted' | 'implemented';

/** Where a referral stands: with the scheme, decided and waiting for the customer, accepted, done. */
export function referralStatus(referral: Referral): ReferralStatus {
  const decision = referral.decision;
  if (!decision) return 'referred';
  if (decision.implementedOn) return 'implemented';
  if (decision.customerAccepted === null) return 'awaiting-customer';
  return decision.customerAccepted ? 'accepted' : 'not-accepted';
}

export const CLOSURE_REASONS = [
  'resolved',
  'resolved-no-response',
  'withdrawn',
  'ombudsman-decision-implemented',
  'ombudsman-decision-not-accepted',
  'adr-window-expired',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export interface Closure {
  reason: ClosureReason;
  closedAt: string;
  rootCause: string | null;
  lessons: string | null;
}

export interface Complaint {
  id: string;
  reference: string;
  customerId: string;
  customerType: CustomerType;
  channel: Channel;
  category: Category;
  /** The complaint as recorded (by staff, or the customer's own message on the web or by email). */
  description: string;
  /** The customer's own words, when staff recorded the description; letters quote these. */
  customerWords: string | null;
  desiredOutcome: string | null;
  /** The customer asked for a formal complaint; a record, not a gate. */
  formal: boolean;
  /** When the customer first expressed dissatisfaction: the ADR clock starts here. */
  firstExpressedAt: string;
  receivedAt: string;
  acknowledgeBy: LocalDate;
  stage: Stage;
  ownerId: string | null;
  attempts: Attempt[];
  adrLetters: AdrLetter[];
  referral: Referral | null;
  closure: Closure | null;
  /** Remedies offered in proposals and ordered by the ombudsman, oldest first, then by type. */
  remedies: RecordedRemedy[];
  /** Bumped by every change; guards concurrent writers. */
  version: number;
}

/** Whether the complaint is still being handled. */
export function isOpen(complaint: Complaint): boolean {
  return complaint.stage !== 'closed';
}

/** The attempt under way, if any. */
export function currentAttempt(complaint: Complaint): Attempt | undefined {
  const last = complaint.attempts.at(-1);
  return last && last.phase !== 'ended' ? last : undefined;
}

/**
 * The person handling the complaint, as letters name them: its owner, else whoever handled the latest attempt
 * that had a handler.
 */
export function handlerOf(complaint: Complaint): string | null {
  return complaint.ownerId ?? complaint.attempts.findLast((a) => a.handlerId !== null)?.handlerId ?? null;
}

/** Whether this customer can take the complaint to an ADR scheme. */
export function adrEligible(complaint: Pick<Complaint, 'customerType'>): boolean {
  return complaint.customerType !== 'large-business';
}

/** Channels on which the description is the customer's own message, not staff's account of a call. */
const CUSTOMER_WRITTEN: ReadonlySet<Channel> = new Set(['web', 'email']);

/**
 * What letters quote back to the customer as their complaint: their own words where we have them, else
 * the description as recorded, said to be ours.
 */
export function complaintAsQuoted(complaint: Pick<Complaint, 'customerWords' | 'description' | 'channel'>): {
  text: string;
  theirWords: boolean;
} {
  if (complaint.customerWords?.trim()) return { text: complaint.customerWords, theirWords: true };
  return { text: complaint.description, theirWords: CUSTOMER_WRITTEN.has(complaint.channel) };
}

/**
 * The highest stage the complaint reached: deadlock once declared (or reached after attempt 3), else the
 * stage of its latest attempt. Management information and the root-cause rule count by it.
 */
export function stageReached(complaint: Pick<Complaint, 'attempts'>): StageReached {
  if (complaint.attempts.some((a) => a.outcome === 'deadlock')) return 'deadlock';
  const latest = complaint.attempts.reduce<AttemptNumber | null>(
    (highest, a) => (highest === null || a.number > highest ? a.number : highest),
    null,
  );
  return latest === null ? 'initiation' : ATTEMPT_STAGE[latest];
}
