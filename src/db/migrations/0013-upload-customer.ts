/**
 * A customer merge moves the files of the merged record's complaints to the survivor (the portal shows
 * files by customer): `uploads_customer_idx` finds them without reading every file.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('uploads_customer_idx').on('uploads').column('customer_id').execute();
}
