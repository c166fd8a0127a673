/**
 * Files staff send the customer with a reply (a corrected bill, a statement) are kept beside the files the
 * customer sent, in `uploads`: one store for the files of a complaint, which the case file, the downloads and
 * the customer's portal already read. `sent_by` names the member of staff who sent it; null: the customer's.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('uploads')
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .execute();
}
