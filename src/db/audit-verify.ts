/**
 * `redress audit verify`: walks every audit chain and every anchor, in pages through indexes, holding one
 * page and one chain's running state at a time (memory stays flat at a million complaints).
 *
 * - The legacy chain (rows before migration 0015) in `seq` order, as the one global chain it was.
 * - Every chain listed in `audit_chains`, a page of chains at a time, their rows read together in pages
 *   through the (complaint_id, seq) index, or (chain_id, seq) for the chains rows name (a member of staff's,
 *   `user:<id>`); the system chain by itself.
 * - Each chain against its head in `audit_chains` and against the head its latest anchor recorded.
 * - Every anchor: its hash, its link to the anchor before and the digest of the heads it recorded.
 * - Rows or anchored chains that no `audit_chains` row accounts for (found by counting, so the usual case,
 *   nothing missing, costs two counts rather than a search).
 * - Keyed hashes with the keyring (audit-keys.ts); plain sha256 only where keying cannot have been (before
 *   the first keyed row of a chain or anchor; with a checkpoint, only what it sealed).
 */
import { sql } from 'kysely';
import { type ChainCheckOptions, checkChain } from './audit-chain-check.ts';
import { anchorHash, GENESIS_HASH, headsDigest, LEGACY_CHAIN, SYSTEM_CHAIN } from './audit-hash.ts';
import { type AuditKeyring, auditKeysOf } from './audit-keys.ts';
import type { Executor } from './database.ts';

export type AuditProblemKind =
  /** A row (or anchor) whose content no longer matches its hash. */
  | 'edited'
  /** Rows missing before this one (a gap in `chain_seq`), or a whole chain gone. */
  | 'deleted'
  /** A row whose `prev_hash` is not the hash of the row before it: that row was rewritten, or rows moved. */
  | 'broken-link'
  /** A chain that ends before its recorded or anchored head: its newest rows were deleted. */
  | 'truncated'
  /** A row at an anchored position that is not the one the anchor recorded (rewritten with new hashes). */
  | 'anchor-mismatch'
  /** Chained rows that belong to no chain head (the head's record was deleted). */
  | 'unchained'
  /** A row or anchor hashed with an audit key this process does not have (not in its keyring). */
  | 'unknown-key'
  /** A plain-sha256 row or anchor where only keyed ones can be: rewritten by someone without the key. */
  | 'unkeyed';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The chain (a complaint id, `user:<id>`, `system`, `legacy`, or `anchors` for the chain of anchors). */
  chain: string;
  /** The row's `seq` (the anchor's, for the anchors), or null when the problem is the chain's end. */
  seq: number | null;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Audit events checked. */
  checked: number;
  chains: number;
  anchors: number;
  /** Every problem found; `problems` lists the first MAX_LISTED of them. */
  problemCount: number;
  problems: AuditProblem[];
  /** The newest anchor: what a checkpoint signs and keeps elsewhere, so truncation shows too. */
  latestAnchor: { seq: number; at: string; hash: string } | null;
}

/** How many chains, and rows, a page holds: what bounds the memory verification uses. */
export interface VerifyPages {
  chains: number;
  rows: number;
}
const PAGES: VerifyPages = { chains: 200, rows: 2000 };
const MAX_LISTED = 1000;

/** A signed checkpoint verification starts from: what it sealed is held to it. */
export interface AuditSeal {
  checkpoint: number;
  /** The anchor the checkpoint signed: every chain's head as of it, and every anchor up to it, is fixed. */
  anchorSeq: number;
}

/**
 * Walks the whole audit trail; see the module comment. Rows and anchors are checked with `keys` (default:
 * the executor's keyring). With `seal`, what the checkpoint sealed is held to it (see ChainCheckOptions).
 */
