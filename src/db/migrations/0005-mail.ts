/**
 * Email both ways. Every message, sent or received, is one row: outbound rows are the outbox (written in the
 * same transaction as the change they tell the customer about, sent by a job), inbound rows the record of
 * what arrived. `message_id` is unique, so the same message delivered twice is stored once, and a retried
 * send carries the same Message-ID. Attachments are stored in the database, so several processes share them.
 */

import type { Dialect } from '../database.ts';
import { type AnyDb, isOneOf } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('direction', 'text', (c) => c.notNull().check(isOneOf('direction', ['in', 'out'])))
    /** outbound: acknowledgement, proposal, …; inbound: reply, new-complaint, auto-reply, unmatched, rejected */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(isOneOf('status', ['queued', 'sent', 'failed', 'received', 'ignored', 'rejected'])),
    )
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'text')
    /** The References header: Message-IDs separated by spaces, oldest first. */
    .addColumn('references_header', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    /** Outbound: the HTML we sent; inbound: the sender's HTML after sanitising. */
    .addColumn('html_body', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    /** Why an inbound message was ignored or rejected, or what staff should know about it. */
    .addColumn('note', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('emails_complaint_idx')
    .on('emails')
    .columns(['complaint_id', 'created_at'])
    .execute();
  await db.schema.createIndex('emails_status_idx').on('emails').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('email_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_id', 'text', (c) => c.notNull().references('emails.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_attachments_email_idx')
    .on('email_attachments')
    .column('email_id')
    .execute();
}
