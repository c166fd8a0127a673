/**
 * The second factor of a staff sign-in with a password: a time-based one-time code (TOTP, RFC 6238: SHA-1,
 * six digits, 30-second steps — what every authenticator app reads from a QR code) or one of ten single-use
 * recovery codes. Pure: the secret, the code and the time come in; whether they match goes out.
 *
 * A code is accepted for the step it names and the one before and after (a phone's clock drifts, a person
 * types slowly), but never for a step at or before the last one accepted: a code seen over a shoulder or in
 * a proxy's log cannot be used again.
 */
import { Secret, TOTP } from 'otpauth';
import type { Role } from './procedure.ts';

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that a code may name. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long a pending sign-in (password checked, code awaited) lasts. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;
/** How many codes one pending sign-in takes before it ends (the password must be given again). */
export const PENDING_SIGN_IN_ATTEMPTS = 3;

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, account = '', issuer = 'Redress'): TOTP {
  return new TOTP({
    issuer,
    label: account,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpOf(secret, account, issuer).toString();
}

/** The digits of a one-time code as typed: spaces and dashes dropped (`123 456`, `123-456`). */
const digitsOf = (text: string) => text.replace(/[\s-]/g, '');

/** Whether `text` looks like a one-time code (six digits, spaces or a dash allowed) rather than a recovery code. */
export function isTotpCode(text: string): boolean {
  return /^\d{6}$/.test(digitsOf(text));
}

/**
 * The time step `code` is right for, within the window around `now` and after `lastStep`; null when it is
 * wrong, or right only for a step already used (a replay).
 */
export function acceptedStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const token = digitsOf(code);
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totpOf(secret).validate({ token, timestamp, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

// Without 0/O, 1/I/L and U: codes read aloud or copied by hand survive.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/**
 * One recovery code, `XXXXX-XXXXX-XXXXX` (15 characters of 30: 73 bits), from `randomIndex` (a source of
 * uniform random integers below its bound: crypto's randomInt).
 */
export function newRecoveryCode(randomIndex: (bound: number) => number): string {
  let code = '';
  for (let i = 0; i < 15; i++) {
    if (i > 0 && i % 5 === 0) code += '-';
    code += RECOVERY_ALPHABET[randomIndex(RECOVERY_ALPHABET.length)];
  }
  return code;
}

/** A recovery code as typed (any case, spaces or dashes anywhere) in the one form that is hashed. */
export function normaliseRecoveryCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Whether someone with `roles` must have a second factor, by MFA_REQUIRED_ROLES. */
export function secondFactorRequired(roles: readonly Role[], requiredRoles: readonly Role[]): boolean {
  return roles.some((role) => requiredRoles.includes(role));
}
