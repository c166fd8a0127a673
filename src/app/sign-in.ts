/**
 * Staff sign-in: a password check that takes the same time whether or not the email exists, and a session
 * whose secret lives only in the browser's cookie (the database keeps its sha256).
 */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import {
  deleteExpiredSessions,
  deleteSession,
  findUserByEmail,
  findUserBySession,
  insertSession,
  type User,
} from '../db/users.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { clearFailedSignIns, recordFailedSignIn, refuseIfLockedOut } from './sign-in-lockout.ts';

export const SESSION_DAYS = 7;
// A real argon2id hash of a random password, verified when the email is unknown so timing tells nothing.
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$eL2Ixei7wYWXcmCtrv58Kw$DX18wN+8/Gft+4SP2vccFxiQTAjAtzJ+yp8HR4RL00o';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Checks the password and opens a session; returns the cookie secret. Failures lock the address out with
 * back-off, whether or not it is anyone's (sign-in-lockout.ts).
 */
export async function signIn(ctx: AppContext, email: string, password: string) {
  await refuseIfLockedOut(ctx, email);
  const found = await findUserByEmail(ctx.db.kysely, email);
  const valid = await verify(found?.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!found?.passwordHash || !valid || !found.user.active) {
    await recordFailedSignIn(ctx, email, found?.user.id ?? null);
    throw new AppError('unauthenticated', 'the email or password is not right');
  }
  await clearFailedSignIns(ctx, email);
  const now = ctx.now();
  // Signing in is rare enough to tidy up after: expired sessions are of no use to anyone.
  await deleteExpiredSessions(ctx.db.kysely, now.toISOString());
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(ctx.db.kysely, {
    id: sha256(secret),
    userId: found.user.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { secret, user: found.user, expiresAt };
}

/** The user a session cookie belongs to, if it is valid. */
export function userForSession(ctx: AppContext, secret: string): Promise<User | undefined> {
  return findUserBySession(ctx.db.kysely, sha256(secret), ctx.now().toISOString());
}

export async function signOut(ctx: AppContext, secret: string): Promise<void> {
  await deleteSession(ctx.db.kysely, sha256(secret));
}
