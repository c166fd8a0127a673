/**
 * An admin resets a member of staff's 2-step verification (they lost their phone and their recovery codes):
 * the authenticator and recovery codes are deleted, their sessions and pending sign-ins end, and it is
 * audited. Their next password sign-in opens a session straight away — or, when their role requires a
 * second factor, one that can only set up a new authenticator.
 */
import { deletePendingSignInsOf, deleteSecondFactor } from '../db/second-factors.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { findUserById } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { recordSecondFactorChange } from './second-factor-codes.ts';

export async function resetSecondFactor(ctx: AppContext, actor: Actor & { kind: 'staff' }, userId: string) {
  if (!actor.roles.includes('admin'))
    throw new AppError('forbidden', 'only an admin can reset someone’s 2-step verification');
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw notFound(`user ${userId}`);
  const payload: Record<string, unknown> = { userId };
  await recordSecondFactorChange(ctx, 'second-factor-reset', actor.id, payload, async (trx) => {
    payload.hadSecondFactor = await deleteSecondFactor(trx, userId);
    await deletePendingSignInsOf(trx, userId);
    payload.sessionsEnded = await deleteSessionsOf(trx, userId);
  });
}
