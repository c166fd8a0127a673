/**
 * Opens a staff session after a successful sign-in (password or single sign-on): a new secret every time,
 * the browser's previous session (if its cookie came along) ended, and both audited in one transaction, on
 * the person's own audit chain (`user:<id>`): sign-ins of different people never wait on one chain's lock.
 * The secret lives only in the browser's cookie; the database keeps its sha256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { deleteSession, insertSession } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import { DEFAULT_SESSION_LIMITS, sessionEnd } from '../domain/session-timeouts.ts';
import type { AppContext } from './context.ts';

/** What the browser and the network say about who is signing in, and the session cookie it still holds. */
export interface SessionClient {
  userAgent: string | null;
  ip: string | null;
  /** The session cookie the browser sent with the sign-in, if any: that session ends (rotation). */
  previousSecret?: string | undefined;
}

/** How the person proved who they are: the password alone, with an authenticator's code or a recovery code, or SSO. */
export type SignInMethod = 'password' | 'password+totp' | 'password+recovery-code' | 'sso';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Opens a session for `user`; returns the cookie secret and when the session ends at the latest. */
export async function openSession(
  ctx: AppContext,
  user: User,
  client: SessionClient,
  method: SignInMethod,
): Promise<{ secret: string; expiresAt: Date }> {
  const now = ctx.now();
  const limits = ctx.sessions ?? DEFAULT_SESSION_LIMITS;
  const secret = randomBytes(32).toString('base64url');
  const handle = newId(now.getTime());
  const expiresAt = sessionEnd(now, now, limits);
  await transaction(ctx.db, async (trx) => {
    const previous = client.previousSecret
      ? await deleteSession(trx, sha256(client.previousSecret))
      : undefined;
    if (previous) {
      await appendAuditEvent(trx, {
        complaintId: null,
        chain: userChain(previous.userId),
        type: 'session-ended',
        actor: user.id,
        at: now.toISOString(),
        payload: { userId: previous.userId, session: previous.handle, reason: 'signed-in-again' },
      });
    }
    await insertSession(trx, {
      id: sha256(secret),
      handle,
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip,
    });
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(user.id),
      type: 'session-started',
      actor: user.id,
      at: now.toISOString(),
      payload: { userId: user.id, session: handle, method, ip: client.ip },
    });
  });
  return { secret, expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000) };
}
