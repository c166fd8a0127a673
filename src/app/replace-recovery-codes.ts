/**
 * A member of staff with 2-step verification on gets ten new recovery codes (the old ones stop working),
 * after giving a code from their authenticator. Audited.
 */
import { replaceRecoveryCodes } from '../db/second-factors.ts';
import type { User } from '../db/users.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import {
  acceptCode,
  loadSecondFactor,
  newRecoveryCodes,
  recordSecondFactorChange,
} from './second-factor-codes.ts';

/** New recovery codes for `user`, shown this once; `code` is from their authenticator. */
export async function replaceMyRecoveryCodes(
  ctx: AppContext,
  user: User,
  code: string,
  ip: string | null = null,
): Promise<{ recoveryCodes: string[] }> {
  const factor = await loadSecondFactor(ctx, user.id);
  if (!factor) throw new AppError('conflict', 'your 2-step verification is not on');
  await acceptCode(ctx, user, factor, code, {
    use: 'new-recovery-codes',
    field: 'body.code',
    recovery: false,
    ip,
  });
  const { codes, hashes } = newRecoveryCodes();
  await recordSecondFactorChange(
    ctx,
    'second-factor-recovery-codes-replaced',
    user.id,
    { userId: user.id, recoveryCodes: codes.length },
    (trx) => replaceRecoveryCodes(trx, user.id, hashes, ctx.now().toISOString()),
  );
  return { recoveryCodes: codes };
}
