/**
 * The dashboard at a million complaints (issue 12, docs/PERFORMANCE.md): `insight_month_totals`, the daily
 * totals summed per month without customer type and — but for the survey, shown by stage — stage reached.
 * A year of daily totals is about a million rows at a million complaints (their key carries both of those
 * and the day); a year of these is about 30,000. The dashboard reads a range's whole months from here when
 * neither of those two filters is set, and only the days at its edges (and the filtered cases) from the
 * daily totals. Every change keeps them in its own transaction, with the daily totals (db/insight.ts).
 *
 * The primary key starts with the measure and the month, as the daily totals' does with the day: a range of
 * months is one range of it per measure. WITHOUT ROWID on SQLite, as 0025 made the daily totals.
 *
 * Also complaints_root_cause_idx: "Raise an improvement" from a root cause on the dashboard links the
 * newest complaints closed with that cause in the period, read along it (db/improvements.ts).
 *
 * Filled from the daily totals already there by a frozen statement of its own (a sum per month), not by
 * today's code: the daily totals are the monthly ones' only source, so this stays right whatever later
 * migrations do to the complaints.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('insight_month_totals')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_month_totals_pk', [
      'measure',
      'month',
      'value',
      'category',
      'channel',
      'stage_reached',
    ])
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await sql`
    insert into insight_month_totals (measure, month, value, category, channel, stage_reached, n, amount)
    select measure, substr(day, 1, 7), value, category, channel,
      case when measure = 'survey' then stage_reached else '' end, sum(n), sum(amount)
    from insight_totals
    group by measure, substr(day, 1, 7), value, category, channel,
      case when measure = 'survey' then stage_reached else '' end
    having sum(n) <> 0 or sum(amount) <> 0
  `.execute(db);
  await db.schema
    .createIndex('complaints_root_cause_idx')
    .on('complaints')
    .columns(['root_cause', 'closed_at'])
    .execute();
}
