/**
 * The hashes of the audit trail, in one place: a row's link in its chain, an anchor's link in the chain of
 * anchors, and the digest of the chain heads an anchor records. Issue 13 keys them (an HMAC with a secret
 * kept outside the database); everything that hashes goes through here so that change is one file.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The `prev_hash` of the first row of every chain, and of the first anchor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain of the events about no complaint (rare admin events: templates, customer merges). */
export const SYSTEM_CHAIN = 'system';
/** The one global chain of the rows written before chains were per complaint (migration 0015). */
export const LEGACY_CHAIN = 'legacy';

/** The chain an event belongs to: its complaint's, or the system chain. */
export const chainOf = (complaintId: string | null): string => complaintId ?? SYSTEM_CHAIN;

export interface AuditLinkFields {
  id: string;
  complaintId: string | null;
  type: string;
  actor: string | null;
  at: string;
  /** The row's position in its chain; absent for legacy rows, whose hash never covered one. */
  chainSeq?: number | undefined;
}

/** The hash a row must carry, given the previous row's hash in its chain and its own stored content. */
export function auditHash(prevHash: string, row: AuditLinkFields, payloadJson: string): string {
  // The payload enters as its stored canonical text, so verification hashes exactly what is stored.
  // canonicalJson drops an undefined chainSeq, so a legacy row hashes exactly as it did before 0015.
  const content = canonicalJson({ ...row, payload: payloadJson });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

export interface AnchorFields {
  seq: number;
  at: string;
  /** How many chain heads the anchor records. */
  chains: number;
  headsHash: string;
}

/** The hash an anchor must carry, given the previous anchor's hash. A checkpoint signs this. */
export function anchorHash(prevHash: string, anchor: AnchorFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(anchor)).digest('hex');
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
