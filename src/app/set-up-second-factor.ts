/**
 * A member of staff sets up a TOTP authenticator: a new secret, sealed and stored unconfirmed, shown to them
 * once as a QR code and as text. Nothing is asked of them at sign-in until they confirm it with a code
 * (confirm-second-factor.ts). Starting again before confirming replaces the secret. Audited.
 */
import QRCode from 'qrcode';
import { saveUnconfirmedSecondFactor } from '../db/second-factors.ts';
import type { User } from '../db/users.ts';
import { newTotpSecret, totpUri } from '../domain/second-factor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { sealSecret } from './sealed-secrets.ts';
import { recordSecondFactorChange } from './second-factor-codes.ts';

export interface SecondFactorSetup {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  /** The `otpauth://` URI the QR code holds. */
  uri: string;
  /** The QR code as an SVG data URL. */
  qrCode: string;
}

/** Starts setting up `user`'s authenticator; refused (`conflict`) while one is on. */
export async function setUpSecondFactor(ctx: AppContext, user: User): Promise<SecondFactorSetup> {
  const secret = newTotpSecret();
  const sealed = sealSecret(ctx, secret, user.id);
  const at = ctx.now().toISOString();
  await recordSecondFactorChange(ctx, 'second-factor-enrolled', user.id, { userId: user.id }, async (trx) => {
    const saved = await saveUnconfirmedSecondFactor(trx, {
      userId: user.id,
      sealedSecret: sealed.sealed,
      keyId: sealed.keyId,
      enrolledAt: at,
    });
    if (!saved)
      throw new AppError(
        'conflict',
        'your 2-step verification is already on: turn it off first to set up another authenticator',
      );
  });
  const uri = totpUri(secret, user.email, `Redress (${ctx.procedure.company.name})`);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
