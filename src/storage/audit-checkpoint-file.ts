/**
 * The file of signed audit checkpoints, outside the database: JSON lines, only ever appended to (opened with
 * O_APPEND, fsynced before the checkpoint's transaction commits). It carries the public keys too, so a
 * verifier needs nothing else:
 *
 *   {"type":"signing-key","keyId":…,"publicKey":<base64 SPKI DER>,"at":…,"signedBy":null|<keyId>,"signature":…}
 *   {"type":"checkpoint","seq":1,"at":…,"anchorSeq":…,"anchorHash":…,"auditKeyId":…,"signingKeyId":…,
 *    "prevHash":…,"hash":…,"signature":…}
 *
 * The first signing key is trusted as the file's own (its id is printed by `audit verify --checkpoints`, to
 * compare with a copy kept elsewhere: the mailed checkpoints). A later key is trusted only when the key
 * before it signed it (`redress audit rotate-key --signing`), so replacing the key needs the old one.
 * A checkpoint's hash is sha256 over its fields (canonical JSON); the Ed25519 signature is over that hash.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '../db/canonical-json.ts';

/** What a checkpoint signs: the head of the anchors' chain, when, with which keys, after which checkpoint. */
export interface CheckpointFields {
  seq: number;
  at: string;
  anchorSeq: number;
  anchorHash: string;
  /** The audit key the writing process hashed with: a new one here marks a key's switch. */
  auditKeyId: string | null;
  signingKeyId: string;
  prevHash: string;
}

export interface CheckpointRecord extends CheckpointFields {
  type: 'checkpoint';
  hash: string;
  /** Ed25519 over `hash`, base64. */
  signature: string;
}

export interface SigningKeyRecord {
  type: 'signing-key';
  keyId: string;
  /** SPKI DER, base64. */
  publicKey: string;
  at: string;
  /** The key that vouches for this one (the one before it), or null for the file's first key. */
  signedBy: string | null;
  /** Ed25519 over the record's other fields (canonical JSON), by `signedBy` (the key itself when null). */
  signature: string;
}

export type CheckpointFileRecord = CheckpointRecord | SigningKeyRecord;

export const GENESIS_CHECKPOINT_HASH = '0'.repeat(64);

export function checkpointHash(fields: CheckpointFields): string {
  const { seq, at, anchorSeq, anchorHash, auditKeyId, signingKeyId, prevHash } = fields;
  return createHash('sha256')
    .update(canonicalJson({ seq, at, anchorSeq, anchorHash, auditKeyId, signingKeyId, prevHash }))
    .digest('hex');
}

/** A signing key: the private half, and the public half as the file carries it. */
export interface SigningKey {
  id: string;
  privateKey: KeyObject;
  /** SPKI DER, base64. */
  publicKey: string;
}

const keyIdOf = (publicKeyBase64: string) =>
  createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);

function signingKeyOf(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { id: keyIdOf(publicKey), privateKey, publicKey };
}

/** The signing key in `file` (PEM, PKCS#8), generated there (mode 0600) when the file does not exist. */
export function loadSigningKey(file: string): { key: SigningKey; generated: boolean } {
  if (existsSync(file)) return { key: signingKeyOf(createPrivateKey(readFileSync(file))), generated: false };
  const key = newSigningKey();
  writeKeyFile(file, key);
  return { key, generated: true };
}

export function newSigningKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync('ed25519').privateKey);
}

/** Replaces the key in `file` with `key`: written beside it, fsynced, renamed over it. */
export function writeKeyFile(file: string, key: SigningKey): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

const publicKeyOf = (base64: string) =>
  createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });

const keyRecordBody = (r: Omit<SigningKeyRecord, 'signature'>) =>
  Buffer.from(
    canonicalJson({ type: r.type, keyId: r.keyId, publicKey: r.publicKey, at: r.at, signedBy: r.signedBy }),
  );

/** The record that introduces `key`, vouched for by `signer` (the key before it), or by itself when first. */
export function signingKeyRecord(key: SigningKey, at: string, signer: SigningKey | null): SigningKeyRecord {
  const body = {
    type: 'signing-key' as const,
    keyId: key.id,
    publicKey: key.publicKey,
    at,
    signedBy: signer?.id ?? null,
  };
  const signature = sign(null, keyRecordBody(body), (signer ?? key).privateKey).toString('base64');
  return { ...body, signature };
}

