/**
 * The audit trail: one global, append-only, hash-chained log. Each row's hash covers the previous row's hash
 * and the row's own content, so editing a row, deleting one from the middle or re-ordering rows shows up in
 * `verifyAuditChain`. (Truncating the newest rows does not, by construction of any hash chain: anchor the
 * head hash elsewhere, e.g. in a daily report, to catch that.)
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import { dialectOf, type Executor, transaction } from './database.ts';
import { newId } from './ids.ts';
import type { Instant } from './schema.ts';

/** The `prev_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);
// Any fixed bigint: the key of the PostgreSQL advisory lock that serialises appends to the chain.
const CHAIN_LOCK_KEY = 0x5245_4452; // "REDR"

export interface NewAuditEvent {
  complaintId: string | null;
  type: string;
  /** Who did it (a user id, `customer:<id>`, `system`), or null. */
  actor: string | null;
  at: Instant;
  payload: unknown;
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
}

/** The hash a row must carry, given the previous row's hash and its own stored content. */
export function auditHash(
  prevHash: string,
  row: { id: string; complaintId: string | null; type: string; actor: string | null; at: string },
  payloadJson: string,
): string {
  // The payload enters as its stored canonical text, so verification hashes exactly what is stored.
  const content = canonicalJson({ ...row, payload: payloadJson });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/**
 * Appends an event to the chain, inside the caller's transaction (or a new one). See appendAuditEvents.
 */
export async function appendAuditEvent(executor: Executor, event: NewAuditEvent): Promise<AuditEvent> {
  const [appended] = await appendAuditEvents(executor, [event]);
  if (!appended) throw new Error('audit event not appended');
  return appended;
}

/**
 * Appends events to the chain in order, in one statement, inside the caller's transaction (or a new one).
 * Appends serialise: on PostgreSQL an advisory lock held until commit, taken before reading the last hash
 * (READ COMMITTED then sees the previous holder's row); on SQLite the write transaction itself.
 */
export async function appendAuditEvents(
  executor: Executor,
  events: readonly NewAuditEvent[],
): Promise<AuditEvent[]> {
  if (events.length === 0) return [];
  return transaction(executor, async (trx) => {
    if (dialectOf(trx) === 'postgres')
      await sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`.execute(trx);
    const last = await trx
      .selectFrom('audit_events')
      .select('hash')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let prevHash = last?.hash ?? GENESIS_HASH;
    const chained = events.map((event) => {
      const id = newId(Date.parse(event.at));
      const fields = {
        id,
        complaintId: event.complaintId,
        type: event.type,
        actor: event.actor,
        at: event.at,
      };
      const payload = canonicalJson(event.payload ?? null);
      const hash = auditHash(prevHash, fields, payload);
      const link = { fields, payload, value: event.payload ?? null, prevHash, hash };
      prevHash = hash;
      return link;
    });
    const rows = await trx
      .insertInto('audit_events')
      .values(
        chained.map(({ fields, payload, prevHash: prev, hash }) => ({
          id: fields.id,
          complaint_id: fields.complaintId,
          type: fields.type,
          actor: fields.actor,
          at: fields.at,
          payload,
          prev_hash: prev,
          hash,
        })),
      )
      .returning(['id', 'seq'])
      .execute();
    const seqs = new Map(rows.map((r) => [r.id, r.seq]));
    return chained.map(({ fields, value, prevHash: prev, hash }) => ({
      ...fields,
      seq: seqs.get(fields.id) ?? 0,
      payload: value,
      prevHash: prev,
      hash,
    }));
  });
}

/** A complaint's audit events, oldest first. */
export async function listAuditEvents(db: Executor, complaintId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    complaintId: r.complaint_id,
    type: r.type,
    actor: r.actor,
    at: r.at,
    payload: JSON.parse(r.payload),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export type AuditProblemKind = 'edited' | 'deleted' | 'broken-link';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
  /** The newest row: publish its hash somewhere else to make truncation detectable too. */
  head: { seq: number; hash: string } | null;
}

const PAGE = 1000;

/**
 * Walks the whole chain in order. A row whose hash does not match its content was `edited`. A row whose
 * `prev_hash` is not the hash of the row before it follows a `deleted` row when seq numbers are missing in
 * between, otherwise a `broken-link` (the row before was rewritten with a recomputed hash, or rows were
 * reordered). Seq gaps alone are not problems: PostgreSQL identities skip numbers on rollback.
 */
export async function verifyAuditChain(db: Executor): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let checked = 0;
  let previous: { seq: number; hash: string } | null = null;
  for (;;) {
    const afterSeq: number = previous?.seq ?? 0;
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      checked++;
      const fields = {
        id: row.id,
        complaintId: row.complaint_id,
        type: row.type,
        actor: row.actor,
        at: row.at,
      };
      if (auditHash(row.prev_hash, fields, row.payload) !== row.hash) {
        problems.push({ seq: row.seq, kind: 'edited', detail: `row ${row.seq} does not match its hash` });
      }
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev) {
        const gap = row.seq - (previous?.seq ?? 0) > 1;
        problems.push(
          gap
            ? {
                seq: row.seq,
                kind: 'deleted',
                detail: `rows missing between seq ${previous?.seq ?? 0} and ${row.seq}`,
              }
            : {
                seq: row.seq,
                kind: 'broken-link',
                detail: `row ${row.seq} does not follow ${previous ? `row ${previous.seq}` : 'the start'}`,
              },
        );
      }
      previous = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < PAGE) break;
  }
  return { ok: problems.length === 0, checked, problems, head: previous };
}
