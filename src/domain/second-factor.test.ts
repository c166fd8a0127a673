import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  isTotpCode,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  secondFactorRequired,
  totpUri,
} from './second-factor.ts';

const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

describe('second factor', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-07T10:00:15Z');
  const step = Math.floor(now.getTime() / 30_000);

  it('accepts the code of this step and the ones either side, never one step further', () => {
    expect(acceptedStep(secret, codeAt(secret, now), now, null)).toBe(step);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(acceptedStep(secret, codeAt(secret, new Date(now.getTime() + 60_000)), now, null)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', now, null)).toBeNull();
  });

  it('refuses a code for a step at or before the last one accepted (a replay)', () => {
    const code = codeAt(secret, now);
    expect(acceptedStep(secret, code, now, step)).toBeNull();
    expect(acceptedStep(secret, code, now, step - 1)).toBe(step);
  });

  it('makes recovery codes of 15 unambiguous characters, read back in any case and spacing', () => {
    const code = newRecoveryCode((n) => Math.floor(Math.random() * n));
    expect(code).toMatch(/^[A-HJKMNP-TV-Z2-9]{5}-[A-HJKMNP-TV-Z2-9]{5}-[A-HJKMNP-TV-Z2-9]{5}$/);
    expect(normaliseRecoveryCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(
      code.replaceAll('-', ''),
    );
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('123-456')).toBe(true);
    expect(isTotpCode(code)).toBe(false);
  });

  it('names the account and issuer in the app’s URI, and requires it by role', () => {
    expect(totpUri(secret, 'ada@example.com', 'Redress')).toMatch(
      /^otpauth:\/\/totp\/Redress:ada%40example\.com\?issuer=Redress&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/,
    );
    expect(secondFactorRequired(['director'], ['admin', 'director'])).toBe(true);
    expect(secondFactorRequired(['agent'], ['admin', 'director'])).toBe(false);
    expect(secondFactorRequired(['admin'], [])).toBe(false);
  });
});
