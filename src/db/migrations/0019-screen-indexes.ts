/**
 * Indexes measured with `npm run bench -- --screens 1M --dialect postgres` (docs/PERFORMANCE.md), for the
 * queues and searches that PostgreSQL could not answer from 0014's and 0017's indexes:
 *
 * - Unassigned complaints, all of them and by stage (the unassigned and waiting queues), newest first. 0014's
 *   indexes put `owner_id` before `received_at`; SQLite reads `owner_id IS NULL` as an equality and the
 *   rest in order, but PostgreSQL does not (only `=` fixes a column for ordering), so it walked the whole
 *   received-date index backwards and tested each row: 6–9 s at a million. Here the condition is the index's
 *   own. SQLite does not need them.
 * - Overdue steps, newest first: 0014's index is sorted by the step's date, so a page sorted every overdue
 *   complaint (PostgreSQL: or walked the received-date index), and the count read the table to check the
 *   stage. This one holds exactly the open complaints with a step to do, by date received, with the step's
 *   date: the page reads its first entries, the count only this index, on both dialects.
 * - Deadlocked complaints awaiting referral, on SQLite: its planner read them through a stage index and the
 *   table rather than scan 0014's partial index (28 ms for the menu's count at a million, 0.6 ms from the
 *   index). Keyed by the condition's own columns, the index is an equality search, which it takes.
 * - The reference in byte order on PostgreSQL, so that a reference's start is a range of an index and its
 *   matches come in reference order whatever the database's collation (text-search.ts,
 *   `referenceStartsWith`). SQLite's unique index on the reference is in byte order already.
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex('complaints_open_step_due_received_idx')
    .on('complaints')
    .columns(['received_at', 'id', 'step_due_on'])
    .where(sql<SqlBool>`step_due_on is not null and stage <> 'closed'`)
    .execute();
  await db.schema.dropIndex('complaints_step_due_idx').execute();
  if (dialect === 'sqlite') {
    await db.schema.dropIndex('complaints_awaiting_referral_idx').execute();
    await db.schema
      .createIndex('complaints_awaiting_referral_idx')
      .on('complaints')
      .columns(['stage', 'scheme_case_reference', 'received_at', 'id'])
      .where(sql<SqlBool>`stage = 'deadlock' and scheme_case_reference is null`)
      .execute();
    return;
  }
  const unassigned = sql<SqlBool>`owner_id is null and stage <> 'closed'`;
  await db.schema
    .createIndex('complaints_unassigned_idx')
    .on('complaints')
    .columns(['received_at', 'id'])
    .where(unassigned)
    .execute();
  await db.schema
    .createIndex('complaints_unassigned_stage_idx')
    .on('complaints')
    .columns(['stage', 'received_at', 'id'])
    .where(unassigned)
    .execute();
  await sql`create index complaints_reference_bytes_idx on complaints (reference collate "C")`.execute(db);
}
