/**
 * An email arrived (over SMTP, later IMAP). It is stored exactly once, whatever happens to it:
 * - a message already stored (same Message-ID, or the same content when it has none) changes nothing;
 * - a machine's message (auto-reply, bounce, mailing list, our own) is kept as `ignored`: it never opens a
 *   complaint and is never answered, so no mail loop can start;
 * - a reply joins its complaint, found by its threading headers (In-Reply-To / References against the
 *   Message-IDs we stored) or else by a complaint reference in the subject or body whose check character
 *   verifies; it is logged as the customer's inbound email contact, in the same transaction;
 * - anything else from a person becomes a new complaint (channel email), recorded in the same transaction as
 *   the email, so its acknowledgement, written as a job in that transaction, can reply to it.
 *
 * The sender's customer record decides whose complaint a NEW message is (one customer with that address:
 * theirs; none or several: a new record staff can merge), never which existing complaint a message joins:
 * a From address is trivially forged, and a customer may well write about something new.
 */

import { insertEmailAttachment } from '../db/attachments.ts';
import { findComplaintByReference, lockComplaint } from '../db/complaints.ts';
import { findCustomersByEmail } from '../db/customers.ts';
import { type Executor, transaction } from '../db/database.ts';
import { findComplaintEmailAmong, findEmailByMessageId, insertEmail, type NewEmail } from '../db/emails.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from '../domain/actor.ts';
import { MAX_ATTACHMENTS } from '../domain/attachments.ts';
import { isOpen } from '../domain/complaint.ts';
import { automaticMessage, quotedReferences } from '../domain/inbound-email.ts';
import { unclassifiedCategory } from '../domain/procedure.ts';
import { checkAttachment } from '../domain/sniff-attachment.ts';
import type { DocumentStore, StoredBlob } from '../storage/document-store.ts';
import { applyCommands, refusalError } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { recordComplaint } from './record-complaint.ts';

/** A received message as the listener parsed it. */
export interface InboundEmail {
  /** With angle brackets; null when the message has none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first. */
  references: string[];
  from: { address: string; name: string } | null;
  to: string;
  subject: string;
  date: Date | null;
  text: string;
  /** Already safe to show: never the sender's own HTML. */
  html: string | null;
  /** Header names lower-case, values unfolded (the first of repeated headers). */
  headers: Readonly<Record<string, string>>;
  /** The envelope sender; `''` for the null sender `<>`, null when unknown. */
  returnPath: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  /** sha256 hex of the raw message: its identity when it has no Message-ID. */
  rawSha256: string;
  sizeBytes: number;
  /** Set when the message could not be read; what was wrong. */
  unreadable?: string | undefined;
}

export interface ReceiveOptions {
  /** The addresses Redress sends from: mail from them is our own, coming back. */
  ownAddresses?: readonly string[];
  /**
   * What a new message from a person becomes: a complaint at once (the default), or an item awaiting
   * triage that staff make a complaint or dismiss (MAIL_NEW_MESSAGES=triage).
   */
  newMessages?: 'complaint' | 'triage' | undefined;
}

export type ReceiveOutcome =
  | 'duplicate'
  | 'new-complaint'
  | 'triage'
  | 'reply'
  | 'ignored'
  | 'rejected'
  | 'unmatched';

export interface Receipt {
  outcome: ReceiveOutcome;
  messageId: string;
  /** The stored row (for a duplicate: the row stored the first time). */
  emailId: string | null;
  /** The complaint the message opened or joined. */
  reference: string | null;
  note: string | null;
}

/** Longest description taken from an email body (the API's limit for a complaint's description). */
export const DESCRIPTION_LIMIT = 20_000;
const SUMMARY_LIMIT = 500;
/** How old a message's Date may be and still be when the customer first complained (mail can queue). */
const DATE_TRUST_MS = 14 * 24 * 60 * 60 * 1000;

