/**
 * The hashes of the audit trail, in one place: a row's link in its chain, an anchor's link in the chain of
 * anchors, and the digest of the chain heads an anchor records.
 *
 * Keyed (issue 13): a row's and an anchor's hash is an HMAC-SHA256 with an audit key kept outside the
 * database (AUDIT_KEY or a key file; see config/audit-keys.ts), so someone who can write to the database
 * cannot recompute the hashes of what they changed. The row records the key's id (a fingerprint, not the
 * key), so keys can rotate and old rows still verify with theirs. A row or anchor without a key id is
 * plain sha256: what was written before keying, sealed by the first signed checkpoint after the upgrade.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The `prev_hash` of the first row of every chain, and of the first anchor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain of the events about no complaint (rare admin events: templates, customer merges). */
export const SYSTEM_CHAIN = 'system';
/** The one global chain of the rows written before chains were per complaint (migration 0015). */
export const LEGACY_CHAIN = 'legacy';

/**
 * A member of staff's own chain: their sign-ins, sign-outs, sessions and lockouts (since 0034; before, the
 * system chain's). One chain per person, so sign-ins never queue on one chain lock, and a person's events are
 * found by chain rather than by searching payloads.
 */
export const userChain = (userId: string): `user:${string}` => `user:${userId}`;

/** The chain an event belongs to: the one it names, else its complaint's, else the system chain. */
export const chainOf = (event: { complaintId: string | null; chain?: string | null | undefined }): string =>
  event.chain ?? event.complaintId ?? SYSTEM_CHAIN;

export interface AuditLinkFields {
  id: string;
  complaintId: string | null;
  type: string;
  actor: string | null;
  at: string;
  /** The row's position in its chain; absent for legacy rows, whose hash never covered one. */
  chainSeq?: number | undefined;
  /**
   * The chain the row names (`user:<id>`); absent where the chain follows from `complaintId`, so the rows
   * written before 0034 hash exactly as they did. Covered by the hash: a row cannot move to another chain.
   */
  chain?: string | undefined;
}

/** An audit key: the secret an HMAC is made with, and its public fingerprint. */
export interface AuditKey {
  /** A fingerprint of the secret (16 hex digits): stored on each row it hashed; reveals nothing of it. */
  id: string;
  secret: Buffer;
}

/** The id of an audit key's secret. A one-way digest under its own label, so it is no HMAC of anything. */
export function auditKeyId(secret: Buffer): string {
  return createHash('sha256').update('redress audit key id\0').update(secret).digest('hex').slice(0, 16);
}

/** HMAC-SHA256 with `key`, or plain sha256 without (rows and anchors before keying). */
const hasher = (key: AuditKey | null | undefined): Hash | Hmac =>
  key ? createHmac('sha256', key.secret) : createHash('sha256');

/**
 * The hash a row must carry, given the previous row's hash in its chain, its own stored content and the key
 * it is hashed with (none: plain sha256, as before issue 13).
 */
export function auditHash(
  prevHash: string,
  row: AuditLinkFields,
  payloadJson: string,
  key?: AuditKey | null,
): string {
  // The payload enters as its stored canonical text, so verification hashes exactly what is stored.
  // canonicalJson drops an undefined chainSeq, so a legacy row hashes exactly as it did before 0015.
  const content = canonicalJson({ ...row, payload: payloadJson });
  return hasher(key).update(prevHash).update(content).digest('hex');
}

export interface AnchorFields {
  seq: number;
  at: string;
  /** How many chain heads the anchor records. */
  chains: number;
  headsHash: string;
}

/** The hash an anchor must carry, given the previous anchor's hash and its key. A checkpoint signs this. */
export function anchorHash(prevHash: string, anchor: AnchorFields, key?: AuditKey | null): string {
  return hasher(key).update(prevHash).update(canonicalJson(anchor)).digest('hex');
}

/** A running digest of an anchor's chain heads, fed in bytewise order of chain id. */
export function headsDigest(): {
  add(head: { chainId: string; length: number; hash: string }): void;
  digest(): string;
} {
  const hash = createHash('sha256');
  return {
    add({ chainId, length, hash: headHash }) {
      hash.update(`${chainId}\t${length}\t${headHash}\n`);
    },
    digest: () => hash.digest('hex'),
  };
}
