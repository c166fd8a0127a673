/**
 * The dashboard's last panels (issue 12): root causes (on the day a complaint closed), remedies accepted (by
 * type, with their money) and the satisfaction survey (sent and answered, on the day it was sent) become
 * measures of `insight_totals`, and the survey's are also kept per owner in `insight_owner_totals`.
 *
 * Why a per-owner table: satisfaction by handler over a year would otherwise read every survey of the year
 * (half a million at a million complaints), or every owner's facts. Its rows are per day, owner and value
 * ('sent', 'answered' with the sum of scores): at most a few hundred a day, read along the primary key. It
 * keeps no other dimension — with them it would have as many rows as there are surveys — so the figures by
 * handler are narrowed by the range and the owner, not by category or channel (the API says so).
 *
 * On SQLite `insight_totals` is made again WITHOUT ROWID: the table is then its primary key, so a year's
 * range of it is read in order rather than a row looked up for each index entry. At a million complaints (a
 * million daily totals in a year) the dashboard's main sum took 3.6–4.6 s as it was and 1.6–1.9 s so.
 *
 * The facts and totals are emptied here, and filled from the complaints again by 0035 (today's
 * `rebuildInsight`), so a database that ran 0024's old backfill gets the new measures too. This migration ran
 * that backfill itself (`rebuildInsightFacts`) until 0035 added each owner's totals, tables today's code
 * writes and which do not exist yet here.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('insight_owner_totals')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_owner_totals_pk', ['measure', 'day', 'owner_id', 'value'])
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  if (dialect === 'sqlite') {
    // Emptied and filled again below in any case, so made again rather than copied.
    await db.schema.dropTable('insight_totals').execute();
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
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('insight_totals_pk', [
        'measure',
        'day',
        'value',
        'category',
        'channel',
        'customer_type',
        'stage_reached',
      ])
      .modifyEnd(sql`without rowid`)
      .execute();
  }
  await db.deleteFrom('insight_totals').execute();
  await db.deleteFrom('insight_facts').execute();
}
