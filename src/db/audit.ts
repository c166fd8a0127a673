/**
 * The audit trail: append-only, hash-chained, one chain per complaint. Each row's hash covers the previous
 * row's hash in its chain, the row's own content and its position (`chain_seq`), so editing a row, deleting
 * one from the middle or re-ordering rows shows up in `verifyAuditChain` (audit-verify.ts). Events about no
 * complaint (templates, customer merges) form one "system" chain, except a member of staff's sign-ins and
 * sessions, which form a chain per person (`user:<id>`, named on the row in `chain_id`; since 0034, before
 * which they were the system chain's and stay there). Rows written before migration 0015 stay the one global
 * "legacy" chain they were written as, and verify as before.
 *
 * Why per complaint: with one global chain every append read the last row under one global lock, so on
 * PostgreSQL every write of every complaint queued behind every other. Now an append locks only its chain's
 * row in `audit_chains` (an upsert that returns the head), which the complaint's own write path already
 * serialises on; two complaints never wait for each other. Measured (embedded PostgreSQL, pool of 10, 400
 * transactions each appending to its own complaint and holding 5 ms more): 3.8 s with the global lock, 0.96 s
 * per complaint. On SQLite the write transaction serialises anyway; the head costs one more write there.
 *
 * Truncation: a chain cannot show that its newest rows were deleted. So `audit_chains` keeps each chain's
 * head, and periodic anchors (audit-anchors.ts) record the heads of the chains changed since the anchor
 * before, each anchor hashed over its heads and chained to the previous anchor. Deleting anchored rows, or
 * rewriting a chain and its head, breaks an anchor. Issue 13's signed checkpoints sign an anchor's hash and
 * keep it outside the database, which closes the rest (rewriting the anchors too).
 *
 * Keyed: the hashes are HMACs with the audit key the executor carries (audit-keys.ts), its id on each row.
 */
import { type Selectable, type SqlBool, sql } from 'kysely';
import { type AuditLinkFields, auditHash, chainOf, GENESIS_HASH } from './audit-hash.ts';
import { auditKeysOf } from './audit-keys.ts';
import { canonicalJson } from './canonical-json.ts';
import { dialectOf, type Executor, transaction } from './database.ts';
import { newId } from './ids.ts';
import type { AuditEventsTable, Instant } from './schema.ts';

export { auditHash, GENESIS_HASH, userChain } from './audit-hash.ts';
export {
  type AuditProblem,
  type AuditProblemKind,
  type AuditVerification,
  verifyAuditChain,
} from './audit-verify.ts';

export interface NewAuditEvent {
  complaintId: string | null;
  type: string;
  /** Who did it (a user id, `customer:<id>`, `system`), or null. */
  actor: string | null;
  at: Instant;
  payload: unknown;
  /**
   * A chain of its own for an event about no complaint (`userChain(id)`: a member of staff's sign-ins and
   * sessions); absent: the complaint's chain, or the system chain.
   */
  chain?: `user:${string}` | undefined;
}

export interface AuditEvent {
  seq: number;
  id: string;
  complaintId: string | null;
  type: string;
  actor: string | null;
  at: Instant;
  payload: unknown;
  prevHash: string;
  hash: string;
  /** Position in its chain; null for a legacy row. */
  chainSeq: number | null;
  /** The chain it names (`user:<id>`); null: its complaint's chain, or the system chain. */
  chainId: string | null;
}

/**
 * Appends an event to its chain, inside the caller's transaction (or a new one). See appendAuditEvents.
 */
export async function appendAuditEvent(executor: Executor, event: NewAuditEvent): Promise<AuditEvent> {
  const [appended] = await appendAuditEvents(executor, [event]);
  if (!appended) throw new Error('audit event not appended');
  return appended;
}

/**
 * Appends events to their chains in order, inside the caller's transaction (or a new one): the heads are
 * locked (in chain order, so two transactions touching the same chains cannot deadlock), the rows inserted in
 * one statement and the heads moved on (an upsert: on SQLite a new chain's head is first written here).
 * Appends to one chain serialise on its `audit_chains` row until commit; appends to different chains do not
 * wait for each other.
 */
