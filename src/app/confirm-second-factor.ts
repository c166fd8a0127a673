/**
 * A member of staff confirms the authenticator they set up with a code it shows: from then on their
 * password sign-ins ask for a code, and they get ten recovery codes, shown this once. Their other sessions
 * end (one opened with the password alone, by whoever else has it, must not outlive the change); the one
 * confirming stays. Audited.
 */
import { confirmSecondFactor, replaceRecoveryCodes } from '../db/second-factors.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { sha256 } from './open-session.ts';
import {
  acceptCode,
  loadSecondFactor,
  newRecoveryCodes,
  recordSecondFactorChange,
} from './second-factor-codes.ts';

/**
 * Confirms `user`'s authenticator with `code`; returns the recovery codes (never stored in the clear).
 * `sessionSecret` is the cookie of the session asking, which stays signed in.
 */
export async function confirmSecondFactorSetUp(
  ctx: AppContext,
  user: User,
  code: string,
  sessionSecret?: string,
  ip: string | null = null,
): Promise<{ recoveryCodes: string[] }> {
  const factor = await loadSecondFactor(ctx, user.id, { unconfirmed: true });
  if (!factor)
    throw new AppError('conflict', 'set up your authenticator first (POST /auth/second-factor/setup)');
  if (factor.confirmedAt) throw new AppError('conflict', 'your 2-step verification is already on');
  await acceptCode(ctx, user, factor, code, { use: 'set-up', field: 'body.code', recovery: false, ip });
  const { codes, hashes } = newRecoveryCodes();
  const at = ctx.now().toISOString();
  const payload: { userId: string } & Record<string, unknown> = {
    userId: user.id,
    recoveryCodes: codes.length,
  };
  await recordSecondFactorChange(ctx, 'second-factor-confirmed', user.id, payload, async (trx) => {
    // Only the authenticator whose code was checked: a setup started again meanwhile has a new secret.
    if (!(await confirmSecondFactor(trx, factor, at)))
      throw new AppError(
        'conflict',
        'your authenticator was set up again (or confirmed) meanwhile: confirm the latest one with a code it shows',
      );
    await replaceRecoveryCodes(trx, user.id, hashes, at);
    const keep = sessionSecret === undefined ? undefined : sha256(sessionSecret);
    payload.otherSessionsEnded = await deleteSessionsOf(trx, user.id, keep);
  });
  return { recoveryCodes: codes };
}
