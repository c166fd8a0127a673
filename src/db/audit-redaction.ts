/**
 * Personal data in the audit trail. Audit payloads carry the domain events, and with them the complaint's
 * free text (what the customer said, contact summaries, notes, reasons). Past retention, or on erasure, that
 * text must go, but the trail must stay verifiable and no row's place in its chain may change.
 *
 * So a redaction replaces only the `payload` of the chain's rows with its redacted form
 * (domain/redaction.ts); `id`, `type`, `actor`, `at`, `chain_seq`, `prev_hash` and `hash` are never touched,
 * so every link still holds and the chain's head and anchors are unchanged. In the same transaction an event
 * is appended to the same chain (`personal-data-purged`, `personal-data-erased`, `customer-anonymised`)
 * listing each redacted row's id and the hash the row has with its redacted payload — `auditHash` over its
 * unchanged fields and new payload, with the audit key the row was hashed with. That event is itself chained and anchored. `redress audit verify` then
 * accepts a row whose stored hash no longer matches only if a later redaction event of its chain vouches for
 * exactly its present content; a row edited any other way, or a redacted row edited again, is still reported.
 */
import { redactValue } from '../domain/redaction.ts';
import type { StoredAuditRow } from './audit-chain-check.ts';
import { auditHash } from './audit-hash.ts';
import { auditKeysOf } from './audit-keys.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Executor } from './database.ts';

/** The events that redact earlier rows of their chain. */
export const REDACTION_EVENT_TYPES = new Set([
  'personal-data-purged',
  'personal-data-erased',
  'customer-anonymised',
]);

/** One redacted row, as its redaction event lists it. */
export interface RedactedRow {
  id: string;
  /** auditHash over the row's unchanged fields and its redacted payload. */
  hash: string;
}

/** The rows a stored event vouches for, if it is a redaction event (else none). */
export function redactedRowsOf(type: string, payloadJson: string): RedactedRow[] {
  if (!REDACTION_EVENT_TYPES.has(type)) return [];
  const payload = JSON.parse(payloadJson) as { redactedRows?: RedactedRow[] };
  return Array.isArray(payload.redactedRows) ? payload.redactedRows : [];
}

/**
 * Redacts the payloads of these rows (one chain's, not legacy), inside the caller's transaction, and returns
 * what the redaction event must list: the rows whose payload changed. Rows already redacted do not change.
 */
export async function redactAuditRows(
  trx: Executor,
  rows: readonly Omit<StoredAuditRow, 'hash'>[],
): Promise<RedactedRow[]> {
  const keys = auditKeysOf(trx);
  const redacted: RedactedRow[] = [];
  for (const row of rows) {
    if (row.chain_seq === null || REDACTION_EVENT_TYPES.has(row.type)) continue;
    const payload = canonicalJson(redactValue(JSON.parse(row.payload)));
    if (payload === row.payload) continue;
    // Vouched for with the key the row was hashed with, so verify can recompute it; a row of a key not
    // configured here cannot be vouched for, so nothing is redacted rather than leave it unverifiable.
    const key = row.key_id === null ? null : keys?.byId.get(row.key_id);
    if (key === undefined)
      throw new Error(`audit row ${row.seq} is hashed with audit key ${row.key_id}, which is not configured`);
    await trx.updateTable('audit_events').set({ payload }).where('seq', '=', row.seq).execute();
    const fields = {
      id: row.id,
      complaintId: row.complaint_id,
      type: row.type,
      actor: row.actor,
      at: row.at,
      chainSeq: Number(row.chain_seq),
      chain: row.chain_id ?? undefined,
    };
    redacted.push({ id: row.id, hash: auditHash(row.prev_hash, fields, payload, key) });
  }
  return redacted;
}
