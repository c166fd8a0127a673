/**
 * "Sign out everywhere": every session of the member of staff ends, this one included, audited. API tokens
 * are not sessions and stay valid (they are revoked one by one, `DELETE /tokens/{id}`): the page says so.
 */
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import type { AppContext } from './context.ts';

/** Ends all of the user's sessions; returns how many there were. */
export async function signOutEverywhere(ctx: AppContext, userId: string): Promise<number> {
  return transaction(ctx.db, async (trx) => {
    const ended = await deleteSessionsOf(trx, userId);
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(userId),
      type: 'sessions-ended',
      actor: userId,
      at: ctx.now().toISOString(),
      payload: { userId, sessions: ended, reason: 'signed-out-everywhere' },
    });
    return ended.length;
  });
}
