/**
 * Queues at a million complaints. Most complaints are closed, and every queue asks about open ones, so each
 * queue is answered from a partial index over exactly the rows it lists, sorted the way it lists them, with
 * the row's id last (keyset pagination) — a page reads 51 index entries, a count reads the queue's entries,
 * and neither touches the closed history or a child table.
 *
 * What a queue asks of the children is kept on the complaint, written in the same transaction as the change
 * that alters it (`complaintRow` for the domain's state, `setEmailOutcome` for mail, the customer's type on
 * an edit or merge):
 * - `step_due_on`: the earliest date of an agreed step not yet done, while an attempt is being implemented;
 * - `adr_letter_on`: the date of the first ADR letter;
 * - `adr_watch_on`: the ADR date while the complaint is open, ADR-eligible and has no ADR letter — the ADR
 *   clock's watch list, null otherwise;
 * - `email_failed`: an email to the customer could not be delivered.
 *
 * Partial indexes repeat `stage <> 'closed'` literally in the queries (see complaint-list.ts): SQLite uses a
 * partial index only when the query's WHERE contains its condition, and never for a bound parameter.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { type AnyDb, isBool } from './sql-helpers.ts';

const OPEN = sql<SqlBool>`stage <> 'closed'`;

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('step_due_on', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('adr_letter_on', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('adr_watch_on', 'text').execute();
  await db.schema
    .alterTable('complaints')
    .addColumn('email_failed', 'integer', (c) => c.notNull().defaultTo(0).check(isBool('email_failed')))
    .execute();

  // The values for complaints already stored, computed once from their children.
  await sql`
    update complaints set
      step_due_on = case when stage <> 'closed' then (
        select min(s.due_on) from steps s
        join attempts a on a.complaint_id = s.complaint_id and a.number = s.attempt_number
        where s.complaint_id = complaints.id and a.phase = 'implementing' and s.completed_at is null
      ) end,
      adr_letter_on = (select min(l.issued_on) from adr_letters l where l.complaint_id = complaints.id),
      email_failed = case when exists (
        select 1 from emails e
        where e.complaint_id = complaints.id and e.direction = 'out' and e.status = 'failed'
      ) then 1 else 0 end
  `.execute(db);
  await sql`
    update complaints set adr_watch_on = adr_due_on
    where stage <> 'closed' and adr_letter_on is null
      and customer_id in (select id from customers where type <> 'large-business')
  `.execute(db);

  const partial: [string, string[], RawBuilder<SqlBool>][] = [
    // Mine and unassigned: by owner, newest first.
    ['complaints_open_owner_idx', ['owner_id', 'received_at', 'id'], OPEN],
    // The stage queues and the waiting queues (a stage, unowned), newest first.
    ['complaints_open_stage_idx', ['stage', 'owner_id', 'received_at', 'id'], OPEN],
    ['complaints_step_due_idx', ['step_due_on', 'received_at', 'id'], sql<SqlBool>`step_due_on is not null`],
    ['complaints_adr_watch_idx', ['adr_watch_on', 'id'], sql<SqlBool>`adr_watch_on is not null`],
    ['complaints_email_failed_idx', ['received_at', 'id'], sql<SqlBool>`email_failed = 1`],
    [
      'complaints_awaiting_referral_idx',
      ['received_at', 'id'],
      sql<SqlBool>`stage = 'deadlock' and scheme_case_reference is null`,
    ],
  ];
  for (const [name, columns, where] of partial) {
    await db.schema.createIndex(name).on('complaints').columns(columns).where(where).execute();
  }
  // The closed list and "all", newest first, with the id for the keyset.
  await db.schema
    .createIndex('complaints_stage_received_id_idx')
    .on('complaints')
    .columns(['stage', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('complaints_received_id_idx')
    .on('complaints')
    .columns(['received_at', 'id'])
    .execute();
  await db.schema.dropIndex('complaints_stage_received_idx').execute();
  await db.schema.dropIndex('complaints_received_idx').execute();
  // `redress adr audit`: complaints closed after their ADR date (few: most close well before it), and
  // attempts that ended in deadlock — instead of every closed complaint and every audit event. The audit
  // checks the letters themselves, not the derived columns above: it is there to catch what they would hide.
  await db.schema
    .createIndex('complaints_closed_late_idx')
    .on('complaints')
    .column('reference')
    .where(sql<SqlBool>`stage = 'closed' and closed_at > adr_due_on`)
    .execute();
  await db.schema
    .createIndex('attempts_deadlock_idx')
    .on('attempts')
    .column('complaint_id')
    .where(sql<SqlBool>`outcome = 'deadlock'`)
    .execute();
  // Outbound mail still queued long after it was written: the few rows still queued, oldest first.
  await db.schema
    .createIndex('emails_queued_out_idx')
    .on('emails')
    .columns(['created_at', 'complaint_id'])
    .where(sql<SqlBool>`status = 'queued' and direction = 'out'`)
    .execute();
}
