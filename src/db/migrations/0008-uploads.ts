/**
 * Files a customer uploads in the portal (with a complaint raised on the website, or with information they
 * add later): photos of bills, screenshots. Stored like email attachments, in the database for now, so every
 * process can serve them; `src/db/attachments.ts` is the one module that reads and writes their bytes.
 */

import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    /** The customer who uploaded it: only they see it in the portal. */
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('uploads_complaint_idx')
    .on('uploads')
    .columns(['complaint_id', 'created_at'])
    .execute();
}
