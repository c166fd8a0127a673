/**
 * Key rotation (docs/DEPLOYMENT.md, "Audit keys"), both followed by a checkpoint that marks the switch:
 *
 * - The audit key: a new random key is appended to the key file (AUDIT_KEY_FILE, or the generated one); it
 *   hashes new rows from each process's next start (this command's own checkpoint already uses it), and the
 *   old keys stay in the file so the rows they hashed still verify. With AUDIT_KEY in the environment
 *   nothing can be written: a new key is proposed, to append (comma-separated) in every process. Staff 2-step
 *   secrets (sealed under a key derived from the audit key) are resealed with the new key when it is written;
 *   with AUDIT_KEY, each is resealed when next used after the restart.
 * - The signing key: a new Ed25519 key, whose public key goes into the checkpoint file vouched for by the
 *   old key's signature, replaces the private key file; the old public keys stay in the checkpoint file.
 */
import { randomBytes } from 'node:crypto';
import { type LoadedAuditKeys, rotateAuditKeyFile } from '../config/audit-keys.ts';
import { withAuditKeys } from '../db/audit-keys.ts';
import {
  appendCheckpointRecords,
  newSigningKey,
  signingKeyRecord,
  writeKeyFile,
} from '../storage/audit-checkpoint-file.ts';
import {
  checkpointAuditTrail,
  checkpointSettings,
  keyRecordsNeeded,
  signingKeyFor,
  type WrittenCheckpoint,
} from './checkpoint-audit-trail.ts';
import type { AppContext } from './context.ts';
import { resealSecondFactors } from './reseal-second-factors.ts';

export type AuditKeyRotation =
  | {
      written: true;
      file: string;
      keyId: string;
      checkpoint: WrittenCheckpoint | null;
      /** 2-step secrets resealed with the new key. */
      resealed: number;
    }
  | { written: false; proposedKey: string };

/** Rotates the audit key of `loaded` (see the module comment). */
export async function rotateAuditKey(ctx: AppContext, loaded: LoadedAuditKeys): Promise<AuditKeyRotation> {
  if (!loaded.file) return { written: false, proposedKey: randomBytes(32).toString('hex') };
  const keyring = rotateAuditKeyFile(loaded.file);
  ctx.logger.info({ file: loaded.file, keyId: keyring.current.id }, 'audit key rotated');
  const rotated = { ...ctx, db: { ...ctx.db, kysely: withAuditKeys(ctx.db.kysely, keyring) } };
  const resealed = await resealSecondFactors(ctx, keyring);
  return {
    written: true,
    file: loaded.file,
    keyId: keyring.current.id,
    checkpoint: await checkpointAuditTrail(rotated),
    resealed,
  };
}

/** Rotates the signing key (see the module comment); returns the new key's id and the checkpoint it signed. */
export async function rotateSigningKey(
  ctx: AppContext,
): Promise<{ oldKeyId: string; keyId: string; checkpoint: WrittenCheckpoint | null }> {
  const settings = checkpointSettings(ctx);
  const old = signingKeyFor(ctx, settings);
  const key = newSigningKey();
  const at = ctx.now();
  appendCheckpointRecords(settings.file, [
    ...keyRecordsNeeded(ctx, settings.file, old, at),
    signingKeyRecord(key, at.toISOString(), old),
  ]);
  writeKeyFile(settings.signingKeyFile, key);
  ctx.logger.info({ oldKeyId: old.id, keyId: key.id }, 'audit signing key rotated');
  return {
    oldKeyId: old.id,
    keyId: key.id,
    checkpoint: await checkpointAuditTrail(ctx, { signingKey: key }),
  };
}
