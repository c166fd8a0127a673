/**
 * Housekeeping: deletes the staff sessions that have ended by themselves (idle too long, or past their
 * absolute limit). They could no longer sign anyone in; what ended them was time, not a person, so there is
 * nothing to audit — their start is in the audit trail.
 */
import { deleteExpiredSessions } from '../db/sessions.ts';
import type { AppContext } from './context.ts';

/** Returns how many sessions were deleted. */
export async function pruneSessions(ctx: AppContext): Promise<number> {
  return deleteExpiredSessions(ctx.db.kysely, ctx.now().toISOString());
}
