/**
 * Failed password sign-ins lock an email address out with back-off (domain/sign-in-lockout.ts). The address
 * is locked whether or not anyone has it, and in the same steps, so neither the answer nor its time tells
 * an attacker which addresses have accounts. Failures past the free ones, and each lockout, are audited
 * (with the address's sha256 and the user's id when there is one, never the address typed).
 */
import { createHash } from 'node:crypto';
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import {
  clearSignInFailures,
  countSignInFailure,
  findSignInFailures,
  findSignInLocks,
  lockSignIn,
  pruneSignInFailures,
  uncountSignInFailure,
} from '../db/sign-in-failures.ts';
import { findUserById, type User } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import { FAILURE_MEMORY_MS, FREE_FAILURES, lockoutAfter, secondsLocked } from '../domain/sign-in-lockout.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';

const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

function lockedOut(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'sign-in-locked',
    `too many failed sign-ins with this email address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to unlock your account`,
    { retryAfterSeconds: seconds },
  );
}

/** Refuses (`sign-in-locked`, with the seconds to wait) while the address is locked out. */
export async function refuseIfLockedOut(ctx: AppContext, email: string): Promise<void> {
  const found = await findSignInFailures(ctx.db.kysely, emailHash(email));
  const seconds = secondsLocked(found?.lockedUntil ?? null, ctx.now());
  if (seconds > 0) throw lockedOut(seconds);
}

/**
 * Records a failed sign-in with `email` (`userId` when the address is someone's). Throws `sign-in-locked`
 * when this failure locks the address out; otherwise returns, and the caller answers as for any failure.
 */
export async function recordFailedSignIn(ctx: AppContext, email: string, userId: string | null) {
  const hash = emailHash(email);
  const now = ctx.now();
  const at = now.toISOString();
  const lockMs = await transaction(ctx.db, async (trx) => {
    const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString();
    const failures = await countSignInFailure(trx, hash, at, forgetBefore);
    const ms = lockoutAfter(failures);
    if (ms === 0) return 0;
    const until = new Date(now.getTime() + ms).toISOString();
    await lockSignIn(trx, hash, until);
    const subject = { userId, emailSha256: hash };
    // Someone's account: on their own chain. An address that is nobody's: on the system chain.
    const chain = userId === null ? undefined : userChain(userId);
    await appendAuditEvent(trx, {
      complaintId: null,
      chain,
      type: 'sign-in-failed',
      actor: null,
      at,
      payload: { ...subject, failuresInARow: failures, freeFailures: FREE_FAILURES },
    });
    await appendAuditEvent(trx, {
      complaintId: null,
      chain,
      type: 'sign-in-locked-out',
      actor: null,
      at,
      payload: { ...subject, lockedUntil: until },
    });
    return ms;
  });
  if (lockMs > 0) throw lockedOut(Math.ceil(lockMs / 1000));
}

/**
 * Takes back a failure recorded before a check that then passed (a second factor's code is counted as a
 * failure first, so that tries sent at once cannot all get past the lockout check before any is counted).
 */
export async function forgiveFailedSignIn(ctx: AppContext, email: string): Promise<void> {
  await uncountSignInFailure(ctx.db.kysely, emailHash(email));
}

/** A successful sign-in forgets the failures before it. */
export async function clearFailedSignIns(ctx: AppContext, email: string): Promise<void> {
  await clearSignInFailures(ctx.db.kysely, emailHash(email));
}

/** An admin lifts a member of staff's lockout and forgets their failures; audited. */
export async function unlockSignIn(ctx: AppContext, actor: Actor & { kind: 'staff' }, userId: string) {
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', 'only an admin can unlock an account');
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw notFound(`user ${userId}`);
  const hash = emailHash(user.email);
  await transaction(ctx.db, async (trx) => {
    const found = await findSignInFailures(trx, hash);
    await clearSignInFailures(trx, hash);
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(userId),
      type: 'sign-in-unlocked',
      actor: actor.id,
      at: ctx.now().toISOString(),
      payload: { userId, emailSha256: hash, wasLockedUntil: found?.lockedUntil ?? null },
    });
  });
}

/** When each of these users' lockout ends, for those locked out now (an admin's staff list). */
export async function lockoutsOf(ctx: AppContext, users: readonly User[]): Promise<Map<string, string>> {
  const locks = await findSignInLocks(
    ctx.db.kysely,
    users.map((u) => emailHash(u.email)),
    ctx.now().toISOString(),
  );
  const byUser = new Map<string, string>();
  for (const user of users) {
    const until = locks.get(emailHash(user.email));
    if (until) byUser.set(user.id, until);
  }
  return byUser;
}

/** Housekeeping: forgets runs of failures that ended a day ago. */
export async function pruneFailedSignIns(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - FAILURE_MEMORY_MS).toISOString();
  return pruneSignInFailures(ctx.db.kysely, before);
}
