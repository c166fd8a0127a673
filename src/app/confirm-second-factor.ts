/**
 * A member of staff confirms the authenticator they set up with a code it shows: from then on their
 * password sign-ins ask for a code, and they get ten recovery codes, shown this once. Audited.
 */
import { confirmSecondFactor, replaceRecoveryCodes } from '../db/second-factors.ts';
import type { User } from '../db/users.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import {
  acceptCode,
  loadSecondFactor,
  newRecoveryCodes,
  recordSecondFactorChange,
} from './second-factor-codes.ts';

/** Confirms `user`'s authenticator with `code`; returns the recovery codes (never stored in the clear). */
export async function confirmSecondFactorSetUp(
  ctx: AppContext,
  user: User,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const factor = await loadSecondFactor(ctx, user.id, { unconfirmed: true });
  if (!factor)
    throw new AppError('conflict', 'set up your authenticator first (POST /auth/second-factor/setup)');
  if (factor.confirmedAt) throw new AppError('conflict', 'your 2-step verification is already on');
  await acceptCode(ctx, user, factor, code, { use: 'set-up', field: 'body.code', recovery: false });
  const { codes, hashes } = newRecoveryCodes();
  const at = ctx.now().toISOString();
  await recordSecondFactorChange(
    ctx,
    'second-factor-confirmed',
    user.id,
    { userId: user.id, recoveryCodes: codes.length },
    async (trx) => {
      await confirmSecondFactor(trx, user.id, at);
      await replaceRecoveryCodes(trx, user.id, hashes, at);
    },
  );
  return { recoveryCodes: codes };
}
