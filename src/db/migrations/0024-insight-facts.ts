/**
 * The management figures (issue 12's dashboard): `insight_facts`, one row per complaint with its dimensions
 * and contributions (domain/insight.ts), and `insight_totals`, their running sums per day, measure, value
 * and dimensions, kept by every change in its own transaction (db/insight.ts).
 *
 * The totals' primary key starts with the measure and the day: a year's figures are one range of it per
 * measure, and the remedies due before today another. An owner's figures came from their facts rows
 * (insight_facts_owner_idx, until 0035 gave each owner totals of their own); a customer's type change moves
 * their rows (insight_facts_customer_idx). The follow-ups waiting are read from attempts_follow_up_idx,
 * which holds only the attempts waiting for one.
 *
 * Existing complaints were backfilled here until 0025 added measures and a table of its own: the backfill
 * runs today's code (`rebuildInsight`), which writes later migrations' tables and columns too, so the last
 * migration to change them does it (0035; a database that ran this migration before is filled again there,
 * from scratch).
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('insight_facts')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('contributions', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('insight_facts_owner_idx')
    .on('insight_facts')
    .columns(['owner_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('insight_facts_customer_idx')
    .on('insight_facts')
    .column('customer_id')
    .execute();
  await db.schema
    .createTable('insight_totals')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_totals_pk', [
      'measure',
      'day',
      'value',
      'category',
      'channel',
      'customer_type',
      'stage_reached',
    ])
    .execute();
  // The attempts waiting for their follow-up contact (the dashboard's team figure): a handful among millions.
  await db.schema
    .createIndex('attempts_follow_up_idx')
    .on('attempts')
    .column('complaint_id')
    .where(sql<SqlBool>`phase in ('follow-up', 'chasing')`)
    .execute();
}
