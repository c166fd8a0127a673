/**
 * The outbox's last mile, shared by every job that writes to a customer. On its first try a job renders the
 * email and stores it (`queued`) with a Message-ID derived from the job, then sends it and marks it `sent`.
 * A try after a crash or a refused connection finds the stored row and sends that same message again, same
 * Message-ID, so a duplicate is recognisable as one. A failed send stays `queued` (with the error) for the
 * worker's backoff; the job's last try marks it `failed`, which staff see on the complaint.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { type DocumentSummary, findDocument, queueDocumentForPost } from '../db/documents.ts';
import { findEmailByMessageId, insertEmail, listEmailsForComplaint, setEmailOutcome } from '../db/emails.ts';
import { newId } from '../db/ids.ts';
import type { Customer } from '../domain/customer.ts';
import { outboxMessageId, threadHeaders } from '../mail/outbound/headers.ts';
import { deliver } from '../mail/outbound/transport.ts';
import type { EmailContent, Letterhead } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';

/** What a send needs to know of the job that does it. */
export interface OutboxJob {
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
  maxAttempts: number;
}

export type NoEmailReason = 'prefers-letters' | 'no-email-address';

/** The customer's email address, or why they do not get email. */
export function emailAddressOf(customer: Customer): { to: string } | { reason: NoEmailReason } {
  if (customer.preferredChannel === 'letter') return { reason: 'prefers-letters' };
  if (!customer.email) return { reason: 'no-email-address' };
  return { to: customer.email };
}

/** The letterhead of a customer's emails: their name, the CRN, their format needs. */
export function letterheadFor(ctx: AppContext, reference: string, customer: Customer): Letterhead {
  return {
    procedure: ctx.procedure,
    reference,
    customerName: customer.name,
    largePrint: customer.needs.largePrint,
  };
}

/** The From header: MAIL_FROM, else the company's complaints address from the procedure. */
export function fromAddress(ctx: AppContext): string {
  const { company } = ctx.procedure;
  return ctx.mail?.from ?? `${company.tradingName} <${company.email}>`;
}

/**
 * The addresses set aside for Redress (MAIL_FROM, MAIL_REPLY_TO): mail from them is our own coming back,
 * and is never answered. The company's general address (the default From) is not among them, so staff can
 * forward a complaint from that mailbox; our own mail coming back is caught anyway, by its Message-ID
 * (already stored) and its Auto-Submitted header.
 */
export function ownAddresses(ctx: AppContext): string[] {
  return [ctx.mail?.from, ctx.mail?.replyTo].flatMap((value) => {
    const address = value && (/<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? value.trim());
    return address?.includes('@') ? [address.toLowerCase()] : [];
  });
}

/** Records on the complaint's trail that an email was due but not sent, and why: nothing is dropped silently. */
export async function recordNoEmail(
  ctx: AppContext,
  complaintId: string,
  kind: string,
  reason: NoEmailReason,
): Promise<void> {
  await appendAuditEvent(ctx.db.kysely, {
    complaintId,
    type: 'email-not-sent',
    actor: 'system',
    at: ctx.now().toISOString(),
    payload: { email: kind, reason },
  });
  ctx.logger.info({ complaintId, email: kind, reason }, 'email not sent');
}

/**
 * Where an email and its letter go, following the letter as stored, so a retry never decides differently:
 * the customer's address; or nowhere, the letter being in the print queue and the trail saying why there is
 * no email. A letter stored for email whose customer no longer takes email goes to the print queue.
 */
export async function emailOrPost(
  ctx: AppContext,
  complaintId: string,
  kind: string,
  address: ReturnType<typeof emailAddressOf>,
  letter: DocumentSummary | null | undefined,
): Promise<string | null> {
  if (letter?.delivery === 'post') {
    await recordNoEmail(ctx, complaintId, kind, 'reason' in address ? address.reason : 'prefers-letters');
    return null;
  }
  if ('reason' in address) {
    if (letter) await queueDocumentForPost(ctx.db.kysely, letter.id);
    await recordNoEmail(ctx, complaintId, kind, address.reason);
    return null;
  }
  return address.to;
}

