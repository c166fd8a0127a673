/**
 * One person's figures at a million complaints (issue 12, docs/PERFORMANCE.md): `insight_owner_daily` and
 * `insight_owner_rollups`, the daily totals and the rollups of the complaints each person owns now, with the
 * owner first in each primary key. Every contribution counts for the team and for its complaint's owner
 * (domain/insight.ts `totalChanges`), and a change of owner moves the complaint's rows from one person to the
 * other in the change's transaction. The dashboard filtered by owner then reads that owner's rows exactly as it
 * reads the team's, instead of every one of their complaints' facts: 0.86–0.94 s p99 at 33,334 complaints for
 * one owner, summing their facts' JSON row by row. `insight_facts_owner_idx` served only that read and goes.
 *
 * Tables of their own, not an owner column on the team's: with the owners' rows beside them (five times as
 * many), PostgreSQL's planner priced the team's index ranges above a scan of the whole table and read 13.8
 * million rollups for a filtered year (2.5 s where it had taken 34 ms).
 *
 * Filled by frozen statements of its own, not by today's code: each owner's daily totals are summed from
 * their complaints' facts (`json_each` on SQLite, `json_array_elements` on PostgreSQL), their rollups from
 * those, as 0033 summed the team's.
 *
 * A database whose facts were never filled while it has complaints (one that ran 0024 and 0025 before 0025's
 * backfill was retired here: that backfill ran today's code, which now writes these tables) is filled from the
 * complaints by today's `rebuildInsight`. A later migration that changes the complaints', the facts' or the
 * totals' columns must keep that working, or replace it with a frozen copy.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { rebuildInsight } from '../insight-rebuild.ts';
import type { Schema } from '../schema.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const amount = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('insight_owner_daily')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', amount, (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_owner_daily_pk', [
      'owner_id',
      'measure',
      'day',
      'value',
      'category',
      'channel',
      'customer_type',
      'stage_reached',
    ])
    .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema
    .createTable('insight_owner_rollups')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('span', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('stage_reached', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('amount', amount, (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_owner_rollups_pk', [
      'owner_id',
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

  // Each owner's daily totals, from their complaints' facts.
  const contribution =
    dialect === 'postgres'
      ? {
          from: sql`insight_facts f cross join lateral json_array_elements(f.contributions::json) c(value)`,
          field: (name: string) => sql`(c.value ->> ${sql.lit(name)})`,
          number: (name: string) => sql`(c.value ->> ${sql.lit(name)})::bigint`,
        }
      : {
          from: sql`insight_facts f, json_each(f.contributions) c`,
          field: (name: string) => sql`json_extract(c.value, ${sql.lit(`$.${name}`)})`,
          number: (name: string) => sql`json_extract(c.value, ${sql.lit(`$.${name}`)})`,
        };
  await sql`
    insert into insight_owner_daily
      (owner_id, measure, day, value, category, channel, customer_type, stage_reached, n, amount)
    select f.owner_id, ${contribution.field('measure')}, ${contribution.field('on')},
      ${contribution.field('value')}, f.category, f.channel, f.customer_type, f.stage_reached,
      sum(${contribution.number('n')}), sum(${contribution.number('amount')})
    from ${contribution.from}
    where f.owner_id is not null
    group by f.owner_id, ${contribution.field('measure')}, ${contribution.field('on')},
      ${contribution.field('value')}, f.category, f.channel, f.customer_type, f.stage_reached
    having sum(${contribution.number('n')}) <> 0 or sum(${contribution.number('amount')}) <> 0
  `.execute(db);
  await db.schema.dropIndex('insight_facts_owner_idx').execute();

  // Their rollups, summed from those (0033's statements, per owner).
  const week =
    dialect === 'postgres'
      ? sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`
      : sql`date(day, '-6 days', 'weekday 1')`;
  for (const [span, period] of [
    ['week', week],
    ['month', sql`substr(day, 1, 7)`],
  ] as const) {
    await sql`
      insert into insight_owner_rollups
        (owner_id, measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
      select owner_id, measure, ${span}, customer_type, stage_reached, ${period}, value, category, channel,
        sum(n), sum(amount)
      from insight_owner_daily
      where measure <> 'remedy-due'
      group by owner_id, measure, customer_type, stage_reached, ${period}, value, category, channel
      having sum(n) <> 0 or sum(amount) <> 0
    `.execute(db);
    for (const [customerType, stageReached, kept] of [
      [sql`customer_type`, sql`'*'`, sql`, customer_type`],
      [sql`'*'`, sql`stage_reached`, sql`, stage_reached`],
      [sql`'*'`, sql`'*'`, sql``],
    ] as const) {
      await sql`
        insert into insight_owner_rollups
          (owner_id, measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
        select owner_id, measure, span, ${customerType}, ${stageReached}, period, value, category, channel,
          sum(n), sum(amount)
        from insight_owner_rollups
        where span = ${span} and customer_type <> '*' and stage_reached <> '*'
        group by owner_id, measure, span, period, value, category, channel${kept}
        having sum(n) <> 0 or sum(amount) <> 0
      `.execute(db);
    }
  }

  // Facts never filled while complaints exist (see the header): filled from the complaints.
  const facts = await sql<{ one: number }>`select 1 as one from insight_facts limit 1`.execute(db);
  const complaints = await sql<{ one: number }>`select 1 as one from complaints limit 1`.execute(db);
  if (facts.rows.length === 0 && complaints.rows.length > 0) await rebuildInsight(db as Kysely<Schema>);
}
