import { describe, expect, it } from 'vitest';
import { checkNewPassword, personalParts } from './password-policy.ts';

describe('the password policy', () => {
  it('counts the name, its words, the email’s local part and its pieces as personal, not a piece under 3 characters', () => {
    expect(personalParts({ email: 'Pat.Weak@Example.org', name: 'Patricia  Weakling-Jones' }).sort()).toEqual(
      ['jones', 'pat.weak', 'pat', 'patricia', 'patriciaweaklingjones', 'weak', 'weakling'].sort(),
    );
    expect(personalParts({ email: 'jo@example.org', name: 'Jo Li' })).toEqual(['joli']);
  });

  it('refuses a password with the person in it however it is spaced or cased, and passes a strong one', async () => {
    const owner = { email: 'sam.okafor@example.org', name: 'Samuel Okafor' };
    for (const password of ['my-OKAFOR-secret-key', 'samuel in the rain', 'S-a-m-u-e-l forever']) {
      await expect(checkNewPassword('password', password, owner)).rejects.toMatchObject({
        code: 'validation',
        details: { field: 'password' },
        message: 'password must not contain the name or email address of the person it belongs to',
      });
    }
    await expect(checkNewPassword('password', 'a sturdy lighthouse keeper', owner)).resolves.toBeUndefined();
    await expect(checkNewPassword('newPassword', 'short', owner)).rejects.toThrow(
      'newPassword must be at least 12 characters',
    );
    await expect(checkNewPassword('password', 'iloveyou2026', owner)).rejects.toThrow(
      /too easy to guess\. \w/,
    );
  });
});
