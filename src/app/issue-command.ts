/**
 * Any procedure command on an existing complaint: load it (locked), ask the domain, and record the decision
 * — state, audit events, interaction log and jobs — in one transaction.
 */

import type { Transaction } from 'kysely';
import { findComplaintByReference, StaleComplaintError } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Schema } from '../db/schema.ts';
import { type Actor, actorId } from '../domain/actor.ts';
import type { Command, Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { evolveAll } from '../domain/evolve.ts';
import { decide, type Refusal } from '../domain/lifecycle.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { recordDecision } from './record-decision.ts';
import { canonicalReference } from './reference.ts';
import { requireActiveStaff } from './require-active-staff.ts';
import { routingFor } from './route-complaint.ts';

/** The typed error for a domain refusal. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case 'invalid':
      return invalidField(refusal.field ?? 'body', refusal.message);
    case 'not-allowed-now':
      return new AppError('not-allowed-now', refusal.message, { allowed: refusal.allowed });
    case 'forbidden':
    case 'objectivity':
      return new AppError(refusal.code, refusal.message);
    default: {
      const unreachable: never = refusal.code;
      return unreachable;
    }
  }
}

/** Issues `command` on the complaint with this reference, as `actor`. Returns the complaint afterwards. */
export function issueCommand(
  ctx: AppContext,
  input: string,
  command: Command,
  actor: Actor,
): Promise<Complaint> {
  return issueCommands(ctx, input, [command], actor);
}

/**
 * More writes that belong with the commands, run in their transaction once they are recorded (the files a
 * customer sent with information, say): if they throw, nothing is recorded.
 */
export type WithinCommands = (trx: Transaction<Schema>, complaint: Complaint) => Promise<void>;

/**
 * Issues several commands in turn, each decided on the state the previous one left, all or nothing in one
 * transaction (a customer's answer and the contact that records it, say).
 */
export async function issueCommands(
  ctx: AppContext,
  input: string,
  commands: readonly Command[],
  actor: Actor,
  within?: WithinCommands,
): Promise<Complaint> {
  const reference = canonicalReference(ctx.procedure, input);
  try {
    return await transaction(ctx.db, async (trx) => {
      const complaint = await findComplaintByReference(trx, reference, {
        forUpdate: ctx.db.dialect === 'postgres',
      });
      // A customer learns nothing about complaints that are not theirs, not even that they exist.
      if (!complaint || (actor.kind === 'customer' && complaint.customerId !== actor.customerId)) {
        throw notFound(`complaint ${reference}`);
      }
      const now = ctx.now();
      const context = { actor, now, procedure: ctx.procedure, newId: () => newId(now.getTime()) };
      const meta = { at: now.toISOString(), by: actorId(actor) };
      const events: Event[] = [];
      let state = complaint;
      for (const command of commands) {
        const staffRoles = await requireActiveStaff(trx, ownersNamedIn(command));
        const decision = decide(state, command, { ...context, staffRoles });
        if (!decision.ok) throw refusalError(decision.refusal);
        events.push(...decision.events);
        state = evolveAll(state, decision.events, meta);
      }
      const routed = await routingFor(trx, ctx.procedure, complaint, state, actor, meta.at);
      if (routed) events.push(routed);
      const recorded = await recordDecision(trx, complaint, events, actor, now, ctx.procedure);
      await within?.(trx, recorded);
      return recorded;
    });
  } catch (error) {
    if (error instanceof StaleComplaintError) {
      throw new AppError(
        'conflict',
        `${reference} was changed by someone else at the same time; reload and try again`,
      );
    }
    throw error;
  }
}

/** Staff a command names as owners, with the field that names them. */
function ownersNamedIn(command: Command): [string, string | null][] {
  if (command.type === 'assign') return [['ownerId', command.ownerId]];
  if (command.type === 'propose') return command.steps.map((s, i) => [`steps.${i}.ownerId`, s.ownerId]);
  return [];
}