/** Thrown inside a transaction when a concurrent delivery stored the same message first: rolls back all. */
class AlreadyStored extends Error {}

function bound(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function joinNotes(notes: readonly (string | null | undefined)[]): string | null {
  const kept = notes.filter((n): n is string => Boolean(n));
  return kept.length ? kept.join(' ') : null;
}

/** Stores an inbound email once and does what it asks: see the file's comment. */
export async function receiveEmail(
  ctx: AppContext,
  mail: InboundEmail,
  options: ReceiveOptions = {},
): Promise<Receipt> {
  const messageId = mail.messageId ?? `<${mail.rawSha256}@redress.invalid>`;
  const db = ctx.db.kysely;
  const earlier = await findEmailByMessageId(db, messageId);
  if (earlier) return counted(ctx, duplicate(messageId, earlier.id));
  try {
    const receipt = counted(ctx, await receiveNew(ctx, mail, messageId, options));
    const level = receipt.outcome === 'rejected' || receipt.outcome === 'unmatched' ? 'warn' : 'info';
    ctx.logger[level](
      { messageId, outcome: receipt.outcome, reference: receipt.reference, note: receipt.note },
      `inbound email: ${receipt.outcome}`,
    );
    return receipt;
  } catch (error) {
    if (!(error instanceof AlreadyStored) && !isUniqueViolation(error)) throw error;
    const first = await findEmailByMessageId(db, messageId);
    return counted(ctx, duplicate(messageId, first?.id ?? null));
  }
}

function counted(ctx: AppContext, receipt: Receipt): Receipt {
  ctx.metrics?.mail.received(receipt.outcome);
  return receipt;
}

function duplicate(messageId: string, emailId: string | null): Receipt {
  return { outcome: 'duplicate', messageId, emailId, reference: null, note: null };
}

async function receiveNew(
  ctx: AppContext,
  mail: InboundEmail,
  messageId: string,
  options: ReceiveOptions,
): Promise<Receipt> {
  const db = ctx.db.kysely;
  const now = ctx.now();
  const row = (
    fields: Pick<NewEmail, 'kind' | 'status' | 'complaintId' | 'customerId' | 'note'>,
  ): NewEmail => ({
    id: newId(now.getTime()),
    direction: 'in',
    messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    from: mail.from?.address ?? mail.returnPath ?? '',
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    sizeBytes: mail.sizeBytes,
    createdAt: now.toISOString(),
    ...fields,
  });
  const store = async (
    executor: Executor,
    email: NewEmail,
    outcome: ReceiveOutcome,
    reference: string | null,
  ) => {
    if (!(await insertEmail(executor, email))) throw new AlreadyStored();
    return { outcome, messageId, emailId: email.id, reference, note: email.note };
  };
  const threadIds = [mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => !!id);

  if (mail.unreadable) {
    const email = row({
      kind: 'rejected',
      status: 'rejected',
      complaintId: null,
      customerId: null,
      note: `Could not be read: ${mail.unreadable}`,
    });
    return store(db, email, 'rejected', null);
  }

  const automatic = automaticMessage(
    { headers: mail.headers, returnPath: mail.returnPath, from: mail.from?.address ?? null },
    options.ownAddresses,
  );
  if (automatic) {
    // Kept on its complaint when it threads to one (an out-of-office to our acknowledgement), never answered.
    const thread = await findComplaintEmailAmong(db, threadIds);
    const email = row({
      kind: automatic.kind,
      status: 'ignored',
      complaintId: thread?.complaintId ?? null,
      customerId: thread?.customerId ?? null,
      note: `Not answered and no complaint opened: ${automatic.reason}.`,
    });
    return store(db, email, 'ignored', null);
  }

  if (!mail.from?.address) {
    const email = row({
      kind: 'rejected',
      status: 'rejected',
      complaintId: null,
      customerId: null,
      note: 'No sender address (From): nobody to reply to.',
    });
    return store(db, email, 'rejected', null);
  }
  const sender = mail.from;

  // Matching: threading headers first, then a complaint reference whose check character verifies.
  const notes: string[] = [];
  let complaintId = (await findComplaintEmailAmong(db, threadIds))?.complaintId ?? null;
  if (!complaintId) {
    const quoted = quotedReferences(ctx.procedure.crn, [mail.subject, mail.text]);
    if (quoted.valid) {
      const found = await findComplaintByReference(db, quoted.valid);
      // A reference is no secret (they are sequential): it attaches a message only from the customer's
      // own address. Anyone else's is kept for staff, never put on someone's complaint as theirs.
      const fromCustomer =
        found && (await findCustomersByEmail(db, sender.address)).some((c) => c.id === found.customerId);
      if (found && fromCustomer) complaintId = found.id;
      else if (found) {
        const email = row({
          kind: 'unmatched',
          status: 'received',
          complaintId: null,
          customerId: null,
          note: joinNotes([
            `Quotes ${quoted.valid}, but comes from ${sender.address}, which is not that customer's address on record: not attached; staff decide.`,
            ...notes,
          ]),
        });
        return store(db, email, 'unmatched', null);
      } else notes.push(`Quotes ${quoted.valid}, which is not one of our complaints.`);
    } else if (quoted.unverified.length) {
      notes.push(
        `Quotes ${quoted.unverified.join(', ')}, whose check character is wrong: not attached to any complaint.`,
      );
    }
  }

  const kept = await keptAttachments(ctx.documents, mail.attachments);
  if (kept.refused.length) notes.push(`Attachments not kept: ${kept.refused.join('; ')}.`);

  if (complaintId) {
    const id = complaintId;
    return transaction(ctx.db, async (trx) => {
      const complaint = await lockComplaint(trx, { id });
      if (!complaint) throw new Error(`complaint ${id} vanished while an email joined it`);
      const customers = await findCustomersByEmail(trx, sender.address);
      if (!customers.some((c) => c.id === complaint.customerId)) {
        notes.push(`Sent from ${sender.address}, which is not the customer's address on record.`);
      }
      if (!isOpen(complaint)) notes.push('The complaint is closed: staff decide whether to reopen it.');
      // The email is the customer's contact on their complaint, whoever's mailbox it came from.
      const actor: Actor = { kind: 'customer', customerId: complaint.customerId };
      const change = await applyCommands(
        trx,
        ctx,
        complaint,
        [{ type: 'log-contact', channel: 'email', direction: 'in', summary: contactSummary(mail) }],
        actor,
      );
      if (!change.ok) throw refusalError(change.refusal);
      const email = row({
        kind: 'reply',
        status: 'received',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        note: joinNotes(notes),
      });
      const receipt = await store(trx, email, 'reply', complaint.reference);
      await storeAttachments(trx, email.id, kept.accepted, now);
      return receipt;
    });
  }

  const description = bound((mail.text.trim() || mail.subject.trim()).trim(), DESCRIPTION_LIMIT);
  if (!description) {
    const email = row({
      kind: 'unmatched',
      status: 'received',
      complaintId: null,
      customerId: null,
      note: joinNotes(['An empty message: no complaint opened.', ...notes]),
    });
    return store(db, email, 'unmatched', null);
  }
  if (options.newMessages === 'triage') {
    return transaction(ctx.db, async (trx) => {
      const email = row({
        kind: 'triage',
        status: 'received',
        complaintId: null,
        customerId: null,
        note: joinNotes(['Awaiting triage: staff make it a complaint or dismiss it.', ...notes]),
      });
      const receipt = await store(trx, email, 'triage', null);
      await storeAttachments(trx, email.id, kept.accepted, now);
      return receipt;
    });
  }
  const customers = await findCustomersByEmail(db, sender.address);
  const existing = customers.length === 1 ? customers[0] : undefined;
  if (customers.length > 1) {
    notes.push(
      `${customers.length} customer records have this address: a new one was made for staff to merge.`,
    );
  }
  const firstExpressedAt = trustedDate(mail.date, now);
  if (!firstExpressedAt && mail.date) notes.push('Its Date header was not believable: received time used.');
  let receipt: Receipt | undefined;
  const recorded = await recordComplaint(
    ctx,
    {
      customer: existing
        ? { id: existing.id }
        : {
            name: customerName(sender),
            email: sender.address,
            preferredChannel: 'email',
          },
      channel: 'email',
      category: unclassifiedCategory(ctx.procedure),
      formal: false,
      description,
      firstExpressedAt,
      contact: { direction: 'in', summary: contactSummary(mail) },
    },
    existing ? { kind: 'customer', customerId: existing.id } : 'the-customer',
    undefined,
    async (trx, complaint) => {
      const email = row({
        kind: 'new-complaint',
        status: 'received',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        note: joinNotes(notes),
      });
      receipt = await store(trx, email, 'new-complaint', complaint.reference);
      await storeAttachments(trx, email.id, kept.accepted, now);
    },
  );
  return (
    receipt ?? {
      outcome: 'new-complaint',
      messageId,
      emailId: null,
      reference: recorded.reference,
      note: null,
    }
  );
}

/**
 * The name for a customer made from an email: the sender's display name unless it looks like anything but
 * a name (a link, an address, a long sentence) — it is written into our own emails ("Dear …"), and our
 * domain must not carry a stranger's words to whoever's address they used.
 */
function customerName(sender: { address: string; name: string }): string {
  const name = sender.name.replace(/\s+/g, ' ').trim();
  const suspicious = /[@/\\<>:]|www\.|\.[a-z]{2,}\b/i.test(name) || name.length > 60;
  return name && !suspicious ? name : bound(sender.address.split('@')[0] || sender.address, 60);
}

function contactSummary(mail: InboundEmail): string {
  const start = mail.text.replace(/\s+/g, ' ').trim();
  return bound(`Email "${bound(mail.subject.trim(), 120)}": ${start || '(no text)'}`, SUMMARY_LIMIT);
}

/** The message's Date when it is believable (not ahead of us, not too old), else undefined (now is used). */
function trustedDate(date: Date | null, now: Date): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const age = now.getTime() - date.getTime();
  return age >= 0 && age <= DATE_TRUST_MS ? date.toISOString() : undefined;
}

