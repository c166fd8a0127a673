/**
 * Who may issue which command at which stage, as one table. `'stage'` means the roles the procedure names for
 * that stage (by default: agents at attempt 1, reviewers at attempt 2, directors at attempt 3), so changing a
 * stage's roles in the procedure file changes who may review, propose and decide there.
 */
import type { Actor } from './actor.ts';
import type { CommandType } from './commands.ts';
import { ATTEMPT_STAGE, type Complaint, DETAILED_REVIEW_ATTEMPT, LAST_ATTEMPT } from './complaint.ts';
import type { Procedure, Role, Stage } from './procedure.ts';

type Allowed = readonly Role[] | 'stage';
interface Rule {
  staff: Partial<Record<Stage, Allowed>>;
  /** The customer may issue it on their own complaint (portal). */
  customer?: true;
  /** Only the clock issues it. */
  system?: true;
}

const HANDLERS = ['agent', 'reviewer', 'director'] as const;
const MANAGERS = ['reviewer', 'director'] as const;
const DIRECTORS = ['director'] as const;
const EVERYONE = ['agent', 'reviewer', 'director', 'admin'] as const;
const ATTEMPTS = (allowed: Allowed) =>
  Object.fromEntries(Object.values(ATTEMPT_STAGE).map((stage) => [stage, allowed])) as Record<
    (typeof ATTEMPT_STAGE)[keyof typeof ATTEMPT_STAGE],
    Allowed
  >;
const OPEN = (allowed: Allowed) => ({ ...ATTEMPTS(allowed), deadlock: allowed });

export const POLICY: Record<CommandType, Rule> = {
  'not-practical': { staff: { 'attempt-1': 'stage' } },
  'record-review': { staff: ATTEMPTS('stage') },
  propose: { staff: ATTEMPTS('stage') },
  'record-response': { staff: ATTEMPTS(HANDLERS), customer: true },
  'complete-step': { staff: ATTEMPTS(HANDLERS) },
  'record-follow-up': { staff: ATTEMPTS(HANDLERS), customer: true },
  escalate: { staff: { 'attempt-1': HANDLERS, 'attempt-2': MANAGERS } },
  'declare-deadlock': { staff: ATTEMPTS(DIRECTORS) },
  'record-referral': { staff: OPEN(HANDLERS) },
  'record-ombudsman-outcome': { staff: OPEN(MANAGERS) },
  'record-case-fee': { staff: { ...OPEN(MANAGERS), closed: MANAGERS } },
  withdraw: { staff: OPEN(HANDLERS) },
  close: { staff: OPEN(MANAGERS) },
  'record-root-cause': { staff: { closed: HANDLERS } },
  assign: { staff: OPEN(EVERYONE) },
  take: { staff: OPEN('stage') },
  'log-contact': { staff: { ...OPEN(HANDLERS), closed: HANDLERS }, customer: true },
  'add-note': { staff: { ...OPEN(EVERYONE), closed: EVERYONE } },
  reply: { staff: { ...OPEN(HANDLERS), closed: HANDLERS } },
  'issue-time-limit-adr-letter': { staff: {}, system: true },
  'close-no-response': { staff: {}, system: true },
  'close-adr-window-expired': { staff: {}, system: true },
};

/**
 * Commands that review or decide for an attempt, so the objectivity rule applies to them at attempt 3:
 * declaring deadlock there ends the director-level review, so it is the reviewer's decision too.
 */
const REVIEW_COMMANDS: ReadonlySet<CommandType> = new Set(['record-review', 'propose', 'declare-deadlock']);

/**
 * Whether the staff member handled attempt 2: reviewed it, or made its proposal (which may follow someone
 * else's review, so the attempt's `handlerId` alone would miss them).
 */
export function handledAttempt2(complaint: Complaint, staffId: string): boolean {
  const attempt2 = complaint.attempts.find((a) => a.number === DETAILED_REVIEW_ATTEMPT);
  return attempt2 !== undefined && [attempt2.handlerId, attempt2.proposal?.proposedBy].includes(staffId);
}

export type PolicyRefusal = { code: 'forbidden' | 'objectivity'; message: string };

/** Whether the actor may issue the command at the complaint's stage; says why not when it may not. */
export function permits(
  complaint: Complaint,
  type: CommandType,
  actor: Actor,
  procedure: Procedure,
): PolicyRefusal | null {
  const rule = POLICY[type];
  switch (actor.kind) {
    case 'system':
      return rule.system ? null : { code: 'forbidden', message: `${type} is not a command the clock issues` };
    case 'customer':
      return rule.customer && complaint.customerId === actor.customerId
        ? null
        : { code: 'forbidden', message: `customers cannot ${type}` };
    case 'staff': {
      const allowed = rule.staff[complaint.stage];
      const roles = allowed === 'stage' ? procedure.stages[complaint.stage].roles : (allowed ?? []);
      if (!actor.roles.some((role) => roles.includes(role))) {
        const needs = roles.length ? `needs the role ${roles.join(' or ')}` : 'is not open to staff';
        return { code: 'forbidden', message: `${type} at ${complaint.stage} ${needs}` };
      }
      if (
        procedure.attempt3ReviewerMustDiffer &&
        complaint.stage === ATTEMPT_STAGE[LAST_ATTEMPT] &&
        REVIEW_COMMANDS.has(type) &&
        handledAttempt2(complaint, actor.id)
      ) {
        return {
          code: 'objectivity',
          message:
            'the director-level review must be carried out by someone other than the attempt-2 handler',
        };
      }
      return null;
    }
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}