export async function appendAuditEvents(
  executor: Executor,
  events: readonly NewAuditEvent[],
): Promise<AuditEvent[]> {
  if (events.length === 0) return [];
  for (const event of events)
    if (event.chain !== undefined && event.complaintId !== null)
      throw new Error(
        `an event about complaint ${event.complaintId} belongs on its chain, not ${event.chain}`,
      );
  const key = auditKeysOf(executor)?.current ?? null;
  return transaction(executor, async (trx) => {
    const heads = new Map<string, { length: number; hash: string }>();
    for (const chain of [...new Set(events.map(chainOf))].sort())
      heads.set(chain, await lockChainHead(trx, chain));
    const chained = events.map((event) => {
      const head = heads.get(chainOf(event)) as { length: number; hash: string };
      const fields = {
        id: newId(Date.parse(event.at)),
        complaintId: event.complaintId,
        type: event.type,
        actor: event.actor,
        at: event.at,
      };
      const chainSeq = head.length + 1;
      const payload = canonicalJson(event.payload ?? null);
      const prevHash = head.hash;
      const link: AuditLinkFields = { ...fields, chainSeq, chain: event.chain };
      const hash = auditHash(prevHash, link, payload, key);
      head.length = chainSeq;
      head.hash = hash;
      const chainId = event.chain ?? null;
      return { fields, chainSeq, chainId, payload, value: event.payload ?? null, prevHash, hash };
    });
    const rows = await trx
      .insertInto('audit_events')
      .values(
        chained.map(({ fields, chainSeq, chainId, payload, prevHash, hash }) => ({
          id: fields.id,
          complaint_id: fields.complaintId,
          type: fields.type,
          actor: fields.actor,
          at: fields.at,
          payload,
          prev_hash: prevHash,
          hash,
          chain_seq: chainSeq,
          chain_id: chainId,
          key_id: key?.id ?? null,
        })),
      )
      .returning(['id', 'seq'])
      .execute();
    for (const [chain, head] of heads)
      await trx
        .insertInto('audit_chains')
        .values({ chain_id: chain, length: head.length, head_hash: head.hash, anchored_length: 0 })
        .onConflict((oc) =>
          oc.column('chain_id').doUpdateSet((eb) => ({
            length: eb.ref('excluded.length'),
            head_hash: eb.ref('excluded.head_hash'),
          })),
        )
        .execute();
    const seqs = new Map(rows.map((r) => [r.id, r.seq]));
    const seqOf = (id: string) => {
      const seq = seqs.get(id);
      if (seq === undefined) throw new Error(`audit row ${id} was not returned by its insert`);
      return seq;
    };
    // The system chain's events, indexed by the customers they name (see customersNamedIn).
    const named = chained.flatMap(({ fields, chainId, value }) =>
      fields.complaintId === null && chainId === null
        ? customersNamedIn(value).map((customerId) => ({
            customer_id: customerId,
            seq: seqOf(fields.id),
          }))
        : [],
    );
    if (named.length) await trx.insertInto('audit_customer_events').values(named).execute();
    return chained.map(({ fields, chainSeq, chainId, value, prevHash, hash }) => ({
      ...fields,
      seq: seqOf(fields.id),
      payload: value,
      prevHash,
      hash,
      chainSeq,
      chainId,
    }));
  });
}

/**
 * The customers an event of the system chain names: the string values of its top-level `customerId` and
 * `…CustomerId` fields (`mergedCustomerId`, `intoCustomerId`). Kept in `audit_customer_events` as the row is
 * appended, so a customer's rows of that chain are found by index (personal-data.ts), not by reading every
 * payload. An event about a customer must name them so.
 */
export function customersNamedIn(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(payload))
    if ((key === 'customerId' || key.endsWith('CustomerId')) && typeof value === 'string') ids.add(value);
  return [...ids];
}

/**
 * Writes the `audit_customer_events` rows of the system chain's events that lack theirs, a page at a time along
 * audit_events_system_idx. For a restore of a backup written before backups named their schema (rows only,
 * loaded into today's schema: restore-backup.ts): its audit rows arrive without the index, and no migration
 * runs after them to fill it (0036 fills it on an upgrade). Rows already there are kept.
 */
export async function indexSystemChainCustomers(executor: Executor): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await executor
      .selectFrom('audit_events')
      .select(['seq', 'payload'])
      .where(sql<SqlBool>`complaint_id is null and chain_id is null`)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    const named = rows.flatMap((row) =>
      customersNamedIn(JSON.parse(row.payload)).map((customerId) => ({
        customer_id: customerId,
        seq: row.seq,
      })),
    );
    if (named.length)
      await executor
        .insertInto('audit_customer_events')
        .values(named)
        .onConflict((oc) => oc.columns(['customer_id', 'seq']).doNothing())
        .execute();
    after = Number(rows.at(-1)?.seq);
  }
}

/**
 * The head of a chain, locked until the transaction ends. On PostgreSQL one statement: a new chain's row is
 * inserted empty; an existing one takes a no-op update, which waits for any other transaction holding it and
 * then returns the head that one committed (READ COMMITTED re-reads it). On SQLite the write transaction
 * already excludes every other writer, so a plain read will do (and saves a write per append: 0.5 ms).
 */
async function lockChainHead(trx: Executor, chain: string): Promise<{ length: number; hash: string }> {
  if (dialectOf(trx) === 'sqlite') {
    const head = await trx
      .selectFrom('audit_chains')
      .select(['length', 'head_hash'])
      .where('chain_id', '=', chain)
      .executeTakeFirst();
    return head ? { length: Number(head.length), hash: head.head_hash } : { length: 0, hash: GENESIS_HASH };
  }
  const head = await trx
    .insertInto('audit_chains')
    .values({ chain_id: chain, length: 0, head_hash: GENESIS_HASH, anchored_length: 0 })
    .onConflict((oc) => oc.column('chain_id').doUpdateSet({ length: sql.ref('audit_chains.length') }))
    .returning(['length', 'head_hash'])
    .executeTakeFirstOrThrow();
  return { length: Number(head.length), hash: head.head_hash };
}

/** The columns an audit event is read from (also by complaint-view.ts, as JSON). */
export const AUDIT_EVENT_COLUMNS = [
  'seq',
  'id',
  'complaint_id',
  'type',
  'actor',
  'at',
  'payload',
  'prev_hash',
  'hash',
  'chain_seq',
  'chain_id',
  'key_id',
] as const satisfies readonly (keyof AuditEventsTable)[];

export function toAuditEvent(
  r: Pick<Selectable<AuditEventsTable>, (typeof AUDIT_EVENT_COLUMNS)[number]>,
): AuditEvent {
  return {
    seq: r.seq,
    id: r.id,
    complaintId: r.complaint_id,
    type: r.type,
    actor: r.actor,
    at: r.at,
    payload: JSON.parse(r.payload),
    prevHash: r.prev_hash,
    hash: r.hash,
    chainSeq: r.chain_seq === null ? null : Number(r.chain_seq),
    chainId: r.chain_id,
  };
}

/** A complaint's audit events, oldest first. */
export async function listAuditEvents(db: Executor, complaintId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(AUDIT_EVENT_COLUMNS)
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map(toAuditEvent);
}
