/**
 * Personal data with a lifecycle (issue 13, docs/PRIVACY.md):
 * - `complaints.purged_at`: when the retention purge (or an erasure) anonymised the complaint; and
 *   `customers.anonymised_at` for the customer record.
 * - `complaints_retention_idx`: closed complaints not yet purged, by when they closed (and id, the purge's
 *   keyset order). The daily purge reads
 *   the oldest of them up to the retention cutoff along it; purged ones drop out of it, so it holds only what
 *   is still to come and the purge never reads all complaints.
 * - An index on the documents' sha256 in each table that names one: after a purge replaces a document, its
 *   bytes leave the store only if no other row names them (the store holds each content once).
 */
import { sql } from 'kysely';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('purged_at', 'text').execute();
  await db.schema.alterTable('customers').addColumn('anonymised_at', 'text').execute();
  await db.schema
    .createIndex('complaints_retention_idx')
    .on('complaints')
    .columns(['closed_at', 'id'])
    .where(sql<boolean>`closed_at is not null and purged_at is null`)
    .execute();
  for (const table of ['documents', 'email_attachments', 'uploads'])
    await db.schema.createIndex(`${table}_sha256_idx`).on(table).column('sha256').execute();
}
