/**
 * The mail log for staff: what Redress sent and received, including what it refused or ignored and why.
 * With no SMTP server configured this is also where staff read the mail the dev mailbox holds.
 */
import { findEmailLogRows, findEmailWithAttachments } from '../db/email-log.ts';
import type { EmailsTable } from '../db/schema.ts';
import type { AppContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { notFound } from './errors.ts';
import { PORTAL_LINK_KIND } from './request-portal-link.ts';

export interface MailLogFilter {
  direction?: EmailsTable['direction'] | undefined;
  status?: EmailsTable['status'] | undefined;
  kind?: string | undefined;
  /** `exclude` leaves out the portal's sign-in-link emails: one per sign-in, they bury the rest. */
  signInLinks?: 'include' | 'exclude' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export async function listMail(ctx: AppContext, filter: MailLogFilter) {
  const limit = filter.limit ?? 50;
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await findEmailLogRows(ctx.db.kysely, {
    direction: filter.direction,
    status: filter.status,
    kind: filter.kind,
    excludeKinds: filter.signInLinks === 'exclude' ? [PORTAL_LINK_KIND] : undefined,
    before: after && { createdAt: after[0], id: after[1] },
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      direction: r.direction,
      kind: r.kind,
      status: r.status,
      from: r.from_address,
      to: r.to_address,
      subject: r.subject,
      attempts: r.attempts,
      lastError: r.last_error,
      note: r.note,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      reference: r.reference,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

export async function readMail(ctx: AppContext, id: string) {
  const found = await findEmailWithAttachments(ctx.db.kysely, id);
  if (!found) throw notFound(`email ${id}`);
  const { email: e, attachments } = found;
  return {
    id: e.id,
    direction: e.direction,
    kind: e.kind,
    status: e.status,
    messageId: e.message_id,
    inReplyTo: e.in_reply_to,
    from: e.from_address,
    to: e.to_address,
    subject: e.subject,
    text: e.text_body,
    attempts: e.attempts,
    lastError: e.last_error,
    note: e.note,
    createdAt: e.created_at,
    sentAt: e.sent_at,
    reference: e.reference,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
    })),
  };
}
