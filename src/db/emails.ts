/**
 * Email both ways, one row a message (see migration 0005). Outbound rows are the outbox; inbound rows the
 * record of what arrived. A Message-ID is stored once: inserting it again is a no-op that says so.
 */
import type { Selectable } from 'kysely';
import { type Executor, transaction } from './database.ts';
import type { EmailsTable } from './schema.ts';

export type EmailDirection = EmailsTable['direction'];
export type EmailStatus = EmailsTable['status'];

export interface Email {
  id: string;
  complaintId: string | null;
  customerId: string | null;
  direction: EmailDirection;
  kind: string;
  status: EmailStatus;
  messageId: string;
  inReplyTo: string | null;
  /** Message-IDs, oldest first. */
  references: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
  lastError: string | null;
  note: string | null;
  sizeBytes: number | null;
  createdAt: string;
  sentAt: string | null;
  /** The letter the email carries as a PDF attachment, if any. */
  documentId: string | null;
}

export type NewEmail = Omit<Email, 'attempts' | 'lastError' | 'sentAt' | 'documentId'> & {
  sentAt?: string | null;
  documentId?: string | null;
};

/** The columns an email is read from (also by complaint-view.ts, as JSON). */
export const EMAIL_COLUMNS = [
  'id',
  'complaint_id',
  'customer_id',
  'direction',
  'kind',
  'status',
  'message_id',
  'in_reply_to',
  'references_header',
  'from_address',
  'to_address',
  'subject',
  'text_body',
  'html_body',
  'attempts',
  'last_error',
  'note',
  'size_bytes',
  'created_at',
  'sent_at',
  'document_id',
] as const satisfies readonly (keyof EmailsTable)[];

export function toEmail(r: Pick<Selectable<EmailsTable>, (typeof EMAIL_COLUMNS)[number]>): Email {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    customerId: r.customer_id,
    direction: r.direction,
    kind: r.kind,
    status: r.status,
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: r.references_header ? r.references_header.split(' ').filter(Boolean) : [],
    from: r.from_address,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    attempts: r.attempts,
    lastError: r.last_error,
    note: r.note,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    documentId: r.document_id,
  };
}

/** Stores a message; false when one with the same Message-ID is already stored (nothing is written). */
export async function insertEmail(executor: Executor, email: NewEmail): Promise<boolean> {
  if (email.status === 'failed' && email.direction === 'out' && email.complaintId) {
    const complaintId = email.complaintId;
    return transaction(executor, async (trx) => {
      const inserted = await insertEmailRow(trx, email);
      if (inserted) await flagUndelivered(trx, complaintId);
      return inserted;
    });
  }
  return insertEmailRow(executor, email);
}

/** Marks the complaint as having an email to the customer that could not be delivered (the queue's flag). */
async function flagUndelivered(executor: Executor, complaintId: string): Promise<void> {
  await executor.updateTable('complaints').set({ email_failed: 1 }).where('id', '=', complaintId).execute();
}

async function insertEmailRow(executor: Executor, email: NewEmail): Promise<boolean> {
  const result = await executor
    .insertInto('emails')
    .values({
      id: email.id,
      complaint_id: email.complaintId,
      customer_id: email.customerId,
      direction: email.direction,
      kind: email.kind,
      status: email.status,
      message_id: email.messageId,
      in_reply_to: email.inReplyTo,
      references_header: email.references.length ? email.references.join(' ') : null,
      from_address: email.from,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      attempts: 0,
      last_error: null,
      note: email.note,
      size_bytes: email.sizeBytes,
      created_at: email.createdAt,
      sent_at: email.sentAt ?? null,
      document_id: email.documentId ?? null,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findEmailByMessageId(
  executor: Executor,
  messageId: string,
): Promise<Email | undefined> {
  const row = await executor
    .selectFrom('emails')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row && toEmail(row);
}

/** The first stored message among these Message-IDs that belongs to a complaint (threading by headers). */
export async function findComplaintEmailAmong(
  executor: Executor,
  messageIds: readonly string[],
): Promise<Email | undefined> {
  if (messageIds.length === 0) return undefined;
  const row = await executor
    .selectFrom('emails')
    .selectAll()
    .where('message_id', 'in', messageIds.slice(0, 100))
    .where('complaint_id', 'is not', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return row && toEmail(row);
}

/** Every message of a complaint, oldest first. */
export async function listEmailsForComplaint(executor: Executor, complaintId: string): Promise<Email[]> {
  const rows = await executor
    .selectFrom('emails')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEmail);
}

/** Outbound: the message went (or, for a permanent failure, never will). */
export async function setEmailOutcome(
  executor: Executor,
  id: string,
  outcome: { status: 'sent'; at: string } | { status: 'failed' | 'queued'; error: string },
): Promise<void> {
  await transaction(executor, async (trx) => {
    await trx
      .updateTable('emails')
      .set((eb) => ({
        status: outcome.status,
        attempts: eb('attempts', '+', 1),
        sent_at: outcome.status === 'sent' ? outcome.at : null,
        last_error: outcome.status === 'sent' ? null : outcome.error,
      }))
      .where('id', '=', id)
      .execute();
    // The undelivered-email queue reads this flag from the complaint, not every email ever sent.
    if (outcome.status === 'failed') {
      const row = await trx
        .selectFrom('emails')
        .select('complaint_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (row?.complaint_id) await flagUndelivered(trx, row.complaint_id);
    }
  });
}
