/**
 * The writes that take personal data out of the database (retention purge, erasure): free text becomes
 * REDACTED, contact details are cleared, documents are unnamed (their rows kept, naming no bytes), portal
 * credentials deleted. Ids, codes, dates, amounts and everything in `insight_*` stay, so the management
 * figures and the procedure's history are unchanged. Every query goes by an index on the complaint, the
 * customer or the document's hash.
 */
import { sql } from 'kysely';
import { REDACTED, redactValue } from '../domain/redaction.ts';
import { EMPTY_SHA256 } from '../storage/document-store.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Executor } from './database.ts';
import { IN_STORE } from './documents.ts';

export interface RetentionCandidate {
  id: string;
  reference: string;
  customerId: string;
  closedAt: string;
}

/**
 * The next closed, unpurged complaints closed before `before`, oldest first, after the page that ended at
 * `after`: a range of complaints_retention_idx, which holds only closed complaints not yet purged.
 */
export async function findClosedBefore(
  executor: Executor,
  before: string,
  after: { closedAt: string; id: string } | null,
  limit: number,
): Promise<RetentionCandidate[]> {
  let query = executor
    .selectFrom('complaints')
    .select(['id', 'reference', 'customer_id', 'closed_at'])
    .where('closed_at', 'is not', null)
    .where('purged_at', 'is', null)
    .where('closed_at', '<', before);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('closed_at', '>', after.closedAt),
        eb.and([eb('closed_at', '=', after.closedAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('closed_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    closedAt: r.closed_at as string,
  }));
}

/** The ADR letters of these complaints (adr_letters_complaint_idx), by complaint. */
export async function adrLettersOf(
  executor: Executor,
  complaintIds: readonly string[],
): Promise<Map<string, { issuedOn: string; windowEndsOn: string }[]>> {
  const byComplaint = new Map<string, { issuedOn: string; windowEndsOn: string }[]>();
  if (complaintIds.length === 0) return byComplaint;
  const rows = await executor
    .selectFrom('adr_letters')
    .select(['complaint_id', 'issued_on', 'window_ends_on'])
    .where('complaint_id', 'in', complaintIds)
    .execute();
  for (const r of rows) {
    const list = byComplaint.get(r.complaint_id) ?? [];
    list.push({ issuedOn: r.issued_on, windowEndsOn: r.window_ends_on });
    byComplaint.set(r.complaint_id, list);
  }
  return byComplaint;
}

/** How many records of a complaint hold personal data: what a dry run reports and the purge event records. */
export interface PersonalRecordCounts {
  contacts: number;
  notes: number;
  emails: number;
  attachments: number;
  letters: number;
  uploads: number;
  auditEvents: number;
}

export async function countPersonalRecords(
  executor: Executor,
  complaintId: string,
): Promise<PersonalRecordCounts> {
  const count = async (
    table: 'contacts' | 'notes' | 'emails' | 'documents' | 'uploads' | 'audit_events',
  ): Promise<number> => {
    const row = await executor
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('complaint_id', '=', complaintId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const attachments = await executor
    .selectFrom('email_attachments')
    .innerJoin('emails', 'emails.id', 'email_attachments.email_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('emails.complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return {
    contacts: await count('contacts'),
    notes: await count('notes'),
    emails: await count('emails'),
    attachments: Number(attachments.n),
    letters: await count('documents'),
    uploads: await count('uploads'),
    auditEvents: await count('audit_events'),
  };
}

const redactedText = (column: string) =>
  sql<string | null>`case when ${sql.ref(column)} is null then null else ${REDACTED} end`;

/**
 * Redacts one complaint's personal data in the caller's transaction; returns the hashes of the documents it
 * unnamed, for the caller to remove from the store once committed (if no other row names them).
 */
export async function anonymiseComplaintRows(
  trx: Executor,
  complaintId: string,
  at: string,
): Promise<string[]> {
  const complaint = await trx
    .selectFrom('complaints')
    .select('referral_decision')
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('complaints')
    .set({
      description: REDACTED,
      customer_words: null,
      desired_outcome: null,
      lessons: redactedText('lessons'),
      referral_decision:
        complaint.referral_decision === null
          ? null
          : canonicalJson(redactValue(JSON.parse(complaint.referral_decision))),
      purged_at: at,
      updated_at: at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', complaintId)
    .execute();
  await trx
    .updateTable('attempts')
    .set({
      review_findings: redactedText('review_findings'),
      proposal_summary: redactedText('proposal_summary'),
      response_note: redactedText('response_note'),
      follow_up_note: redactedText('follow_up_note'),
      escalation_reason: redactedText('escalation_reason'),
    })
    .where('complaint_id', '=', complaintId)
    .execute();
  await trx
    .updateTable('steps')
    .set({ description: REDACTED, note: redactedText('note') })
    .where('complaint_id', '=', complaintId)
    .execute();
  await trx
    .updateTable('contacts')
    .set({ summary: REDACTED })
    .where('complaint_id', '=', complaintId)
    .execute();
  await trx.updateTable('notes').set({ text: REDACTED }).where('complaint_id', '=', complaintId).execute();
  await trx
    .updateTable('satisfaction_surveys')
    .set({ comment: redactedText('comment'), token_hash: null, token_expires_at: null })
    .where('complaint_id', '=', complaintId)
    .execute();
  await trx.deleteFrom('portal_links').where('complaint_id', '=', complaintId).execute();

  const emailIds = (
    await trx.selectFrom('emails').select('id').where('complaint_id', '=', complaintId).execute()
  ).map((e) => e.id);
  const unnamed = [
    ...(await unnameDocuments(trx, 'documents', 'complaint_id', [complaintId])),
    ...(await unnameDocuments(trx, 'uploads', 'complaint_id', [complaintId])),
    ...(await unnameDocuments(trx, 'email_attachments', 'email_id', emailIds)),
  ];
  await redactEmails(trx, 'complaint_id', complaintId);
  return unnamed;
}

/** Email rows keep their ids, direction, kind, status and dates; addresses, subject and bodies go. */
async function redactEmails(trx: Executor, column: 'complaint_id' | 'customer_id', value: string) {
  await trx
    .updateTable('emails')
    .set({
      from_address: REDACTED,
      to_address: REDACTED,
      subject: REDACTED,
      text_body: REDACTED,
      html_body: null,
      last_error: redactedText('last_error'),
      note: redactedText('note'),
    })
    .where(column, '=', value)
    .execute();
}

/** Rows keep their place; they name no bytes any more. Returns the hashes they named. */
async function unnameDocuments(
  trx: Executor,
  table: 'documents' | 'uploads' | 'email_attachments',
  column: 'complaint_id' | 'email_id',
  values: readonly string[],
): Promise<string[]> {
  if (values.length === 0) return [];
  const named = await trx
    .selectFrom(table)
    .select('sha256')
    .where(column as 'complaint_id', 'in', values)
    .execute();
  const changes = { sha256: EMPTY_SHA256, size_bytes: 0, content: IN_STORE };
  if (table === 'documents') {
    await trx
      .updateTable('documents')
      .set({ ...changes, text_content: REDACTED })
      .where('complaint_id', 'in', values)
      .execute();
  } else if (table === 'uploads') {
    await trx
      .updateTable('uploads')
      .set({ ...changes, filename: REDACTED })
      .where('complaint_id', 'in', values)
      .execute();
  } else {
    await trx
      .updateTable('email_attachments')
      .set({ ...changes, filename: REDACTED })
      .where('email_id', 'in', values)
      .execute();
  }
  return named.map((r) => r.sha256).filter((sha) => sha !== EMPTY_SHA256);
}

/** Whether the customer has a complaint not yet anonymised (complaints_customer_received_idx). */
export async function hasUnpurgedComplaint(executor: Executor, customerId: string): Promise<boolean> {
  const row = await executor
    .selectFrom('complaints')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('purged_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Clears a customer record (and the records merged into it): the name becomes REDACTED, contact details,
 * address and notes go; the type stays (the figures count by it). Their portal sessions and emails about no
 * complaint go with it.
 */
export async function anonymiseCustomerRows(trx: Executor, customerId: string, at: string): Promise<void> {
  const ids = [
    customerId,
    ...(
      await trx.selectFrom('customers').select('id').where('merged_into_id', '=', customerId).execute()
    ).map((r) => r.id),
  ];
  await trx
    .updateTable('customers')
    .set({
      name: REDACTED,
      email: null,
      phone: null,
      address_lines: '[]',
      postcode: null,
      vulnerability_notes: null,
      phone_key: null,
      postcode_key: null,
      anonymised_at: at,
      updated_at: at,
    })
    .where('id', 'in', ids)
    .execute();
  for (const id of ids) {
    await trx.deleteFrom('portal_sessions').where('customer_id', '=', id).execute();
    await trx.deleteFrom('portal_links').where('customer_id', '=', id).execute();
    await redactEmails(trx, 'customer_id', id);
  }
}

/** Of these hashes, those no row names any more (one index lookup per table each). */
export async function unnamedDocuments(executor: Executor, hashes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return [];
  const named = new Set<string>();
  for (const table of ['documents', 'uploads', 'email_attachments'] as const) {
    const rows = await executor.selectFrom(table).select('sha256').where('sha256', 'in', unique).execute();
    for (const r of rows) named.add(r.sha256);
  }
  return unique.filter((sha) => !named.has(sha));
}

/** Whether the customer record was anonymised (purge or erasure). */
export async function isCustomerAnonymised(executor: Executor, customerId: string): Promise<boolean> {
  const row = await executor
    .selectFrom('customers')
    .select('anonymised_at')
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row?.anonymised_at != null;
}

/** The customer's complaints with what an erasure must know (complaints_customer_received_idx). */
export async function listComplaintsForErasure(
  executor: Executor,
  customerId: string,
): Promise<{ id: string; reference: string; stage: string; purgedAt: string | null }[]> {
  const rows = await executor
    .selectFrom('complaints')
    .select(['id', 'reference', 'stage', 'purged_at'])
    .where('customer_id', '=', customerId)
    .orderBy('received_at')
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, stage: r.stage, purgedAt: r.purged_at }));
}
