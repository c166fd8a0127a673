import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditKeyring } from '../db/audit-keys.ts';
import type { AppContext } from './context.ts';
import { openSecret, sealSecret } from './sealed-secrets.ts';

const [first, second] = [randomBytes(32), randomBytes(32)];
// Only the keys are read: the keyring given, never the database's.
const withKeys = (...secrets: Buffer[]) => ({ sealingKeys: auditKeyring(secrets) }) as unknown as AppContext;

describe('sealed secrets', () => {
  it('seals so that nothing of the secret shows, and opens with the key it names', () => {
    const sealed = sealSecret(withKeys(first), 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed.sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealed.keyId).toBe(auditKeyring([first]).current.id);
    expect(sealSecret(withKeys(first), 'JBSWY3DPEHPK3PXP', 'user-1').sealed).not.toBe(sealed.sealed);
    expect(openSecret(withKeys(first), sealed, 'user-1')).toEqual({
      plaintext: 'JBSWY3DPEHPK3PXP',
      stale: false,
    });
  });

  it('still opens after a key rotation (stale: to be resealed), and not once the old key is dropped', () => {
    const sealed = sealSecret(withKeys(first), 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(openSecret(withKeys(first, second), sealed, 'user-1')).toEqual({
      plaintext: 'JBSWY3DPEHPK3PXP',
      stale: true,
    });
    expect(() => openSecret(withKeys(second), sealed, 'user-1')).toThrow(/is not loaded/);
  });

  it('does not open for another user, nor once altered', () => {
    const sealed = sealSecret(withKeys(first), 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => openSecret(withKeys(first), sealed, 'user-2')).toThrow();
    const [format, iv, tag, body = ''] = sealed.sealed.split('.');
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(() =>
      openSecret(withKeys(first), { ...sealed, sealed: [format, iv, tag, flipped].join('.') }, 'user-1'),
    ).toThrow();
    // A tag cut short (GCM would check only what is left) or an IV of another length is refused.
    const short = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 12)
      .toString('base64url');
    expect(() =>
      openSecret(withKeys(first), { ...sealed, sealed: [format, iv, short, body].join('.') }, 'user-1'),
    ).toThrow(/not a sealed secret/);
    const longIv = Buffer.alloc(16).toString('base64url');
    expect(() =>
      openSecret(withKeys(first), { ...sealed, sealed: [format, longIv, tag, body].join('.') }, 'user-1'),
    ).toThrow(/not a sealed secret/);
  });
});
