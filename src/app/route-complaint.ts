/**
 * The routing step of every change that moves a complaint to another stage: reads who owns it and who could,
 * and asks the domain (routing.ts) whether the complaint keeps its owner, waits in the stage's queue or goes
 * to someone in turn or by load. Runs in the change's transaction, so the new owner commits with the change.
 */
import type { Executor } from '../db/database.ts';
import { findActiveStaffWithRole, findUserById, markRouted } from '../db/users.ts';
import { countOpenOwnedBy } from '../db/workload.ts';
import type { Actor } from '../domain/actor.ts';
import type { Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { owningRole, type Procedure } from '../domain/procedure.ts';
import { needsRouting, type RoutingCandidate, routeOwner } from '../domain/routing.ts';

async function candidatesFor(trx: Executor, procedure: Procedure, after: Complaint) {
  const role = owningRole(procedure, after.stage);
  if (procedure.routing.assignment === 'queue' || role === null) return [];
  const staff = await findActiveStaffWithRole(trx, role);
  const open = await countOpenOwnedBy(
    trx,
    staff.map((s) => s.user.id),
  );
  return staff.map(
    (s): RoutingCandidate => ({
      id: s.user.id,
      openComplaints: open.get(s.user.id) ?? 0,
      lastRoutedAt: s.lastRoutedAt,
    }),
  );
}

/** The assignment the routing adds to a change, or null when the owner stays. */
export async function routingFor(
  trx: Executor,
  procedure: Procedure,
  before: Complaint | undefined,
  after: Complaint,
  actor: Actor,
  at: string,
  options: { dryRun?: boolean } = {},
): Promise<Extract<Event, { type: 'assigned' }> | null> {
  if (!needsRouting(before, after)) return null;
  const owner = after.ownerId === null ? undefined : await findUserById(trx, after.ownerId);
  const event = routeOwner({
    before,
    after,
    ownerRoles: owner?.active ? owner.roles : null,
    candidates: await candidatesFor(trx, procedure, after),
    actor,
    procedure,
  });
  // A preview asks who would get it without taking their turn.
  if (event?.routed && event.ownerId !== null && !options.dryRun) await markRouted(trx, event.ownerId, at);
  return event;
}