/**
 * The attachments we keep (stored as the type their bytes are), already put in the document store so that the
 * transaction naming them commits after they are durable; and why each other one was not kept.
 */
async function keptAttachments(documents: DocumentStore, attachments: InboundEmail['attachments']) {
  const accepted: KeptAttachment[] = [];
  const refused: string[] = [];
  for (const attachment of attachments) {
    const verdict =
      accepted.length >= MAX_ATTACHMENTS
        ? { ok: false as const, reason: `is past the first ${MAX_ATTACHMENTS} files` }
        : await checkAttachment(attachment);
    if (verdict.ok) {
      const blob = await documents.put(attachment.content);
      accepted.push({ filename: attachment.filename, contentType: verdict.kind.type, blob });
    } else refused.push(`${bound(attachment.filename, 100)} (${verdict.reason})`);
  }
  return { accepted, refused };
}

type KeptAttachment = { filename: string; contentType: string; blob: StoredBlob };

async function storeAttachments(
  trx: Executor,
  emailId: string,
  attachments: readonly KeptAttachment[],
  now: Date,
): Promise<void> {
  for (const attachment of attachments) {
    await insertEmailAttachment(trx, {
      id: newId(now.getTime()),
      emailId,
      filename: bound(attachment.filename, 255),
      contentType: attachment.contentType,
      blob: attachment.blob,
      createdAt: now.toISOString(),
    });
  }
}