export async function verifyAuditChain(
  db: Executor,
  options: {
    pages?: VerifyPages | undefined;
    keys?: AuditKeyring | null | undefined;
    seal?: AuditSeal | undefined;
  } = {},
): Promise<AuditVerification> {
  const pages = options.pages ?? PAGES;
  const keys = options.keys === undefined ? auditKeysOf(db) : options.keys;
  const seal = options.seal;
  const found: AuditProblem[] = [];
  let problemCount = 0;
  const report = (problem: AuditProblem) => {
    problemCount++;
    if (found.length < MAX_LISTED) found.push(problem);
  };
  let checked = await verifyLegacyChain(db, pages, report, keys);
  let chains = checked > 0 ? 1 : 0;
  let chained = 0;
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('audit_chains')
      .select(['chain_id', 'length', 'head_hash', 'anchored_length'])
      .where('chain_id', '>', after)
      .where('chain_id', '!=', LEGACY_CHAIN)
      .orderBy('chain_id')
      .limit(pages.chains)
      .execute();
    if (page.length === 0) break;
    after = (page.at(-1) as { chain_id: string }).chain_id;
    const ids = page.map((c) => c.chain_id);
    const anchored = await latestAnchoredHeads(db, ids);
    const sealed = seal && (await latestAnchoredHeads(db, ids, seal.anchorSeq));
    const checks = new Map(
      page.map((chain) => [
        chain.chain_id,
        checkChain(
          chain.chain_id,
          { length: Number(chain.length), hash: chain.head_hash },
          anchored.get(chain.chain_id),
          report,
          {
            keys,
            sealed: sealed && { head: sealed.get(chain.chain_id), checkpoint: seal.checkpoint },
            anchoredLength: Number(chain.anchored_length),
          },
        ),
      ]),
    );
    chains += page.length;
    const system = checks.get(SYSTEM_CHAIN);
    if (system) for await (const row of systemChainRows(db, pages)) system.row(row);
    const named = ids.filter(isNamedChain);
    for await (const row of chainRows(db, pages, 'chain_id', named))
      checks.get(row.chain_id as string)?.row(row);
    const complaints = ids.filter((id) => id !== SYSTEM_CHAIN && !isNamedChain(id));
    for await (const row of chainRows(db, pages, 'complaint_id', complaints))
      checks.get(row.complaint_id as string)?.row(row);
    for (const check of checks.values()) chained += check.end();
  }
  checked += chained;
  await findUnchained(db, chained, report);
  const anchors = await verifyAnchors(db, pages, report, keys, seal);
  return {
    ok: problemCount === 0,
    checked,
    chains,
    anchors: anchors.count,
    problemCount,
    problems: found,
    latestAnchor: anchors.latest,
  };
}

type Report = (problem: AuditProblem) => void;

interface AnchorRow {
  seq: number;
  at: string;
  chains: number;
  heads_hash: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

async function verifyLegacyChain(
  db: Executor,
  pages: VerifyPages,
  report: Report,
  keys: AuditKeyring | null,
): Promise<number> {
  const head = await db
    .selectFrom('audit_chains')
    .select(['length', 'head_hash'])
    .where('chain_id', '=', LEGACY_CHAIN)
    .executeTakeFirst();
  const anchored = (await latestAnchoredHeads(db, [LEGACY_CHAIN])).get(LEGACY_CHAIN);
  const check = checkChain(
    LEGACY_CHAIN,
    head ? { length: Number(head.length), hash: head.head_hash } : { length: 0, hash: GENESIS_HASH },
    anchored,
    report,
    { keys } satisfies ChainCheckOptions,
  );
  let afterSeq = 0;
  // Legacy rows come before every chained row in `seq`; the first chained row ends the walk.
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(pages.rows)
      .execute();
    const end = rows.findIndex((r) => r.chain_seq !== null);
    const legacy = end === -1 ? rows : rows.slice(0, end);
    for (const row of legacy) check.row(row);
    if (legacy.length < pages.rows) break;
    afterSeq = (legacy.at(-1) as { seq: number }).seq;
  }
  return check.end();
}

/** A chain that rows name in `chain_id` (`user:<id>`), rather than one that follows from `complaint_id`. */
const isNamedChain = (chain: string) => chain.includes(':');

