/**
 * The second step of a password sign-in with 2-step verification on: the ticket the password step gave
 * (five minutes, one use) and a code — six digits from the authenticator, or a recovery code — open the
 * session. A wrong code counts as a failed sign-in for the lockout and is audited. A ticket takes at most
 * PENDING_SIGN_IN_ATTEMPTS codes, each try claimed before its code is checked (so tries sent at once cannot
 * exceed it), and ends with the last; the lockout bounds the guesses across tickets.
 */
import {
  claimPendingSignInAttempt,
  deleteEndedPendingSignIns,
  deletePendingSignIn,
} from '../db/second-factors.ts';
import { findUserById } from '../db/users.ts';
import { PENDING_SIGN_IN_ATTEMPTS } from '../domain/second-factor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { openSession, type SessionClient, sha256 } from './open-session.ts';
import { acceptCode, loadSecondFactor } from './second-factor-codes.ts';
import type { SignInResult } from './sign-in.ts';
import { clearFailedSignIns } from './sign-in-lockout.ts';
import { refuseIfPasswordsOff } from './sso-settings.ts';

const expired = () =>
  new AppError(
    'unauthenticated',
    `this sign-in has ended (after 5 minutes, ${PENDING_SIGN_IN_ATTEMPTS} codes, or once used): sign in again`,
  );

/** Checks the code for the pending sign-in `ticket` and opens the session. */
export async function finishSignIn(
  ctx: AppContext,
  ticket: string,
  code: string,
  client: SessionClient,
): Promise<Extract<SignInResult, { kind: 'session' }>> {
  // Passwords turned off since the ticket was given: the password step no longer counts.
  refuseIfPasswordsOff(ctx);
  const id = sha256(ticket);
  const claimed = await claimPendingSignInAttempt(
    ctx.db.kysely,
    id,
    ctx.now().toISOString(),
    PENDING_SIGN_IN_ATTEMPTS,
  );
  const user = claimed ? await findUserById(ctx.db.kysely, claimed.userId) : undefined;
  if (!claimed || !user?.active) throw expired();
  const factor = await loadSecondFactor(ctx, user.id);
  // Reset by an admin meanwhile (which also ends pending sign-ins): start again.
  if (!factor) throw expired();
  let how: 'totp' | 'recovery-code';
  try {
    how = await acceptCode(ctx, user, factor, code, {
      use: 'sign-in',
      field: 'body.code',
      recovery: true,
      ip: client.ip,
      // The ticket is used up before the code is spent, in one transaction: of two right codes sent at once
      // (a recovery code and the authenticator's), one opens the session and the other is not spent.
      claim: async (trx) => {
        if (!(await deletePendingSignIn(trx, id))) throw expired();
      },
    });
  } catch (error) {
    // The last try this ticket allowed: it ends here.
    if (claimed.attempt >= PENDING_SIGN_IN_ATTEMPTS) await deletePendingSignIn(ctx.db.kysely, id);
    throw error;
  }
  await clearFailedSignIns(ctx, user.email);
  const method = how === 'totp' ? 'password+totp' : 'password+recovery-code';
  const { secret, expiresAt } = await openSession(ctx, user, client, method);
  return { kind: 'session', secret, user, expiresAt };
}

/** Housekeeping: forgets the pending sign-ins that have ended; returns how many. */
export async function prunePendingSignIns(ctx: AppContext): Promise<number> {
  return deleteEndedPendingSignIns(ctx.db.kysely, ctx.now().toISOString());
}
