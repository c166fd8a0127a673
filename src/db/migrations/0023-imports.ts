/**
 * Complaints brought in by `redress import`, by where they came from: the source system and its id for the
 * row make the key that keeps a second run of the same file from importing anything twice. The source's id
 * for the customer, when the file has one, lets several complaints of one customer share one record, within
 * a file and across files of the same source.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('imported_complaints')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) =>
      c.notNull().unique().references('complaints.id').onDelete('cascade'),
    )
    .addColumn('customer_key', 'text')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_complaints_pkey', ['source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('imported_complaints_customer_idx')
    .on('imported_complaints')
    .columns(['source', 'customer_key'])
    .where('customer_key', 'is not', null)
    .execute();
}
