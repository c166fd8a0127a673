/**
 * The procedure a provider publishes and Redress enforces: company details, stages and their texts, roles,
 * timescales, the ADR scheme, categories and the CRN format. Plain data; `config/` validates it with zod.
 */
export const ROLES = ['agent', 'reviewer', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = ['initiation', 'attempt-1', 'attempt-2', 'attempt-3', 'deadlock', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages of a complaint still being handled. */
export const OPEN_STAGES = [
  'initiation',
  'attempt-1',
  'attempt-2',
  'attempt-3',
  'deadlock',
] as const satisfies readonly Stage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

export const CATEGORIES = [
  'billing',
  'service-quality',
  'customer-service',
  'contract',
  'equipment',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PostalAddress {
  lines: string[];
  town: string;
  postcode: string;
}

export interface Company {
  name: string;
  tradingName: string;
  phone: string;
  email: string;
  website: string;
  address: PostalAddress;
}

export interface StageText {
  /** The name the customer sees, in the seed's own words ("Resolution Attempt 2"). */
  name: string;
  /** What happens at this stage, for staff. */
  description: string;
  /** What the published code tells the customer about this stage. */
  customerText: string;
  /** Roles that may take the stage's decisions (review, proposal, deadlock). */
  roles: Role[];
}

export interface Timescales {
  /** Weeks from first expression of dissatisfaction after which the ADR letter is due. */
  adrLimitWeeks: number;
  /** The limit for complaints first raised before `adrLimitChangedOn`. */
  adrLimitWeeksBefore: number;
  /** London date from which `adrLimitWeeks` applies (Ofcom: 2026-04-08). */
  adrLimitChangedOn: string;
  /** Days of silence after a follow-up chase before the complaint closes as resolved. */
  noResponseCloseDays: number;
  /** Weeks after first expression at which staff are warned of the coming ADR limit. */
  adrWarningWeeks: number[];
  /** Working days to acknowledge a complaint. */
  acknowledgeWorkingDays: number;
  /** Working days a remedial step is due in when no date is agreed. */
  defaultStepWorkingDays: number;
  /** Working days after the last step is done by which the follow-up contact is due. */
  followUpWorkingDays: number;
  /** Months the customer has to take the complaint to the ADR scheme after the ADR letter. */
  adrWindowMonths: number;
  /** Days before an accepted ombudsman remedy is due on which staff are reminded (and the day after, if late). */
  remedyReminderDays: number[];
}

export interface AdrScheme {
  id: 'communications-ombudsman' | 'cisas' | 'other';
  name: string;
  /** The name as it reads inside a sentence ("the Communications Ombudsman", "CISAS"). */
  nameInText: string;
  address: PostalAddress;
  phone: string;
  textphone: string | null;
  email: string | null;
  website: string;
  /** Largest award the scheme can make, in pence, VAT included. */
  maxAwardPence: number;
  /** Days within which an accepted decision is implemented (Communications Ombudsman 28, CISAS 20 working). */
  remedyDays: number;
  remedyDaysAreWorkingDays: boolean;
}

/**
 * How a complaint finds the person who works it when it moves to a stage its owner cannot work at: it waits
 * unassigned in that stage's queue, or goes to one of the people with the stage's owning role in turn
 * (`round-robin`) or to whoever has the fewest open complaints (`least-loaded`).
 */
export const ASSIGNMENT_MODES = ['queue', 'round-robin', 'least-loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface Routing {
  assignment: AssignmentMode;
  /**
   * Email of the director responsible for complaints: named in a letter when nobody handles the complaint
   * yet (REGULATORY item 11: every letter names a person).
   */
  responsibleDirector: string | null;
}

export interface CrnFormat {
  prefix: string;
  sequenceDigits: number;
}

/**
 * A cause a complaint can be put down to at closure, for the improvement review (REGULATORY item 18): a
 * code that never changes once used, the label staff see, and finer causes beneath it. A complaint records
 * one code, a leaf's or a parent's.
 */
export interface RootCause {
  code: string;
  label: string;
  children?: { code: string; label: string }[] | undefined;
}

/** The code under which causes that fit nowhere else, and free-text causes from before the tree, are kept. */
export const OTHER_ROOT_CAUSE = 'other';

/** Stages a complaint can reach before it closes; the highest one reached is its "stage reached". */
export const STAGES_REACHED = [
  'initiation',
  'attempt-1',
  'attempt-2',
  'attempt-3',
  'deadlock',
] as const satisfies readonly Stage[];
export type StageReached = (typeof STAGES_REACHED)[number];

export interface Procedure {
  company: Company;
  stages: Record<Stage, StageText>;
  timescales: Timescales;
  adrScheme: AdrScheme;
  regulator: { name: string; website: string; phone: string };
  categories: Category[];
  crn: CrnFormat;
  /** The attempt-3 reviewer must not be whoever handled attempt 2 (nor may they declare deadlock there). */
  attempt3ReviewerMustDiffer: boolean;
  /** Deadlock at attempt 3 only after the director-level review is recorded. */
  deadlockAfterDirectorReview: boolean;
  routing: Routing;
  /** The root-cause tree staff choose from at closure. */
  rootCauses: RootCause[];
  /**
   * A complaint whose highest stage reached is one of these must have a root cause when staff close it
   * (Miso: attempt 2 and after). Customers and the clock close without one; staff record it afterwards.
   */
  rootCauseRequiredAt: StageReached[];
  /** England & Wales bank holidays as London dates (YYYY-MM-DD); replaces the shipped calendar when set. */
  bankHolidays?: string[] | undefined;
  /**
   * How many customers the provider has, for complaints per 1,000 and per 100,000 customers (Ofcom's
   * figure) on the dashboard; those figures are left out when it is not set.
   */
  customerCount?: number | undefined;
  /**
   * How long a closed complaint's personal data is kept (UK GDPR data minimisation; REGULATORY item 17):
   * `monthsAfterClosure`, default 72 (6 years), never less than 12 months after an ADR letter.
   */
  retention?: { monthsAfterClosure: number } | undefined;
}

/**
 * The role that owns a stage: the first of the stage's roles (Miso: agents at attempt 1, reviewers at 2,
 * directors at 3). Null for a stage nobody works (closed).
 */
export function owningRole(procedure: Pick<Procedure, 'stages'>, stage: Stage): Role | null {
  return procedure.stages[stage].roles[0] ?? null;
}

/** Whether someone with these roles may work a complaint at this stage. */
export function canWorkAt(
  procedure: Pick<Procedure, 'stages'>,
  stage: Stage,
  roles: readonly Role[],
): boolean {
  return procedure.stages[stage].roles.some((role) => roles.includes(role));
}

/** The category of a complaint nobody has classified yet (one that came by email): `other` when offered. */
export function unclassifiedCategory(procedure: Pick<Procedure, 'categories'>): Category {
  return procedure.categories.includes('other') ? 'other' : (procedure.categories[0] ?? 'other');
}

/** The root cause with this code (a parent or a child), with the label of its parent for a child. */
export function findRootCause(
  procedure: Pick<Procedure, 'rootCauses'>,
  code: string,
): { code: string; label: string; parentLabel: string | null } | undefined {
  for (const cause of procedure.rootCauses) {
    if (cause.code === code) return { code, label: cause.label, parentLabel: null };
    const child = cause.children?.find((c) => c.code === code);
    if (child) return { code, label: child.label, parentLabel: cause.label };
  }
  return undefined;
}

/**
 * A root cause written as words elsewhere (an imported spreadsheet's column): the code it names, when it is a
 * code or a label of the tree (any case), else `other` with the words kept for the lessons.
 */
export function rootCauseFromText(
  procedure: Pick<Procedure, 'rootCauses'>,
  text: string,
): { code: string; unmatched: string | null } {
  const wanted = text.trim().toLowerCase();
  for (const cause of procedure.rootCauses) {
    for (const node of [cause, ...(cause.children ?? [])]) {
      if (node.code === wanted || node.label.toLowerCase() === wanted)
        return { code: node.code, unmatched: null };
    }
  }
  return { code: OTHER_ROOT_CAUSE, unmatched: text.trim() };
}

/** Every code of the tree, parents before their children. */
export function rootCauseCodes(procedure: Pick<Procedure, 'rootCauses'>): string[] {
  return procedure.rootCauses.flatMap((c) => [c.code, ...(c.children ?? []).map((child) => child.code)]);
}