/** The system chain's rows in order, a page at a time (through audit_events_system_idx). */
async function* systemChainRows(db: Executor, pages: VerifyPages) {
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('complaint_id', 'is', null)
      .where('chain_id', 'is', null)
      .where('seq', '>', afterSeq)
      .where('chain_seq', 'is not', null)
      .orderBy('seq')
      .limit(pages.rows)
      .execute();
    yield* rows;
    if (rows.length < pages.rows) return;
    afterSeq = (rows.at(-1) as { seq: number }).seq;
  }
}

/**
 * The rows of a page of chains, each chain's in order, a page of rows at a time through the (complaint_id,
 * seq) index for complaints' chains, or (chain_id, seq) for named ones: one query per page rather than one per
 * chain (a million round trips on PostgreSQL). Legacy rows of the same complaints are left out.
 */
async function* chainRows(
  db: Executor,
  pages: VerifyPages,
  column: 'complaint_id' | 'chain_id',
  chains: string[],
) {
  if (chains.length === 0) return;
  let after: { chain: string; seq: number } | undefined;
  for (;;) {
    const from = after;
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(column, 'in', chains)
      .where('chain_seq', 'is not', null)
      .$if(from !== undefined, (qb) =>
        qb.where((eb) => eb(eb.refTuple(column, 'seq'), '>', eb.tuple(from?.chain ?? '', from?.seq ?? 0))),
      )
      .orderBy(column)
      .orderBy('seq')
      .limit(pages.rows)
      .execute();
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < pages.rows || !last) return;
    after = { chain: last[column] as string, seq: last.seq };
  }
}

/** The head each chain's latest anchor (up to anchor `upTo`, when given) recorded. */
async function latestAnchoredHeads(
  db: Executor,
  chains: string[],
  upTo?: number,
): Promise<Map<string, { length: number; hash: string; anchor: number }>> {
  const rows = await db
    .selectFrom('audit_anchor_heads as h')
    .select(['h.chain_id', 'h.length', 'h.hash', 'h.anchor_seq'])
    .where('h.chain_id', 'in', chains)
    .where((eb) =>
      eb(
        'h.anchor_seq',
        '=',
        eb
          .selectFrom('audit_anchor_heads as h2')
          .select((e) => e.fn.max('h2.anchor_seq').as('latest'))
          .whereRef('h2.chain_id', '=', 'h.chain_id')
          .$if(upTo !== undefined, (qb) => qb.where('h2.anchor_seq', '<=', upTo ?? 0)),
      ),
    )
    .execute();
  return new Map(
    rows.map((r) => [r.chain_id, { length: Number(r.length), hash: r.hash, anchor: Number(r.anchor_seq) }]),
  );
}

