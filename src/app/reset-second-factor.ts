/**
 * An admin resets a member of staff's 2-step verification (they lost their phone and their recovery codes):
 * the authenticator and recovery codes are deleted, their sessions and pending sign-ins end, and it is
 * audited. Their next password sign-in opens a session straight away — or, when their role requires a
 * second factor, one that can only set up a new authenticator. Never one's own: that skips what turning it
 * off asks (the password and a code). Their API tokens stay: each is scoped, listed and revocable on its own.
 *
 * Nobody is emailed: Redress sends staff no account notices (a password set by an admin is not mailed
 * either); the reset is on the person's audit chain.
 */
import { deletePendingSignInsOf, deleteSecondFactor } from '../db/second-factors.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { findUserByEmail, findUserById } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { recordSecondFactorChange } from './second-factor-codes.ts';

export async function resetSecondFactor(ctx: AppContext, actor: Actor & { kind: 'staff' }, userId: string) {
  if (!actor.roles.includes('admin'))
    throw new AppError('forbidden', 'only an admin can reset someone’s 2-step verification');
  if (actor.id === userId)
    throw new AppError(
      'forbidden',
      'you cannot reset your own 2-step verification: turn it off on your account page (with your password and a code), or ask another admin',
    );
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw notFound(`user ${userId}`);
  await reset(ctx, actor.id, userId);
}

/**
 * The same, by an operator at the command line (`redress user reset-2-step`): for the admin who lost their
 * phone and codes when no other admin can help. Audited with no actor, as other operator commands are.
 */
export async function resetSecondFactorOf(
  ctx: AppContext,
  email: string,
): Promise<{ hadSecondFactor: boolean }> {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found) throw notFound(`the member of staff ${email}`);
  return reset(ctx, null, found.user.id);
}

async function reset(ctx: AppContext, actor: string | null, userId: string) {
  const payload: { userId: string; hadSecondFactor?: boolean } & Record<string, unknown> = { userId };
  await recordSecondFactorChange(ctx, 'second-factor-reset', actor, payload, async (trx) => {
    payload.hadSecondFactor = await deleteSecondFactor(trx, userId);
    await deletePendingSignInsOf(trx, userId);
    payload.sessionsEnded = await deleteSessionsOf(trx, userId);
  });
  return { hadSecondFactor: payload.hadSecondFactor === true };
}
