/**
 * Staff sign-in: a password check that takes the same time whether or not the email exists, and a new
 * session (open-session.ts: a fresh secret, the browser's previous session ended, audited) — or, for someone
 * with 2-step verification on, a ticket for the second step (finish-sign-in.ts) instead of a session.
 */
import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { findSecondFactor, insertPendingSignIn } from '../db/second-factors.ts';
import { findUserByEmail, type User } from '../db/users.ts';
import { PENDING_SIGN_IN_MS } from '../domain/second-factor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { openSession, type SessionClient, sha256 } from './open-session.ts';
import { clearFailedSignIns, recordFailedSignIn, refuseIfLockedOut } from './sign-in-lockout.ts';
import { refuseIfPasswordsOff } from './sso-settings.ts';

/** Kept here for the many that hash a secret the same way (tokens, links, surveys). */
export { sha256 } from './open-session.ts';

// A real argon2id hash of a random password, verified when the email is unknown so timing tells nothing.
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$eL2Ixei7wYWXcmCtrv58Kw$DX18wN+8/Gft+4SP2vccFxiQTAjAtzJ+yp8HR4RL00o';

export type SignInResult =
  | { kind: 'session'; secret: string; user: User; expiresAt: Date }
  | { kind: 'second-step'; ticket: string; expiresAt: Date };

/**
 * Checks the password and opens a session; returns the cookie secret. Failures lock the address out with
 * back-off, whether or not it is anyone's (sign-in-lockout.ts). With 2-step verification on, returns a
 * ticket for the second step instead, and the failures are not forgotten until that step succeeds (else
 * the password alone would buy unlimited guesses at the code).
 */
export async function signIn(
  ctx: AppContext,
  email: string,
  password: string,
  client: SessionClient,
): Promise<SignInResult> {
  refuseIfPasswordsOff(ctx);
  await refuseIfLockedOut(ctx, email);
  const found = await findUserByEmail(ctx.db.kysely, email);
  const valid = await verify(found?.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!found?.passwordHash || !valid || !found.user.active) {
    await recordFailedSignIn(ctx, email, found?.user.id ?? null);
    throw new AppError('unauthenticated', 'the email or password is not right');
  }
  const factor = await findSecondFactor(ctx.db.kysely, found.user.id);
  if (factor?.confirmedAt) {
    const now = ctx.now();
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MS);
    await insertPendingSignIn(ctx.db.kysely, {
      id: sha256(ticket),
      userId: found.user.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { kind: 'second-step', ticket, expiresAt };
  }
  await clearFailedSignIns(ctx, email);
  const { secret, expiresAt } = await openSession(ctx, found.user, client, 'password');
  return { kind: 'session', secret, user: found.user, expiresAt };
}
