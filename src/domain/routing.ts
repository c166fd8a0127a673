/**
 * Work finds the person who can act on it. When a change moves a complaint to another stage (an escalation,
 * deadlock), its owner keeps it only if they may work at the new stage; otherwise it goes to that stage's
 * queue unassigned, or — as the procedure's routing says — to one of the people with the stage's owning role
 * in turn or by load. A deadlocked complaint always keeps an owner, who tracks the referral.
 */
import type { Actor } from './actor.ts';
import type { Event } from './commands.ts';
import type { Complaint } from './complaint.ts';
import { ATTEMPT_STAGE, handlerOf, LAST_ATTEMPT } from './complaint.ts';
import { handledAttempt2 } from './policy.ts';
import { canWorkAt, owningRole, type Procedure, type Role, type Stage } from './procedure.ts';

/** Someone the routing could give the complaint to: active staff with the stage's owning role. */
export interface RoutingCandidate {
  id: string;
  /** Open complaints they own now. */
  openComplaints: number;
  /** When the routing last gave them one (null: never). */
  lastRoutedAt: string | null;
}

export interface RoutingInput {
  before: Complaint | undefined;
  after: Complaint;
  /** The roles of the complaint's owner after the change (null when it has none, or they left). */
  ownerRoles: readonly Role[] | null;
  /** Staff with the new stage's owning role, for round-robin and least-loaded routing. */
  candidates: readonly RoutingCandidate[];
  actor: Actor;
  procedure: Procedure;
}

/** Whether a change moved the complaint to a stage where routing must look at who owns it. */
export function needsRouting(before: Complaint | undefined, after: Complaint): boolean {
  return after.stage !== 'closed' && after.stage !== before?.stage;
}

const byLastRouted = (a: RoutingCandidate, b: RoutingCandidate) =>
  (a.lastRoutedAt ?? '').localeCompare(b.lastRoutedAt ?? '') || a.id.localeCompare(b.id);

/** The candidate the procedure's routing picks, or null to leave the complaint in the stage's queue. */
export function pickOwner(procedure: Procedure, candidates: readonly RoutingCandidate[]): string | null {
  const mode = procedure.routing.assignment;
  switch (mode) {
    case 'queue':
      return null;
    case 'round-robin':
      return [...candidates].sort(byLastRouted)[0]?.id ?? null;
    case 'least-loaded':
      return (
        [...candidates].sort((a, b) => a.openComplaints - b.openComplaints || byLastRouted(a, b))[0]?.id ??
        null
      );
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/** The assignment that follows a change of stage, or null when the owner stays. */
export function routeOwner(input: RoutingInput): Extract<Event, { type: 'assigned' }> | null {
  const { before, after, ownerRoles, candidates, actor, procedure } = input;
  if (!needsRouting(before, after)) return null;
  const stage: Stage = after.stage;
  if (stage === 'deadlock') return deadlockOwner(after, actor);
  if (after.ownerId !== null && ownerRoles && canWorkAt(procedure, stage, ownerRoles)) {
    // The director-level review must be someone else's than attempt 2's (the objectivity rule).
    const mustHandOver =
      stage === ATTEMPT_STAGE[LAST_ATTEMPT] &&
      procedure.attempt3ReviewerMustDiffer &&
      handledAttempt2(after, after.ownerId);
    if (!mustHandOver) return null;
  }
  // Nor may the routing give the director-level review to whoever handled attempt 2.
  const eligible =
    stage === ATTEMPT_STAGE[LAST_ATTEMPT] && procedure.attempt3ReviewerMustDiffer
      ? candidates.filter((c) => !handledAttempt2(after, c.id))
      : candidates;
  const picked = pickOwner(procedure, eligible);
  if (picked !== null) return { type: 'assigned', ownerId: picked, routed: procedure.routing.assignment };
  return after.ownerId === null ? null : { type: 'assigned', ownerId: null, routed: 'queue' };
}

/**
 * At deadlock someone must track the referral: the owner keeps it; an unowned complaint goes to the director
 * who declared deadlock, else to whoever handled the last attempt.
 */
function deadlockOwner(after: Complaint, actor: Actor): Extract<Event, { type: 'assigned' }> | null {
  if (after.ownerId !== null) return null;
  const ownerId = actor.kind === 'staff' ? actor.id : handlerOf(after);
  return ownerId === null ? null : { type: 'assigned', ownerId };
}

/** The role a complaint waiting unassigned at this stage needs ("Needs a reviewer"); null when none does. */
export function neededRole(
  procedure: Procedure,
  complaint: Pick<Complaint, 'ownerId' | 'stage'>,
): Role | null {
  if (complaint.ownerId !== null || complaint.stage === 'closed') return null;
  return owningRole(procedure, complaint.stage);
}
