/**
 * A staff session in use: who a cookie signs in (recording, at most once a minute, that the session was seen,
 * which moves its idle end on), and signing out.
 */
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deleteSession, findSessionUser, recordSessionSeen } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import {
  DEFAULT_SESSION_LIMITS,
  dueToRecordSeen,
  SESSION_SEEN_RESOLUTION_MS,
  sessionEnd,
} from '../domain/session-timeouts.ts';
import type { AppContext } from './context.ts';
import { sha256 } from './open-session.ts';

/**
 * The user a session cookie belongs to, if the session has not ended (idle, too old, or signed out), with
 * whether they have a password and a confirmed authenticator (for the 2-step gate).
 */
export async function userForSession(
  ctx: AppContext,
  secret: string,
): Promise<{ user: User; hasPassword: boolean; secondFactorConfirmed: boolean } | undefined> {
  const now = ctx.now();
  const id = sha256(secret);
  const found = await findSessionUser(ctx.db.kysely, id, now.toISOString());
  if (!found) return undefined;
  const lastSeen = new Date(found.lastSeenAt);
  if (dueToRecordSeen(lastSeen, now)) {
    const limits = ctx.sessions ?? DEFAULT_SESSION_LIMITS;
    await recordSessionSeen(ctx.db.kysely, id, {
      now: now.toISOString(),
      seenBefore: new Date(now.getTime() - SESSION_SEEN_RESOLUTION_MS).toISOString(),
      expiresAt: sessionEnd(new Date(found.createdAt), now, limits).toISOString(),
    });
  }
  return found;
}

/** Ends the session of this cookie, audited; nothing when it had already ended. */
export async function signOut(ctx: AppContext, secret: string): Promise<void> {
  await transaction(ctx.db, async (trx) => {
    const ended = await deleteSession(trx, sha256(secret));
    if (!ended) return;
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(ended.userId),
      type: 'session-ended',
      actor: ended.userId,
      at: ctx.now().toISOString(),
      payload: { userId: ended.userId, session: ended.handle, reason: 'signed-out' },
    });
  });
}
