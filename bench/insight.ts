/**
 * `npm run bench -- --insight N [--dialect sqlite|postgres] [--out DIR | --database-url URL] [--runs R]`:
 * the insight dashboard's figures (app/read-insight.ts, as `GET /api/v1/insight` calls it) for a 12-month
 * range with N complaints, beside a baseline measured in the same run: one complaint read by primary key
 * through the same connection(s).
 *
 * The complaints are the synthetic history of the screens bench (test/support/synthetic-history.ts, nine in
 * ten closed, over 2025 and 2026), made more varied here so that the running totals are as many as at a
 * provider, if not more: six channels, six categories, four customers of the four types, one in seventeen
 * closed as withdrawn, a time-limit ADR letter for one in twenty-five and a deadlock letter for each at
 * deadlock, and attempts ending on many different days; every closed complaint has a root cause (one of
 * the tree's codes), a handler (one of 40) and a satisfaction survey, answered for one in three; one in
 * five agreed a proposal with an apology and a goodwill payment. Then the insight facts and totals are built
 * as migration 0025 builds them for a database that has complaints (`rebuildInsight`, timed: that is the
 * upgrade's cost at N). SQLite is read on reader threads, as `serve` reads it; PostgreSQL through its pool
 * (`--dialect postgres`, an embedded server unless `--database-url` is given).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addUser } from '../src/app/add-user.ts';
import { createCustomer } from '../src/app/customers.ts';
import { readInsight } from '../src/app/read-insight.ts';
import { defaultSqliteReaders } from '../src/config/env.ts';
import { openDatabase } from '../src/db/database.ts';
import { rebuildInsight } from '../src/db/insight-rebuild.ts';
import { keepStatistics } from '../src/db/statistics.ts';
import { CUSTOMER_TYPES } from '../src/domain/complaint.ts';
import { rootCauseCodes } from '../src/domain/procedure.ts';
import { seedSyntheticHistory } from '../test/support/synthetic-history.ts';
import { benchContext, count, flag, openTarget, progressBar } from './target.ts';

const NOW = new Date('2026-11-02T10:00:00Z');
const BATCH = 50_000;
const YEAR = { from: '2025-11-03', to: '2026-11-02' };
/** Handlers of closed complaints: a team, so that satisfaction by handler has as many rows as at a provider. */
const HANDLERS = 40;