/** A checkpoint of `fields`, hashed and signed with `key`. */
export function signCheckpoint(
  fields: Omit<CheckpointFields, 'signingKeyId'>,
  key: SigningKey,
): CheckpointRecord {
  const all = { ...fields, signingKeyId: key.id };
  const hash = checkpointHash(all);
  return {
    type: 'checkpoint',
    ...all,
    hash,
    signature: sign(null, Buffer.from(hash), key.privateKey).toString('base64'),
  };
}

/** Appends records as lines with O_APPEND and fsyncs them (and the directory, when the file is new). */
export function appendCheckpointRecords(file: string, records: readonly CheckpointFileRecord[]): void {
  if (records.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  const created = !existsSync(file);
  const fd = openSync(file, 'a', 0o644);
  try {
    writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}

export interface CheckpointFileProblem {
  line: number;
  detail: string;
}

export interface CheckpointFileReading {
  /** The checkpoints whose hash and signature hold, in file order. */
  checkpoints: CheckpointRecord[];
  /** The signing keys the file introduces, by id, first (trusted as the file's own) first. */
  keys: Map<string, SigningKeyRecord>;
  problems: CheckpointFileProblem[];
}

/**
 * Reads `text` (the file's content) and checks every record: signatures, key hand-overs, the chain. With
 * `keysOnly`, the signing keys alone: the checkpoints (one a day, each an Ed25519 verification) are skipped
 * and not listed — for a checkpoint being written or sent, which needs only to know the keys.
 */
export function readCheckpointFile(
  text: string,
  options: { keysOnly?: boolean } = {},
): CheckpointFileReading {
  const keys = new Map<string, SigningKeyRecord>();
  const checkpoints: CheckpointRecord[] = [];
  const problems: CheckpointFileProblem[] = [];
  let currentKey: SigningKeyRecord | null = null;
  let previous: CheckpointRecord | null = null;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const at = i + 1;
    let record: CheckpointFileRecord;
    try {
      record = JSON.parse(line) as CheckpointFileRecord;
    } catch {
      problems.push({ line: at, detail: 'not a JSON record (cut short or altered)' });
      continue;
    }
    if (record.type === 'signing-key') {
      const signer = record.signedBy === null ? record : keys.get(record.signedBy);
      const valid =
        signer !== undefined &&
        keyIdOf(record.publicKey) === record.keyId &&
        safeVerify(keyRecordBody(record), signer.publicKey, record.signature);
      if (!valid)
        problems.push({ line: at, detail: `signing key ${record.keyId}: its record does not verify` });
      else if (currentKey && record.signedBy !== currentKey.keyId)
        problems.push({
          line: at,
          detail: `signing key ${record.keyId} is not vouched for by the key before it (${currentKey.keyId})`,
        });
      else {
        keys.set(record.keyId, record);
        currentKey = record;
      }
    } else if (record.type === 'checkpoint') {
      if (options.keysOnly) continue;
      const key = keys.get(record.signingKeyId);
      if (!key) {
        problems.push({
          line: at,
          detail: `checkpoint ${record.seq}: signed by unknown key ${record.signingKeyId}`,
        });
        continue;
      }
      if (
        checkpointHash(record) !== record.hash ||
        !safeVerify(Buffer.from(record.hash), key.publicKey, record.signature)
      ) {
        problems.push({
          line: at,
          detail: `checkpoint ${record.seq}: its hash or signature does not verify (altered)`,
        });
        continue;
      }
      const expectedSeq = (previous?.seq ?? 0) + 1;
      if (record.seq !== expectedSeq || record.prevHash !== (previous?.hash ?? GENESIS_CHECKPOINT_HASH))
        problems.push({
          line: at,
          detail:
            record.seq > expectedSeq
              ? `checkpoints ${expectedSeq}–${record.seq - 1} are missing before checkpoint ${record.seq}`
              : `checkpoint ${record.seq} does not follow checkpoint ${previous?.seq ?? 0}`,
        });
      checkpoints.push(record);
      previous = record;
    } else problems.push({ line: at, detail: 'not a checkpoint file record' });
  }
  return { checkpoints, keys, problems };
}

function safeVerify(body: Buffer, publicKey: string, signature: string): boolean {
  try {
    return verify(null, body, publicKeyOf(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
