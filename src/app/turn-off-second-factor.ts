/**
 * A member of staff turns their 2-step verification off, giving their password and a code (from the
 * authenticator, or a recovery code); refused while their role requires it (MFA_REQUIRED_ROLES). Audited.
 */
import { verify } from '@node-rs/argon2';
import { deleteSecondFactor } from '../db/second-factors.ts';
import { findPasswordHash, type User } from '../db/users.ts';
import { secondFactorRequired } from '../domain/second-factor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import {
  acceptCode,
  loadSecondFactor,
  recordSecondFactorChange,
  requiredRoles,
} from './second-factor-codes.ts';
import { recordFailedSignIn, refuseIfLockedOut } from './sign-in-lockout.ts';

export async function turnOffSecondFactor(
  ctx: AppContext,
  user: User,
  given: { password: string; code: string },
  ip: string | null = null,
): Promise<void> {
  if (secondFactorRequired(user.roles, requiredRoles(ctx)))
    throw new AppError(
      'forbidden',
      'your role requires 2-step verification here (MFA_REQUIRED_ROLES): it cannot be turned off. An administrator can reset it if you lost your authenticator',
    );
  const factor = await loadSecondFactor(ctx, user.id);
  if (!factor) throw new AppError('conflict', 'your 2-step verification is not on');
  await refuseIfLockedOut(ctx, user.email);
  const hash = await findPasswordHash(ctx.db.kysely, user.id);
  if (!hash || !(await verify(hash, given.password).catch(() => false))) {
    await recordFailedSignIn(ctx, user.email, user.id);
    throw new AppError('validation', 'body.password is not your current password', {
      field: 'body.password',
    });
  }
  await acceptCode(ctx, user, factor, given.code, {
    use: 'turn-off',
    field: 'body.code',
    recovery: true,
    ip,
  });
  await recordSecondFactorChange(
    ctx,
    'second-factor-turned-off',
    user.id,
    { userId: user.id },
    async (trx) => {
      await deleteSecondFactor(trx, user.id);
    },
  );
}
