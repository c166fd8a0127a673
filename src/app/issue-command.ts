/**
 * Any procedure command on an existing complaint, from the API: through the one change path
 * (change-complaint.ts), in its own transaction, with a domain refusal as a typed error.
 */

import type { Transaction } from 'kysely';
import { lockComplaint, StaleComplaintError } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { Actor } from '../domain/actor.ts';
import type { Command } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { applyCommands, refusalError } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

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
      const complaint = await lockComplaint(trx, { reference });
      // A customer learns nothing about complaints that are not theirs, not even that they exist.
      if (!complaint || (actor.kind === 'customer' && complaint.customerId !== actor.customerId)) {
        throw notFound(`complaint ${reference}`);
      }
      const change = await applyCommands(trx, ctx, complaint, commands, actor);
      if (!change.ok) throw refusalError(change.refusal);
      await within?.(trx, change.complaint);
      return change.complaint;
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