export interface CustomerEmailToSend {
  complaintId: string;
  reference: string;
  customerId: string;
  to: string;
  kind: string;
  content: EmailContent;
  /**
   * What to keep in the database instead of `content`, when the message holds a secret (a sign-in link).
   * Such a message is rendered afresh on every try rather than sent from the stored copy.
   */
  stored?: EmailContent | undefined;
  /** A letter to attach as a PDF: the stored document, so the email carries exactly what was issued. */
  letter?: DocumentSummary | undefined;
  /** Files sent with it (a reply's), attached after the letter. */
  files?: readonly { filename: string; contentType: string; content: Buffer }[] | undefined;
}

export type SendResult = 'sent' | 'already-sent' | 'failed-before' | 'refused';

/** Stores (first try) and sends one email; throws when it could not be sent, so the job retries. */
export async function sendCustomerEmail(
  ctx: AppContext,
  job: OutboxJob,
  email: CustomerEmailToSend,
): Promise<SendResult> {
  const db = ctx.db.kysely;
  const from = fromAddress(ctx);
  const messageId = outboxMessageId(job.id, from);
  let row = await findEmailByMessageId(db, messageId);
  if (row?.status === 'sent') return 'already-sent';
  if (row?.status === 'failed') return 'failed-before';
  if (!row) {
    const thread = await listEmailsForComplaint(db, email.complaintId);
    const headers = threadHeaders(thread, messageId);
    const kept = email.stored ?? email.content;
    await insertEmail(db, {
      id: newId(ctx.now().getTime()),
      complaintId: email.complaintId,
      customerId: email.customerId,
      direction: 'out',
      kind: email.kind,
      status: 'queued',
      messageId,
      inReplyTo: headers.inReplyTo,
      references: headers.references,
      from,
      to: email.to,
      subject: kept.subject,
      text: kept.text,
      html: kept.html,
      note: null,
      sizeBytes: null,
      createdAt: ctx.now().toISOString(),
      documentId: email.letter?.id ?? null,
    });
    row = await findEmailByMessageId(db, messageId);
    if (!row) throw new Error(`outbound email ${messageId} was not stored`);
  }
  const body = email.stored ? email.content : { text: row.text, html: row.html };
  const letter = row.documentId
    ? await findDocument(db, ctx.documents, email.complaintId, row.documentId)
    : undefined;
  let delivery: Awaited<ReturnType<typeof deliver>>;
  try {
    delivery = await deliver(ctx.mail ?? {}, {
      messageId,
      from: row.from,
      to: row.to,
      replyTo: ctx.mail?.replyTo ?? row.from,
      subject: row.subject,
      inReplyTo: row.inReplyTo,
      references: row.references,
      text: body.text,
      html: body.html,
      date: ctx.now(),
      attachments: [
        ...(letter
          ? [{ filename: letter.filename, contentType: letter.contentType, content: letter.content }]
          : []),
        ...(email.files ?? []).map((f) => ({
          filename: f.filename,
          contentType: f.contentType,
          content: f.content,
        })),
      ],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A 5xx answer (no such mailbox, refused as spam…) will not change by trying again: fail it now, so
    // staff see it at once instead of after hours of retries.
    const code = (error as { responseCode?: unknown }).responseCode;
    const permanent = typeof code === 'number' && code >= 500 && code < 600;
    const final = permanent || job.attempts >= job.maxAttempts;
    await setEmailOutcome(db, row.id, { status: final ? 'failed' : 'queued', error: message });
    ctx.metrics?.mail.sent(final ? 'failed' : 'retry');
    // The letter it carried must still reach the customer: by post.
    if (final && row.documentId) await queueDocumentForPost(db, row.documentId);
    const log = {
      reference: email.reference,
      email: email.kind,
      messageId,
      attempt: job.attempts,
      error: message,
    };
    if (final) ctx.logger.error(log, 'email failed for good: staff must contact the customer another way');
    else ctx.logger.warn(log, 'email not sent yet: will retry');
    if (permanent) return 'refused';
    throw error;
  }
  // Outside the try: once the server has accepted the message, a failure to record it must not mark it
  // failed (the job's retry sends the same Message-ID again).
  await setEmailOutcome(db, row.id, { status: 'sent', at: ctx.now().toISOString() });
  ctx.metrics?.mail.sent('sent');
  const where =
    delivery.via === 'smtp'
      ? { via: 'smtp' }
      : delivery.via === 'mailbox'
        ? { via: 'dev mailbox', file: delivery.file }
        : { via: 'nowhere: no mail settings, kept in the database only' };
  ctx.logger.info({ reference: email.reference, email: email.kind, messageId, ...where }, 'email sent');
  return 'sent';
}
