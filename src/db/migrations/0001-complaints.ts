/** Customers, staff users and complaints with their attempts, steps, ADR letters, contacts and notes. */
import { sql } from 'kysely';
import { type AnyDb, isBool, isOneOf } from './sql-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Stored lower-cased so the UNIQUE constraint is case-insensitive in both dialects.
    .addCheckConstraint('users_email_lower', sql`email = lower(email)`)
    .addCheckConstraint('users_active_bool', isBool('active'))
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('address_lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('postcode', 'text')
    .addColumn('needs_large_print', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_braille', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_text_relay', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preferred_channel', 'text')
    .addColumn('vulnerability_notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'customers_type',
      isOneOf('type', ['residential', 'small-business', 'not-for-profit', 'large-business']),
    )
    .addCheckConstraint(
      'customers_needs_bool',
      sql`${isBool('needs_large_print')} and ${isBool('needs_braille')} and ${isBool('needs_text_relay')}`,
    )
    .execute();
  // Finding a caller by email (any case) or phone number.
  await db.schema.createIndex('customers_email_idx').on('customers').expression(sql`lower(email)`).execute();
  await db.schema.createIndex('customers_phone_idx').on('customers').column('phone').execute();

  // Stage, category and closure reason are left unchecked: they follow the domain's unions, and a CHECK
  // would turn adding a stage into a table rebuild on SQLite.
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('desired_outcome', 'text')
    .addColumn('formal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_expressed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('acknowledge_by', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('adr_due_on', 'text', (c) => c.notNull())
    .addColumn('closure_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('lessons', 'text')
    .addColumn('scheme_case_reference', 'text')
    .addColumn('referred_on', 'text')
    .addColumn('case_fee_pence', 'integer')
    .addColumn('referral_decision', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('complaints_formal_bool', isBool('formal'))
    .execute();
  // The work queues: by stage, by owner, by category, by ADR due date, newest first.
  const complaintIndexes: [string, string[]][] = [
    ['complaints_stage_received_idx', ['stage', 'received_at']],
    ['complaints_owner_stage_idx', ['owner_id', 'stage']],
    ['complaints_category_received_idx', ['category', 'received_at']],
    ['complaints_adr_due_idx', ['adr_due_on']],
    ['complaints_received_idx', ['received_at']],
    ['complaints_customer_idx', ['customer_id']],
  ];
  for (const [name, columns] of complaintIndexes) {
    await db.schema.createIndex(name).on('complaints').columns(columns).execute();
  }

  await db.schema
    .createTable('attempts')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text')
    .addColumn('review_findings', 'text')
    .addColumn('review_recorded_at', 'text')
    .addColumn('review_recorded_by', 'text')
    .addColumn('proposal_summary', 'text')
    .addColumn('proposed_at', 'text')
    .addColumn('proposed_by', 'text')
    .addColumn('response_outcome', 'text')
    .addColumn('response_note', 'text')
    .addColumn('response_recorded_at', 'text')
    .addColumn('follow_up_outcome', 'text')
    .addColumn('follow_up_note', 'text')
    .addColumn('follow_up_recorded_at', 'text')
    .addColumn('follow_up_due_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('escalation_reason', 'text')
    .addPrimaryKeyConstraint('attempts_pk', ['complaint_id', 'number'])
    .addCheckConstraint('attempts_number_range', sql`number between 1 and 3`)
    .execute();

  await db.schema
    .createTable('steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('attempt_number', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('note', 'text')
    .addForeignKeyConstraint(
      'steps_attempt_fk',
      ['complaint_id', 'attempt_number'],
      'attempts',
      ['complaint_id', 'number'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('steps_position_unique', ['complaint_id', 'attempt_number', 'position'])
    .execute();
  // Partial: the overdue-steps sweep and "my open steps" only ever look at steps not yet done.
  await db.schema
    .createIndex('steps_open_due_idx')
    .on('steps')
    .column('due_on')
    .where(sql.ref('completed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('steps_open_owner_idx')
    .on('steps')
    .columns(['owner_id', 'due_on'])
    .where(sql.ref('completed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('adr_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('window_ends_on', 'text', (c) => c.notNull())
    .addCheckConstraint('adr_letters_trigger', isOneOf('trigger', ['deadlock', 'time-limit']))
    .execute();
  await db.schema.createIndex('adr_letters_complaint_idx').on('adr_letters').column('complaint_id').execute();
  // The time-limit letter is issued by a timer that may fire twice (retries, two workers): the database,
  // not the worker, guarantees there is only ever one per complaint.
  await db.schema
    .createIndex('adr_letters_one_time_limit')
    .on('adr_letters')
    .column('complaint_id')
    .unique()
    .where(sql.ref('trigger'), '=', 'time-limit')
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'contacts_channel',
      isOneOf('channel', ['phone', 'email', 'web', 'letter', 'textphone']),
    )
    .addCheckConstraint('contacts_direction', isOneOf('direction', ['in', 'out']))
    .execute();
  await db.schema
    .createIndex('contacts_complaint_idx')
    .on('contacts')
    .columns(['complaint_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notes_complaint_idx')
    .on('notes')
    .columns(['complaint_id', 'created_at'])
    .execute();
}
