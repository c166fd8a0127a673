/**
 * Checks one audit chain, row by row in order, against its recorded head and the head its latest anchor
 * recorded. Holds only the previous row's hash and position, so a chain of any length checks in constant
 * memory. Seq gaps alone are not problems (PostgreSQL identities skip numbers on rollback); `chain_seq`
 * gaps are, since a chain's positions are given out under its lock.
 */
import { auditHash, GENESIS_HASH, LEGACY_CHAIN } from './audit-hash.ts';
import type { AuditKeyring } from './audit-keys.ts';
import { redactedRowsOf } from './audit-redaction.ts';
import type { AuditProblem } from './audit-verify.ts';

export interface StoredAuditRow {
  seq: number;
  id: string;
  complaint_id: string | null;
  type: string;
  actor: string | null;
  at: string;
  payload: string;
  prev_hash: string;
  hash: string;
  chain_seq: number | null;
  /** The chain the row names (`user:<id>`); null: its complaint's, or the system chain. */
  chain_id: string | null;
  key_id: string | null;
}

interface Head {
  length: number;
  hash: string;
}

export interface ChainCheckOptions {
  /** The keys rows may be hashed with; a row naming another key cannot be verified. */
  keys: AuditKeyring | null;
  /**
   * Given when verifying against a signed checkpoint: the head of this chain that the checkpoint's anchor
   * fixed (undefined: the checkpoint covers none of it). Rows missing from it are then tampering, not
   * truncation, and a plain-sha256 row past it is a forgery (every row a checkpoint leaves open is keyed).
   */
  sealed?: { head: (Head & { anchor: number }) | undefined; checkpoint: number } | undefined;
  /** How much of the chain its head record says was anchored: more than any anchor holds means anchors went. */
  anchoredLength?: number | undefined;
}

/**
 * A checker for `chain`: feed it the chain's rows in order with `row`, then `end` reports how the chain ends
 * and returns how many rows it checked. The legacy chain has no positions: its rows are checked by `seq` gaps
 * and its end by the hash of its newest row.
 */
export function checkChain(
  chain: string,
  head: Head,
  anchored: (Head & { anchor: number }) | undefined,
  report: (problem: AuditProblem) => void,
  options: ChainCheckOptions = { keys: null },
): { row(row: StoredAuditRow): void; end(): number } {
  const legacy = chain === LEGACY_CHAIN;
  const sealed = options.sealed;
  let count = 0;
  let keyed = false;
  let last: { seq: number; position: number; hash: string } | null = null;
  // Rows whose payload no longer matches their hash, waiting for a later redaction event of the chain that
  // vouches for exactly what they hold now (audit-redaction.ts); any still waiting at the end were edited.
  const unvouched = new Map<string, { seq: number; hash: string }>();
  return {
    row(row) {
      count++;
      const chainSeq = row.chain_seq === null ? undefined : Number(row.chain_seq);
      const position = legacy ? count : (chainSeq ?? 0);
      const fields = {
        id: row.id,
        complaintId: row.complaint_id,
        type: row.type,
        actor: row.actor,
        at: row.at,
        chainSeq,
        chain: row.chain_id ?? undefined,
      };
      const at = { chain, seq: row.seq };
      const key = row.key_id === null ? null : options.keys?.byId.get(row.key_id);
      const hash = key === undefined ? undefined : auditHash(row.prev_hash, fields, row.payload, key);
      if (key === undefined)
        report({
          ...at,
          kind: 'unknown-key',
          detail: `row ${row.seq} is hashed with audit key ${row.key_id}, which is not configured here`,
        });
      else if (hash !== row.hash) {
        if (legacy) report({ ...at, kind: 'edited', detail: `row ${row.seq} does not match its hash` });
        // Redacted (audit-redaction.ts), or edited: a later redaction event of the chain must vouch for it.
        else unvouched.set(row.id, { seq: row.seq, hash: hash ?? '' });
      } else {
        for (const vouched of redactedRowsOf(row.type, row.payload)) {
          if (unvouched.get(vouched.id)?.hash === vouched.hash) unvouched.delete(vouched.id);
        }
        if (key === null && !legacy && (keyed || (sealed && position > (sealed.head?.length ?? 0))))
          report({
            ...at,
            kind: 'unkeyed',
            detail: keyed
              ? `row ${row.seq} is plain sha256 after keyed rows: rewritten without the key`
              : `row ${row.seq} is plain sha256 but no checkpoint sealed it: rewritten without the key`,
          });
      }
      if (key) keyed = true;
      if (row.prev_hash !== (last?.hash ?? GENESIS_HASH)) {
        const gap = legacy ? row.seq - (last?.seq ?? 0) > 1 : position > (last?.position ?? 0) + 1;
        const before = last ? `row ${last.seq}` : 'the start';
        report(
          gap
            ? { ...at, kind: 'deleted', detail: `rows missing between ${before} and row ${row.seq}` }
            : { ...at, kind: 'broken-link', detail: `row ${row.seq} does not follow ${before}` },
        );
      }
      if (!legacy && sealed?.head && position === sealed.head.length && row.hash !== sealed.head.hash)
        report({
          ...at,
          kind: 'anchor-mismatch',
          detail: `row ${row.seq} is not the row checkpoint ${sealed.checkpoint} sealed at position ${position}`,
        });
      else if (!legacy && anchored && position === anchored.length && row.hash !== anchored.hash)
        report({
          ...at,
          kind: 'anchor-mismatch',
          detail: `row ${row.seq} is not the row anchor ${anchored.anchor} recorded at position ${position}`,
        });
      last = { seq: row.seq, position, hash: row.hash };
    },
    end() {
      for (const { seq } of unvouched.values())
        report({ chain, seq, kind: 'edited', detail: `row ${seq} does not match its hash` });
      const reached = last?.position ?? 0;
      const lastHash = last?.hash ?? GENESIS_HASH;
      const at = { chain, seq: last?.seq ?? null };
      const ends = last ? `ends at row ${last.seq}` : 'has no rows';
      if (legacy) {
        if (head.length > 0 && lastHash !== head.hash)
          report({ ...at, kind: 'truncated', detail: `the legacy chain ${ends}, not at its recorded head` });
        else if (anchored && lastHash !== anchored.hash)
          report({ ...at, kind: 'anchor-mismatch', detail: `the legacy chain ${ends}, not where anchored` });
      } else if (sealed?.head && reached < sealed.head.length)
        report({
          ...at,
          kind: 'deleted',
          detail: `chain ${ends} (position ${reached}), checkpoint ${sealed.checkpoint} sealed ${sealed.head.length}`,
        });
      else if (anchored && reached < anchored.length)
        report({
          ...at,
          kind: 'truncated',
          detail: `chain ${ends} (position ${reached}), anchor ${anchored.anchor} recorded ${anchored.length}`,
        });
      else if ((options.anchoredLength ?? 0) > (anchored?.length ?? 0))
        report({
          ...at,
          kind: 'truncated',
          detail: `anchors are missing: the chain was anchored up to position ${options.anchoredLength}, the newest anchor left records ${anchored?.length ?? 0}`,
        });
      else if (reached < head.length)
        report({
          ...at,
          kind: 'truncated',
          detail: `chain ${ends} (position ${reached}), its head records ${head.length}`,
        });
      else if (reached > head.length)
        report({
          ...at,
          kind: 'unchained',
          detail: `chain goes on past its recorded head (position ${head.length}) to ${reached}`,
        });
      else if (lastHash !== head.hash)
        report({ ...at, kind: 'broken-link', detail: `the chain's newest row is not its recorded head` });
      return count;
    },
  };
}