export async function insightCommand(argv: readonly string[]): Promise<number> {
  const total = count(argv, 'insight');
  const runs = Number(flag(argv, 'runs') ?? 30);
  const target = await openTarget(argv);
  try {
    const ctx = benchContext(target, () => NOW);
    const db = target.db.kysely;
    const seeded = await db
      .selectFrom('complaints')
      .select('id')
      .where('id', '=', `syn-${total}`)
      .executeTakeFirst();
    let seededIn = 0;
    let rebuiltIn = 0;
    if (!seeded) {
      const staff = await Promise.all(
        (['agent', 'reviewer', 'director'] as const).map((role) =>
          addUser(ctx, { email: `${role}@bench.example`, name: role, roles: [role] }),
        ),
      );
      const customers = await Promise.all(
        CUSTOMER_TYPES.map((type, i) => createCustomer(ctx, { name: `Customer ${i}`, type })),
      );
      const handlers: string[] = [];
      for (let i = 0; i < HANDLERS; i++) {
        const role = i % 2 === 0 ? 'agent' : 'reviewer';
        handlers.push(
          (await addUser(ctx, { email: `handler${i}@bench.example`, name: `Handler ${i}`, roles: [role] }))
            .id,
        );
      }
      const t0 = performance.now();
      const bar = progressBar(`insight: ${target.db.dialect}`, total);
      for (let from = 1; from <= total; from += BATCH) {
        const to = Math.min(total, from + BATCH - 1);
        await seedSyntheticHistory(db, {
          from,
          to,
          customerId: customers[0]!.id,
          owners: staff.map((s) => s.id),
          procedure: ctx.procedure,
        });
        await vary(db, target.db.dialect, from, to, {
          customers: customers.map((c) => c.id),
          handlers,
          rootCauses: rootCauseCodes(ctx.procedure),
        });
        bar.update(to);
      }
      bar.end();
      seededIn = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      await rebuildInsight(db);
      rebuiltIn = (performance.now() - t1) / 1000;
    }
    if (target.db.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
    else await keepStatistics(target.db);
    const totals = await db
      .selectFrom('insight_totals')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    const inYear = await db
      .selectFrom('insight_totals')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('day', '>=', YEAR.from)
      .where('day', '<=', YEAR.to)
      .executeTakeFirstOrThrow();
    const owner = await db
      .selectFrom('users')
      .select('id')
      // The reviewer owns a third of the open complaints (33,334 at a million); the agent's third is unassigned.
      .where('email', '=', 'reviewer@bench.example')
      .executeTakeFirstOrThrow();

    // As `serve` reads: SQLite on reader threads, PostgreSQL through the pool.
    const reading =
      target.db.dialect === 'sqlite'
        ? await openDatabase({ dataDir: target.where, sqliteReaders: defaultSqliteReaders() })
        : target.db;
    const readCtx = { ...ctx, db: reading };
    const rows: [string, number[]][] = [];
    const time = async (name: string, fn: () => Promise<unknown>) => {
      await fn(); // warm
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      rows.push([name, ms]);
    };
    try {
      await time('baseline: one complaint by primary key', () =>
        reading.kysely.selectFrom('complaints').selectAll().where('id', '=', 'syn-4242').executeTakeFirst(),
      );
      await time('insight, 12 months', () => readInsight(readCtx, YEAR));
      await time('insight, 12 months, one category and two channels', () =>
        readInsight(readCtx, { ...YEAR, categories: ['billing'], channels: ['phone', 'email'] }),
      );
      await time('insight, 12 months, residential, reached attempt 2 or later', () =>
        readInsight(readCtx, {
          ...YEAR,
          customerTypes: ['residential'],
          stagesReached: ['attempt-2', 'attempt-3', 'deadlock'],
        }),
      );
      // One type of four and the stage nearly all reach: a filter that narrows little (the one above, a stage
      // few reach, narrows to a few thousand complaints).
      await time('insight, 12 months, small business, reached attempt 1', () =>
        readInsight(readCtx, { ...YEAR, customerTypes: ['small-business'], stagesReached: ['attempt-1'] }),
      );
      // Edges that are no whole weeks: days, weeks and months from each store.
      await time('insight, 12 months from a Wednesday, one channel', () =>
        readInsight(readCtx, { from: '2025-11-19', to: '2026-11-18', channels: ['web'] }),
      );
      await time('insight, 13 weeks (by week)', () =>
        readInsight(readCtx, { from: '2026-08-03', to: '2026-11-01' }),
      );
      await time('insight, 12 months, one owner', () => readInsight(readCtx, { ...YEAR, ownerId: owner.id }));
    } finally {
      if (reading !== target.db) await reading.close();
    }

    const pct = (ms: number[], p: number) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    };
    const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
    const base = pct(rows[0]?.[1] ?? [1], 50);
    console.log(
      `\n${target.db.dialect}, ${total} complaints, ${seeded ? 'seeded by an earlier run' : `seeded in ${seededIn.toFixed(0)} s, insight facts and totals built in ${rebuiltIn.toFixed(0)} s`}; ` +
        `${Number(totals.n)} daily totals, ${Number(inYear.n)} in the 12 months; ${runs} runs each`,
    );
    console.log('| what | p50 ms | p99 ms | max ms | p50 ÷ baseline p50 |\n|---|---|---|---|---|');
    for (const [name, ms] of rows) {
      console.log(
        `| ${name} | ${f(pct(ms, 50))} | ${f(pct(ms, 99))} | ${f(Math.max(...ms))} | ${f(pct(ms, 50) / base)} |`,
      );
    }
    return 0;
  } finally {
    await target.close();
  }
}

/**
 * Spreads complaints `from`..`to` over 700 days from December 2024 and, independently (as digits of one
 * number), over channels, categories and customer types (all four from 75,600 complaints on); closes each 0–49 days after it came (so all three time
 * buckets fill) with attempts that long; withdraws one in seventeen; and gives one in twenty-five a
 * time-limit ADR letter and each at deadlock a deadlock letter.
 */
