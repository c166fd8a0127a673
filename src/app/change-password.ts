/**
 * A member of staff changes their own password: they give the current one (so a session left open on a shared
 * screen cannot lock its owner out), the new one passes the password policy (password-policy.ts: 12 characters
 * or more, not their name or email, not easily guessed), every other session of theirs ends (and any sign-in
 * waiting for a 2-step code), and the change is
 * audited — without either password.
 */
import { verify } from '@node-rs/argon2';
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deletePendingSignInsOf } from '../db/second-factors.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { findPasswordHash, findUserById, setOwnPassword, type User } from '../db/users.ts';
import { hashPassword } from './add-user.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { sha256 } from './open-session.ts';
import { checkNewPassword } from './password-policy.ts';
import { refuseIfPasswordsOff } from './sso-settings.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes the user's password and clears any must-change flag. `sessionSecret` is the cookie of the session
 * asking, which stays signed in; every other session of the user ends.
 */
export async function changePassword(
  ctx: AppContext,
  userId: string,
  change: PasswordChange,
  sessionSecret?: string,
): Promise<User> {
  refuseIfPasswordsOff(ctx);
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw notFound(`user ${userId}`);
  const storedHash = await findPasswordHash(ctx.db.kysely, userId);
  const valid = storedHash ? await verify(storedHash, change.currentPassword).catch(() => false) : false;
  if (!valid) throw invalidField('currentPassword', 'is not your current password');
  const fresh = change.newPassword;
  if (fresh === change.currentPassword) {
    throw invalidField('newPassword', 'must differ from your current password');
  }
  await checkNewPassword('newPassword', fresh, user);
  const passwordHash = await hashPassword(fresh);
  const updated: User = { ...user, mustChangePassword: false };
  const now = ctx.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    await setOwnPassword(trx, user.id, passwordHash);
    // A ticket the old password earned must not open a session now.
    await deletePendingSignInsOf(trx, user.id);
    const ended = await deleteSessionsOf(
      trx,
      user.id,
      sessionSecret === undefined ? undefined : sha256(sessionSecret),
    );
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(user.id),
      type: 'password-changed',
      actor: user.id,
      at: now,
      payload: { userId: user.id, wasOneTime: user.mustChangePassword, sessionsEnded: ended },
    });
  });
  return updated;
}

/** Refuses a signed-in user who must first change a password someone else chose. */
export function requirePasswordChosen(user: User): void {
  if (user.mustChangePassword) {
    throw new AppError(
      'password-change-required',
      'choose your own password first (POST /api/v1/auth/password): the one you signed in with was set for you',
    );
  }
}
