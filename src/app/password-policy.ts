/**
 * What a password must be, wherever one is set (a new user, an admin's reset, one's own change): 12
 * characters or more, not containing the name or the email address of the person it protects, and not
 * easily guessed — a zxcvbn score of 3 ("safely unguessable: moderate protection from offline slow-hash
 * attacks") or more. The refusal names the field and says why in the estimator's words.
 */
import { invalidField } from './errors.ts';
import { estimatePasswordStrength } from './password-strength.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's scale is 0–4; below 3, a password falls to an offline attack on a leaked hash. */
export const MIN_PASSWORD_SCORE = 3;
/** Shorter parts of a name or email (Jo, Li) occur in too many good passwords to refuse them. */
const MIN_PERSONAL_PART = 3;

export interface PasswordOwner {
  email: string;
  name: string;
}

/** The parts of a person's name and email a password must not contain, lower case. */
export function personalParts(owner: PasswordOwner): string[] {
  const local = owner.email.trim().toLowerCase().split('@')[0] ?? '';
  const words = `${local} ${owner.name.toLowerCase()}`.split(/[^\p{L}\p{N}]+/u);
  const whole = [local, owner.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')];
  return [...new Set([...whole, ...words])].filter((p) => p.length >= MIN_PERSONAL_PART);
}

/**
 * Refuses (a validation error on `field`) a password that is too short, contains the owner's name or email
 * address, or is easily guessed.
 */
export async function checkNewPassword(field: string, password: string, owner: PasswordOwner): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalidField(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const squeezed = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  if (personalParts(owner).some((part) => lower.includes(part) || squeezed.includes(part))) {
    throw invalidField(field, 'must not contain the name or email address of the person it belongs to');
  }
  const strength = await estimatePasswordStrength(password, [owner.email, owner.name]);
  if (strength.score < MIN_PASSWORD_SCORE) {
    const why = [strength.warning ?? 'It would be found quickly by a password-guessing program.'];
    const how = strength.suggestions.length
      ? strength.suggestions
      : ['Add another word or two, less common ones.'];
    throw invalidField(field, `is too easy to guess. ${[...why, ...how].join(' ')}`);
  }
}
