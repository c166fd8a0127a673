/**
 * Anchors of the audit chains. An anchor records the head (length, hash) of every chain changed since the
 * anchor before it, a digest of those heads, and its own hash over them chained to the previous anchor: the
 * latest anchor's hash thus fixes every chain's history up to it. Issue 13 signs that hash (a checkpoint) and
 * keeps it outside the database.
 *
 * Cheap at any size: the changed chains come from a partial index on `audit_chains` (length >
 * anchored_length), never from the audit trail. On PostgreSQL the anchor takes their rows with SKIP LOCKED, so
 * it never waits for a transaction appending to a chain (that chain goes in the next anchor), and appends wait
 * at most for one anchor's commit; one advisory lock keeps two processes from anchoring at once. At most
 * `maxChains` heads go in one anchor, so an anchor's transaction stays short; the rest go in the next.
 * An anchor's hash is an HMAC with the executor's audit key, like the rows' (audit-keys.ts).
 */
import { sql } from 'kysely';
import { anchorHash, GENESIS_HASH, headsDigest } from './audit-hash.ts';
import { auditKeysOf } from './audit-keys.ts';
import { dialectOf, type Executor, transaction } from './database.ts';
import type { Instant } from './schema.ts';

// Any fixed bigint distinct from the app's other advisory locks: only anchor writers take it.
const ANCHOR_LOCK_KEY = 0x5245_4441; // "REDA"
const INSERT_BATCH = 500;

export interface AuditAnchor {
  seq: number;
  at: Instant;
  /** How many chain heads it records. */
  chains: number;
  headsHash: string;
  prevHash: string;
  hash: string;
  /** The audit key its hash is an HMAC with; null: plain sha256 (before keying). */
  keyId: string | null;
}

/**
 * Writes one anchor of the chains changed since the last (up to `maxChains` of them, in chain order), or
 * returns null when no chain changed.
 */
export async function anchorAuditChains(
  executor: Executor,
  at: Instant,
  options: { maxChains?: number | undefined } = {},
): Promise<AuditAnchor | null> {
  const maxChains = options.maxChains ?? 5000;
  const key = auditKeysOf(executor)?.current ?? null;
  return transaction(executor, async (trx) => {
    const postgres = dialectOf(trx) === 'postgres';
    if (postgres) await sql`select pg_advisory_xact_lock(${ANCHOR_LOCK_KEY})`.execute(trx);
    const changed = await trx
      .selectFrom('audit_chains')
      .select(['chain_id', 'length', 'head_hash'])
      .where(sql.ref('length'), '>', sql.ref('anchored_length'))
      .orderBy('chain_id')
      .limit(maxChains)
      .$if(postgres, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (changed.length === 0) return null;
    const previous = await trx
      .selectFrom('audit_anchors')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = Number(previous?.seq ?? 0) + 1;
    const digest = headsDigest();
    for (const c of changed) digest.add({ chainId: c.chain_id, length: Number(c.length), hash: c.head_hash });
    for (let i = 0; i < changed.length; i += INSERT_BATCH)
      await trx
        .insertInto('audit_anchor_heads')
        .values(
          changed.slice(i, i + INSERT_BATCH).map((c) => ({
            anchor_seq: seq,
            chain_id: c.chain_id,
            length: c.length,
            hash: c.head_hash,
          })),
        )
        .execute();
    // The rows are ours until commit (locked above, or SQLite's write transaction): length has not moved.
    await trx
      .updateTable('audit_chains')
      .set({ anchored_length: sql.ref('length') })
      .where('chain_id', 'in', (eb) =>
        eb.selectFrom('audit_anchor_heads').select('chain_id').where('anchor_seq', '=', seq),
      )
      .execute();
    const fields = { seq, at, chains: changed.length, headsHash: digest.digest() };
    const prevHash = previous?.hash ?? GENESIS_HASH;
    const anchor = { ...fields, prevHash, hash: anchorHash(prevHash, fields, key), keyId: key?.id ?? null };
    await trx
      .insertInto('audit_anchors')
      .values({
        seq,
        at,
        chains: anchor.chains,
        heads_hash: anchor.headsHash,
        prev_hash: prevHash,
        hash: anchor.hash,
        key_id: anchor.keyId,
      })
      .execute();
    return anchor;
  });
}

/** The newest anchor, or null before the first. */
export async function latestAuditAnchor(db: Executor): Promise<AuditAnchor | null> {
  const row = await db
    .selectFrom('audit_anchors')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    seq: Number(row.seq),
    at: row.at,
    chains: Number(row.chains),
    headsHash: row.heads_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
    keyId: row.key_id,
  };
}
