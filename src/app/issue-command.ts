/**
 * Any procedure command on an existing complaint: load it (locked), ask the domain, and record the decision
 * — state, audit events, interaction log and jobs — in one transaction.
 */
import { findComplaintByReference, StaleComplaintError } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from '../domain/actor.ts';
import type { Command } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { decide, type Refusal } from '../domain/lifecycle.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { recordDecision } from './record-decision.ts';
import { canonicalReference } from './reference.ts';
import { requireActiveStaff } from './require-active-staff.ts';

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
export async function issueCommand(
  ctx: AppContext,
  input: string,
  command: Command,
  actor: Actor,
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
      const named: [string, string | null][] =
        command.type === 'assign'
          ? [['ownerId', command.ownerId]]
          : command.type === 'propose'
            ? command.steps.map((s, i) => [`steps.${i}.ownerId`, s.ownerId])
            : [];
      await requireActiveStaff(trx, named);
      const now = ctx.now();
      const decision = decide(complaint, command, {
        actor,
        now,
        procedure: ctx.procedure,
        newId: () => newId(now.getTime()),
      });
      if (!decision.ok) throw refusalError(decision.refusal);
      return recordDecision(trx, complaint, decision.events, actor, now, ctx.procedure);
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
