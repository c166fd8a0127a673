/**
 * Letters as documents on the complaint. A letter is rendered once, by the job that sends it, and its PDF and
 * plain text are stored: what the customer was sent is what staff, the portal and the case file show, never
 * a re-rendering. `source_key` names what the letter is for (an ADR letter's id, the job that sent it), so a
 * retried job finds the letter it already made; `sha256` lets anyone check the bytes are the ones issued.
 * A letter for a customer who prefers post (or has no email address) waits in the print queue until staff
 * mark it posted. An outbound email that carries a letter names it (`emails.document_id`).
 */

import type { Dialect } from '../database.ts';
import { type AnyDb, isBool, isOneOf } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    /** acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    /** The same letter as plain text, for screen readers and text relay. */
    .addColumn('text_content', 'text', (c) => c.notNull())
    .addColumn('large_print', 'integer', (c) => c.notNull().check(isBool('large_print')))
    .addColumn('pages', 'integer', (c) => c.notNull())
    /** The letter's date (London). */
    .addColumn('issued_on', 'text', (c) => c.notNull())
    /** How it reaches the customer: attached to an email, or by post. */
    .addColumn('delivery', 'text', (c) => c.notNull().check(isOneOf('delivery', ['email', 'post'])))
    .addColumn('print_status', 'text', (c) => c.check(isOneOf('print_status', ['queued', 'posted'])))
    .addColumn('posted_at', 'text')
    .addColumn('posted_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_complaint_idx')
    .on('documents')
    .columns(['complaint_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('documents_print_idx')
    .on('documents')
    .columns(['print_status', 'created_at'])
    .execute();
  await db.schema
    .alterTable('emails')
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .execute();
}
