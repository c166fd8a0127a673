/**
 * The customer portal's sign-in: one-time links (single use, short-lived) and the sessions they open.
 * As for staff, only sha256 hashes of the secrets are stored.
 */
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('portal_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('portal_links_expires_idx').on('portal_links').column('expires_at').execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_sessions_expires_idx')
    .on('portal_sessions')
    .column('expires_at')
    .execute();
}
