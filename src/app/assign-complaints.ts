/**
 * Bulk assignment from a queue: each complaint is assigned through the procedure's own `assign` command, in
 * its own transaction, so one that may not go to that person (wrong role for its stage, closed meanwhile)
 * is reported and the others still go.
 */
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { issueCommand } from './issue-command.ts';

export interface AssignmentResult {
  reference: string;
  ok: boolean;
  /** Why it was not assigned: the error's code and message. */
  problem?: { code: string; message: string } | undefined;
}

/** Assigns each complaint to `ownerId` (null: back to its stage's queue). */
export async function assignComplaints(
  ctx: AppContext,
  references: readonly string[],
  ownerId: string | null,
  actor: Actor,
): Promise<AssignmentResult[]> {
  const results: AssignmentResult[] = [];
  for (const reference of new Set(references)) {
    try {
      const complaint = await issueCommand(ctx, reference, { type: 'assign', ownerId }, actor);
      results.push({ reference: complaint.reference, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ reference, ok: false, problem: { code: error.code, message: error.message } });
    }
  }
  return results;
}
