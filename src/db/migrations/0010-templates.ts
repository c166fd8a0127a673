/**
 * Response templates: the wording staff start a reply or a proposal from. `stages` is a JSON array of stage
 * names (empty: every stage); the list is small (tens of rows) and read whole, so it is filtered in code and
 * needs no index beyond the primary key. Templates are archived, never deleted: the audit trail names them.
 */
import type { Dialect } from '../database.ts';
import { type AnyDb, isOneOf } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(isOneOf('purpose', ['reply', 'proposal'])))
    .addColumn('stages', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
}
