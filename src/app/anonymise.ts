/**
 * The one way personal data leaves Redress, shared by the retention purge (purge-personal-data.ts) and an
 * erasure (erase-customer.ts): the complaint's rows redacted, its audit payloads redacted and vouched for by
 * a redaction event on its own chain (db/audit-redaction.ts), the customer record cleared once none of their
 * complaints keeps it, and the documents no row names any more removed from the store after commit.
 */
import { anonymiseComplaintRows, anonymiseCustomerRows, unnamedDocuments } from '../db/anonymise.ts';
import { AUDIT_EVENT_COLUMNS, appendAuditEvent } from '../db/audit.ts';
import { redactAuditRows } from '../db/audit-redaction.ts';
import type { Executor } from '../db/database.ts';
import { systemAuditRowsAbout } from '../db/personal-data.ts';
import type { AppContext } from './context.ts';

export type AnonymisationReason = 'retention' | 'erasure';

/**
 * Anonymises one complaint in the caller's transaction and records it on its chain; returns the hashes of the
 * documents it unnamed (pass them to removeUnnamedDocuments after commit).
 */
export async function anonymiseComplaint(
  trx: Executor,
  complaint: { id: string; reference: string },
  event: { reason: AnonymisationReason; actor: string; at: string; details?: Record<string, unknown> },
): Promise<string[]> {
  const unnamed = await anonymiseComplaintRows(trx, complaint.id, event.at);
  const rows = await trx
    .selectFrom('audit_events')
    .select(AUDIT_EVENT_COLUMNS)
    .where('complaint_id', '=', complaint.id)
    .orderBy('seq')
    .execute();
  const redactedRows = await redactAuditRows(trx, rows);
  await appendAuditEvent(trx, {
    complaintId: complaint.id,
    type: event.reason === 'retention' ? 'personal-data-purged' : 'personal-data-erased',
    actor: event.actor,
    at: event.at,
    payload: { reference: complaint.reference, ...event.details, documents: unnamed.length, redactedRows },
  });
  return unnamed;
}

/**
 * Clears the customer record in the caller's transaction, redacts the system chain's events about them
 * (details changed, merges) and records it there.
 */
export async function anonymiseCustomer(
  trx: Executor,
  customerId: string,
  event: { reason: AnonymisationReason; actor: string; at: string },
): Promise<void> {
  await anonymiseCustomerRows(trx, customerId, event.at);
  // The system chain only: staff chains (sign-ins, sessions) never name a customer.
  const redactedRows = await redactAuditRows(trx, await systemAuditRowsAbout(trx, customerId));
  await appendAuditEvent(trx, {
    complaintId: null,
    type: 'customer-anonymised',
    actor: event.actor,
    at: event.at,
    payload: { customerId, reason: event.reason, redactedRows },
  });
}

/** Removes from the store the bytes of these hashes that no row names any more; returns how many. */
export async function removeUnnamedDocuments(ctx: AppContext, hashes: readonly string[]): Promise<number> {
  const unnamed = await unnamedDocuments(ctx.db.kysely, hashes);
  for (const sha256 of unnamed) await ctx.documents.remove(sha256);
  return unnamed.length;
}