async function vary(
  db: Parameters<typeof rebuildInsight>[0],
  dialect: 'sqlite' | 'postgres',
  from: number,
  to: number,
  { customers, handlers, rootCauses }: { customers: string[]; handlers: string[]; rootCauses: string[] },
) {
  const i = sql`cast(substr(id, 5) as integer)`;
  const range = sql`id like 'syn-%' and ${i} between ${from} and ${to}`;
  const pick = (values: readonly string[], of: ReturnType<typeof sql>) =>
    sql`(case ${sql.join(
      values.map((v, k) => sql`when ${of} = ${sql.lit(k)} then ${sql.lit(v)}`),
      sql` `,
    )} end)`;
  const day = (offset: ReturnType<typeof sql>) =>
    dialect === 'sqlite'
      ? sql`date('2024-12-01', '+' || (${offset}) || ' days')`
      : sql`to_char(date '2024-12-01' + (${offset})::int, 'YYYY-MM-DD')`;
  const offset = sql`(${i} + ${i} / 10) % 700`;
  const received = day(offset);
  const closed = day(sql`${offset} + (${i} / 7) % 50`);
  await sql`
    update complaints set
      channel = ${pick(['phone', 'email', 'web', 'letter', 'textphone', 'in-person'], sql`(${i} / 700) % 6`)},
      category = ${pick(['billing', 'service-quality', 'customer-service', 'contract', 'equipment', 'other'], sql`(${i} / 4200) % 6`)},
      customer_id = ${pick(customers, sql`(${i} / 25200) % 4`)},
      received_at = ${received} || 'T10:00:00.000Z',
      first_expressed_at = ${received} || 'T09:00:00.000Z',
      closed_at = (case when closed_at is not null then ${closed} || 'T12:00:00.000Z' end),
      adr_due_on = (case when closed_at is not null then ${day(sql`${offset} + 42`)} else adr_due_on end),
      closure_reason = (case when closure_reason is not null and ${i} % 17 = 0 then 'withdrawn' else closure_reason end),
      root_cause = (case when closed_at is not null then ${pick(rootCauses, sql`${i} % ${sql.lit(rootCauses.length)}`)} end),
      owner_id = (case when closed_at is not null then ${pick(handlers, sql`(${i} / 3) % ${sql.lit(handlers.length)}`)} else owner_id end)
    where ${range}
  `.execute(db);
  // A survey for every closed complaint, sent when it closed; one in three answered, scores 1 to 5.
  await sql`
    insert into satisfaction_surveys (complaint_id, sent_at, answered_at, score, stage_reached)
    select id, closed_at, (case when ${i} % 3 = 0 then closed_at end),
      (case when ${i} % 3 = 0 then ${i} % 5 + 1 end), 'attempt-1'
    from complaints where ${range} and closed_at is not null
  `.execute(db);
  // One in five agreed a proposal with an apology and a goodwill payment, accepted the day it closed.
  for (const [type, amount] of [
    ['apology', sql`null`],
    ['goodwill', sql`(${i} % 50 + 1) * 100`],
  ] as const) {
    await sql`
      insert into remedies (id, complaint_id, source, attempt_number, type, amount_pence, recorded_at, accepted_at)
      select 'syn-' || ${type} || '-' || substr(id, 5), id, 'proposal', 1, ${type}, ${amount}, closed_at, closed_at
      from complaints where ${range} and closed_at is not null and ${i} % 5 = 2
    `.execute(db);
  }
  await sql`
    update attempts set
      opened_at = (select c.received_at from complaints c where c.id = attempts.complaint_id),
      ended_at = (select c.closed_at from complaints c where c.id = attempts.complaint_id)
    where complaint_id like 'syn-%' and cast(substr(complaint_id, 5) as integer) between ${from} and ${to}
      and ended_at is not null
  `.execute(db);
  await sql`
    insert into adr_letters (id, complaint_id, trigger, issued_at, issued_on, window_ends_on)
    select 'syn-adr-' || substr(id, 5), id, (case when stage = 'deadlock' then 'deadlock' else 'time-limit' end),
      received_at, substr(received_at, 1, 10), substr(received_at, 1, 10)
    from complaints where ${range} and (stage = 'deadlock' or ${i} % 25 = 3)
  `.execute(db);
}
