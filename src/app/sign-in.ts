/**
 * Staff sign-in: a password check that takes the same time whether or not the email exists, and a new
 * session (open-session.ts: a fresh secret, the browser's previous session ended, audited).
 */
import { verify } from '@node-rs/argon2';
import { findUserByEmail } from '../db/users.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { openSession, type SessionClient } from './open-session.ts';
import { clearFailedSignIns, recordFailedSignIn, refuseIfLockedOut } from './sign-in-lockout.ts';
import { refuseIfPasswordsOff } from './sso-settings.ts';

/** Kept here for the many that hash a secret the same way (tokens, links, surveys). */
export { sha256 } from './open-session.ts';

// A real argon2id hash of a random password, verified when the email is unknown so timing tells nothing.
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$eL2Ixei7wYWXcmCtrv58Kw$DX18wN+8/Gft+4SP2vccFxiQTAjAtzJ+yp8HR4RL00o';

/**
 * Checks the password and opens a session; returns the cookie secret. Failures lock the address out with
 * back-off, whether or not it is anyone's (sign-in-lockout.ts).
 */
export async function signIn(ctx: AppContext, email: string, password: string, client: SessionClient) {
  refuseIfPasswordsOff(ctx);
  await refuseIfLockedOut(ctx, email);
  const found = await findUserByEmail(ctx.db.kysely, email);
  const valid = await verify(found?.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!found?.passwordHash || !valid || !found.user.active) {
    await recordFailedSignIn(ctx, email, found?.user.id ?? null);
    throw new AppError('unauthenticated', 'the email or password is not right');
  }
  await clearFailedSignIns(ctx, email);
  const { secret, expiresAt } = await openSession(ctx, found.user, client, 'password');
  return { secret, user: found.user, expiresAt };
}
