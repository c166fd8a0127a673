/**
 * A member of staff ends one of their own sessions ("sign out that device"), audited. Someone else's session,
 * or one that has already ended, is not found: a handle tells nobody whether another person's session exists.
 */
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deleteSession, findSessionByHandle } from '../db/sessions.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';

export async function endSession(ctx: AppContext, userId: string, handle: string): Promise<void> {
  const now = ctx.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    const session = await findSessionByHandle(trx, handle);
    if (!session || session.userId !== userId || session.expiresAt <= now)
      throw notFound(`session ${handle}`);
    await deleteSession(trx, session.id);
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(userId),
      type: 'session-ended',
      actor: userId,
      at: now,
      payload: { userId, session: handle, reason: 'ended-by-owner' },
    });
  });
}
