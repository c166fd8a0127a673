/**
 * The improvement log (issue 12): items, and the complaints each one lists (a join table, read both ways: an
 * item's complaints by its primary key, a complaint's items by `improvement_complaints_complaint_idx`).
 *
 * Items are few beside complaints (tens a month at a national provider), but every list and count is still
 * read from an index: the list newest first, by status, by owner or by root cause, each ending in
 * `created_at, id` for the keyset; the items still to be worked by due date (the overdue filter and the
 * dashboard's open and overdue counts, from a partial index of exactly those rows); and the done items by
 * the time they were closed (the monthly report's "what was fixed"). The partial indexes' conditions are
 * written as literals, which the queries repeat (SQLite uses a partial index only then).
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { type AnyDb, isOneOf } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('improvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(isOneOf('status', ['open', 'in-progress', 'done', 'dropped'])),
    )
    .addColumn('action_taken', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('source', 'text', (c) =>
      c.notNull().check(isOneOf('source', ['complaint', 'root-cause-trend', 'ombudsman-decision', 'other'])),
    )
    .addColumn('source_complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    // The use case refuses it first; this keeps any other writer to the rule.
    .addCheckConstraint('improvements_done_has_action', sql`status <> 'done' or action_taken is not null`)
    .execute();
  const index = (name: string, columns: string[], where?: ReturnType<typeof sql<SqlBool>>) => {
    const builder = db.schema.createIndex(name).on('improvements').columns(columns);
    return (where ? builder.where(where) : builder).execute();
  };
  await index('improvements_created_idx', ['created_at', 'id']);
  await index('improvements_status_created_idx', ['status', 'created_at', 'id']);
  await index('improvements_owner_created_idx', ['owner_id', 'created_at', 'id']);
  await index('improvements_root_cause_created_idx', ['root_cause', 'created_at', 'id']);
  await index('improvements_open_due_idx', ['due_on', 'id'], sql<SqlBool>`status in ('open', 'in-progress')`);
  await index('improvements_done_closed_idx', ['closed_at', 'id'], sql<SqlBool>`status = 'done'`);

  await db.schema
    .createTable('improvement_complaints')
    .addColumn('improvement_id', 'text', (c) => c.notNull().references('improvements.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('improvement_complaints_pk', ['improvement_id', 'complaint_id'])
    .execute();
  await db.schema
    .createIndex('improvement_complaints_complaint_idx')
    .on('improvement_complaints')
    .columns(['complaint_id', 'improvement_id'])
    .execute();
}
