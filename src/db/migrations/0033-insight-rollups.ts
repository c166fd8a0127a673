/**
 * The dashboard's filtered and weekly views at a million complaints (issue 12, docs/PERFORMANCE.md):
 * `insight_rollups`, the daily totals summed per week (from its Monday) and per month, each with customer type
 * and stage reached either kept or summed over ('*'): a day's change goes into eight rows (two spans, four
 * ways). It replaces 0026's monthly totals, which summed over both dimensions (but kept the stage for the
 * survey) and so served only the unfiltered views by month: a customer type or stage reached filter, and the
 * 13 weeks by week, read the daily totals (about a million rows for a year at a million complaints; the daily
 * totals' key carries all four dimensions and the day, so a month of them is hardly fewer rows than a month of
 * contributions). Now a range reads its whole months, then the whole weeks left at its edges, from here, and
 * only the days left over (at most six at each edge) from the daily totals; each read takes exactly the rows
 * of the customer types and stages it asks for, or those summed over them ('*').
 *
 * The primary key starts with the measure, the span, customer type and stage reached, then the period: a read
 * is one range of it per measure and (filtered) dimension value. WITHOUT ROWID on SQLite, as 0025 made the
 * daily totals.
 *
 * The remedies due are left out: they are counted up to today from the daily totals, never summed by period.
 *
 * Filled from the daily totals already there by frozen statements of its own, not by today's code: each
 * span's rows with both dimensions kept summed from the daily totals, the other three ways from those.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('insight_rollups')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('span', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_rollups_pk', [
      'measure',
      'span',
      'customer_type',
      'stage_reached',
      'period',
      'value',
      'category',
      'channel',
    ])
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  const week =
    dialect === 'postgres'
      ? sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`
      : sql`date(day, '-6 days', 'weekday 1')`;
  for (const [span, period] of [
    ['week', week],
    ['month', sql`substr(day, 1, 7)`],
  ] as const) {
    await sql`
      insert into insight_rollups
        (measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
      select measure, ${span}, customer_type, stage_reached, ${period}, value, category, channel,
        sum(n), sum(amount)
      from insight_totals
      where measure <> 'remedy-due'
      group by measure, customer_type, stage_reached, ${period}, value, category, channel
      having sum(n) <> 0 or sum(amount) <> 0
    `.execute(db);
    // The other three ways from those rows: by customer type, by stage, by neither ('*').
    for (const [customerType, stageReached, kept] of [
      [sql`customer_type`, sql`'*'`, sql`, customer_type`],
      [sql`'*'`, sql`stage_reached`, sql`, stage_reached`],
      [sql`'*'`, sql`'*'`, sql``],
    ] as const) {
      await sql`
        insert into insight_rollups
          (measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
        select measure, span, ${customerType}, ${stageReached}, period, value, category, channel,
          sum(n), sum(amount)
        from insight_rollups
        where span = ${span} and customer_type <> '*' and stage_reached <> '*'
        group by measure, span, period, value, category, channel${kept}
        having sum(n) <> 0 or sum(amount) <> 0
      `.execute(db);
    }
  }
  await db.schema.dropTable('insight_month_totals').execute();
}
