/**
 * What Redress holds about one person, found through indexes on the customer (UK GDPR subject access):
 * their complaints (complaints_customer_received_idx), emails about no complaint (emails_customer_idx),
 * portal sign-in links and sessions (portal_*_customer_idx), the records merged into theirs
 * (customers_merged_into_idx) and the events about them on the system audit chain (audit_customer_events).
 * Never a scan of all complaints, nor of the system chain.
 */
import type { Customer } from '../domain/customer.ts';
import { AUDIT_EVENT_COLUMNS, type AuditEvent, toAuditEvent } from './audit.ts';
import { CUSTOMER_COLUMNS, toCustomer } from './customers.ts';
import type { Executor } from './database.ts';
import { EMAIL_COLUMNS, type Email, toEmail } from './emails.ts';

/** The customer's complaints, oldest first: id and reference (the export loads each in turn). */
export async function listComplaintIdsOfCustomer(
  executor: Executor,
  customerId: string,
): Promise<{ id: string; reference: string }[]> {
  return executor
    .selectFrom('complaints')
    .select(['id', 'reference'])
    .where('customer_id', '=', customerId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

/** Emails to or from the customer that belong to no complaint (sign-in links, unmatched mail). */
export async function listEmailsOfCustomerOutsideComplaints(
  executor: Executor,
  customerId: string,
): Promise<Email[]> {
  const rows = await executor
    .selectFrom('emails')
    .select(EMAIL_COLUMNS)
    .where('customer_id', '=', customerId)
    .where('complaint_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEmail);
}

export interface PortalSignInRecord {
  kind: 'link' | 'session';
  complaintId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The customer's portal sign-in links and sessions: when, for which complaint, whether used; never a hash. */
export async function listPortalSignIns(
  executor: Executor,
  customerId: string,
): Promise<PortalSignInRecord[]> {
  const [links, sessions] = await Promise.all([
    executor
      .selectFrom('portal_links')
      .select(['complaint_id', 'created_at', 'expires_at', 'used_at'])
      .where('customer_id', '=', customerId)
      .execute(),
    executor
      .selectFrom('portal_sessions')
      .select(['created_at', 'expires_at'])
      .where('customer_id', '=', customerId)
      .execute(),
  ]);
  return [
    ...links.map((l) => ({
      kind: 'link' as const,
      complaintId: l.complaint_id,
      createdAt: l.created_at,
      expiresAt: l.expires_at,
      usedAt: l.used_at,
    })),
    ...sessions.map((s) => ({
      kind: 'session' as const,
      complaintId: null,
      createdAt: s.created_at,
      expiresAt: s.expires_at,
      usedAt: null,
    })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Records merged into this customer's (tombstones): what they held is held about the same person. */
export async function listCustomersMergedInto(executor: Executor, customerId: string): Promise<Customer[]> {
  const rows = await executor
    .selectFrom('customers')
    .select(CUSTOMER_COLUMNS)
    .where('merged_into_id', '=', customerId)
    .execute();
  return rows.map(toCustomer);
}

/**
 * Events of the system chain (about no complaint) that name the customer: details changed, merges, exports,
 * erasure. Found by `audit_customer_events` (each such event's customers, written with it: audit.ts
 * `customersNamedIn`), so the cost is the customer's own rows however long the chain grows — and it grows
 * by one row for every customer the retention purge clears. (It was a LIKE over every payload of the chain,
 * inside the purge's and the erasure's write transactions.) As stored: the subject access export reads them
 * (listSystemAuditEventsAbout), an anonymisation redacts them.
 */
export function systemAuditRowsAbout(executor: Executor, customerId: string) {
  // From the customer's index rows, in their key's order, to each event by its key. (As `seq in (…)`, SQLite
  // chose to read every audit row in order and test each against the list.)
  return executor
    .selectFrom('audit_customer_events as r')
    .innerJoin('audit_events', 'audit_events.seq', 'r.seq')
    .select(AUDIT_EVENT_COLUMNS.map((column) => `audit_events.${column}` as const))
    .where('r.customer_id', '=', customerId)
    .orderBy('r.seq')
    .execute();
}

/** The system chain's events about the customer (systemAuditRowsAbout), oldest first. */
export async function listSystemAuditEventsAbout(
  executor: Executor,
  customerId: string,
): Promise<AuditEvent[]> {
  return (await systemAuditRowsAbout(executor, customerId)).map(toAuditEvent);
}