/** Chained rows, or anchored chains, that no `audit_chains` row accounts for. */
async function findUnchained(db: Executor, chained: number, report: Report): Promise<void> {
  const { n } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('chain_seq', 'is not', null)
    .executeTakeFirstOrThrow();
  if (Number(n) > chained) {
    const stray = await db
      .selectFrom('audit_events as e')
      .select(['e.seq', 'e.complaint_id', 'e.chain_id'])
      .where('e.chain_seq', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('audit_chains as c')
              .select('c.chain_id')
              .where((eb) =>
                eb('c.chain_id', '=', sql<string>`coalesce(e.chain_id, e.complaint_id, ${SYSTEM_CHAIN})`),
              ),
          ),
        ),
      )
      .orderBy('e.seq')
      .limit(MAX_LISTED)
      .execute();
    for (const row of stray)
      report({
        kind: 'unchained',
        chain: row.chain_id ?? row.complaint_id ?? SYSTEM_CHAIN,
        seq: row.seq,
        detail: `row ${row.seq} belongs to no recorded chain (its chain's head was deleted)`,
      });
  }
  const anchoredChains = await db
    .selectFrom('audit_chains')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('anchored_length', '>', 0)
    .executeTakeFirstOrThrow();
  const everAnchored = await db
    .selectFrom('audit_anchor_heads')
    .select(sql<number>`count(distinct chain_id)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(everAnchored.n) > Number(anchoredChains.n)) {
    const gone = await db
      .selectFrom('audit_anchor_heads as h')
      .select('h.chain_id')
      .distinct()
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('audit_chains as c')
              .select('c.chain_id')
              .whereRef('c.chain_id', '=', 'h.chain_id')
              .where('c.anchored_length', '>', 0),
          ),
        ),
      )
      .limit(MAX_LISTED)
      .execute();
    for (const { chain_id } of gone)
      report({
        kind: 'deleted',
        chain: chain_id,
        seq: null,
        detail: `chain ${chain_id} was anchored but its head record is gone or was reset`,
      });
  }
}

/** Every anchor in order: its own hash, its link to the one before, and the digest of its heads. */
async function verifyAnchors(
  db: Executor,
  pages: VerifyPages,
  report: Report,
  keys: AuditKeyring | null,
  seal: AuditSeal | undefined,
): Promise<{ count: number; latest: AuditVerification['latestAnchor'] }> {
  let count = 0;
  let keyed = false;
  let previous: { seq: number; at: string; hash: string } | null = null;
  for (;;) {
    const anchors: AnchorRow[] = await db
      .selectFrom('audit_anchors')
      .selectAll()
      .where('seq', '>', previous?.seq ?? 0)
      .orderBy('seq')
      .limit(pages.chains)
      .execute();
    for (const anchor of anchors) {
      count++;
      const seq = Number(anchor.seq);
      const digest = headsDigest();
      let heads = 0;
      let afterChain = '';
      for (;;) {
        const page = await db
          .selectFrom('audit_anchor_heads')
          .select(['chain_id', 'length', 'hash'])
          .where('anchor_seq', '=', seq)
          .where('chain_id', '>', afterChain)
          .orderBy('chain_id')
          .limit(pages.rows)
          .execute();
        for (const h of page) digest.add({ chainId: h.chain_id, length: Number(h.length), hash: h.hash });
        heads += page.length;
        if (page.length < pages.rows) break;
        afterChain = (page.at(-1) as { chain_id: string }).chain_id;
      }
      const fields = { seq, at: anchor.at, chains: Number(anchor.chains), headsHash: anchor.heads_hash };
      const where = { chain: 'anchors', seq };
      const key = anchor.key_id === null ? null : keys?.byId.get(anchor.key_id);
      if (key === undefined)
        report({
          ...where,
          kind: 'unknown-key',
          detail: `anchor ${seq} is hashed with audit key ${anchor.key_id}, which is not configured here`,
        });
      else if (anchorHash(anchor.prev_hash, fields, key) !== anchor.hash)
        report({ ...where, kind: 'edited', detail: `anchor ${seq} does not match its hash` });
      else if (key === null && (keyed || (seal && seq > seal.anchorSeq)))
        report({
          ...where,
          kind: 'unkeyed',
          detail: `anchor ${seq} is plain sha256 where only keyed anchors can be: rewritten without the key`,
        });
      else if (digest.digest() !== anchor.heads_hash || heads !== fields.chains)
        report({
          ...where,
          kind: 'edited',
          detail: `the chain heads recorded by anchor ${seq} were changed`,
        });
      if (anchor.prev_hash !== (previous?.hash ?? GENESIS_HASH)) {
        const gap = seq - (previous?.seq ?? 0) > 1;
        report({
          ...where,
          kind: gap ? 'deleted' : 'broken-link',
          detail: gap
            ? `anchors missing between ${previous?.seq ?? 0} and ${seq}`
            : `anchor ${seq} does not follow ${previous ? `anchor ${previous.seq}` : 'the start'}`,
        });
      }
      if (key) keyed = true;
      previous = { seq, at: anchor.at, hash: anchor.hash };
    }
    if (anchors.length < pages.chains) break;
  }
  return { count, latest: previous };
}
