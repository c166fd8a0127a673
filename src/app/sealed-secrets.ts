/**
 * Secrets the server must read back (a member of staff's TOTP secret) sealed with AES-256-GCM, so that the
 * database, its backups and whoever can read them never hold them in the clear.
 *
 * The sealing key is derived (HKDF-SHA256) from the audit key this process already holds (config/audit-keys.ts:
 * AUDIT_KEY, AUDIT_KEY_FILE or DATA_DIR/audit-key) — configuration, never a row, and so no new setting.
 * Each sealed value names the audit key it came from (its id), so after `redress audit rotate-key` the older
 * key, still in the keyring, opens what it sealed; it is resealed with the current key when next used.
 * The user's id is the additional authenticated data: a sealed secret copied onto another user's row does not
 * open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AuditKey } from '../db/audit-hash.ts';
import { auditKeysOf } from '../db/audit-keys.ts';
import type { AppContext } from './context.ts';

const INFO = 'redress staff second factor v1';
const FORMAT = 'v1';
const IV_BYTES = 12;
// Pinned, and checked on opening: GCM would otherwise accept a tag cut short, weakening the check.
const TAG_BYTES = 16;

function sealingKey(key: AuditKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret, Buffer.alloc(0), INFO, 32));
}

function keyring(ctx: AppContext) {
  const ring = ctx.sealingKeys ?? auditKeysOf(ctx.db.kysely);
  // A `redress` process always has the audit keys; only a harness built without them lands here.
  if (!ring) throw new Error('no audit key is loaded: second factors cannot be sealed');
  return ring;
}

/** `plaintext` sealed with the current key, bound to `owner`; and the id of the audit key used. */
export function sealSecret(
  ctx: AppContext,
  plaintext: string,
  owner: string,
): { sealed: string; keyId: string } {
  const key = keyring(ctx).current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(owner, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = [FORMAT, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
  return { sealed, keyId: key.id };
}

/**
 * The plaintext of a sealed secret, and whether it should be resealed (it was sealed with an older key).
 * Throws when the key is not in the keyring or the value was altered: that is a fault, not a wrong code.
 */
export function openSecret(
  ctx: AppContext,
  sealed: { sealed: string; keyId: string },
  owner: string,
): { plaintext: string; stale: boolean } {
  const ring = keyring(ctx);
  const key = ring.byId.get(sealed.keyId);
  if (!key) throw new Error(`the audit key ${sealed.keyId} that sealed this secret is not loaded`);
  const [format, ivText, tagText, body] = sealed.sealed.split('.');
  if (format !== FORMAT || !ivText || !tagText || body === undefined) throw new Error('not a sealed secret');
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(owner, 'utf8'));
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  return { plaintext: plaintext.toString('utf8'), stale: key.id !== ring.current.id };
}
