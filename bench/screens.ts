/**
 * `npm run bench -- --screens N [--dialect sqlite|postgres] [--out DIR | --database-url URL] [--runs R]
 * [--analysis-limit L | --no-statistics]`:
 * how long each screen's queries take with N complaints, nine in ten closed. A few real complaints are made
 * through the use cases; the rest is the synthetic history (test/support/synthetic-history.ts: complaints and
 * their attempts, written by SQL in batches, indexed for search by the triggers as they go in). Then, on the
 * use cases themselves, one at a time (the database's own latency, not a load test): the queue counts (the
 * menu), every queue's first page, search (words best first and newest first, a reference's start, part of a
 * number), one complaint (on SQLite also with its reads on reader threads, as `serve` runs), the hourly ADR
 * sweep and `adr audit`; and how long a fresh process takes to open the database and answer the menu. A
 * database an earlier run seeded with as many is measured again as it is.
 *
 * Statistics for the planner: PostgreSQL gets `VACUUM ANALYZE`, as autovacuum would give it. SQLite's are
 * dropped and made again as `serve` makes them (db/statistics.ts: PRAGMA optimize over whole indexes, the
 * same statistics as a full ANALYZE), timed; `--analysis-limit L` samples L entries per index instead, to
 * measure the screens with sampled statistics, and `--no-statistics` leaves SQLite with none, as every
 * database had before `serve` kept them.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addUser } from '../src/app/add-user.ts';
import { auditAdrLetters } from '../src/app/audit-adr-letters.ts';
import { getComplaint } from '../src/app/get-complaint.ts';
import { listComplaints } from '../src/app/list-complaints.ts';
import { listQueues, QUEUE_IDS } from '../src/app/queues.ts';
import { recordComplaint } from '../src/app/record-complaint.ts';
import { sweepAdrClock } from '../src/app/sweep-adr-clock.ts';
import { defaultSqliteReaders } from '../src/config/env.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations/index.ts';
import { keepStatistics } from '../src/db/statistics.ts';
import { findUserByEmail } from '../src/db/users.ts';
import { COMMON_WORD, RARE_WORD, seedSyntheticHistory } from '../test/support/synthetic-history.ts';
import { benchContext, count, flag, openTarget, progressBar } from './target.ts';

const NOW = new Date('2026-11-02T10:00:00Z');
const BATCH = 50_000;
const STAFF = ['agent', 'agent2', 'reviewer', 'director'] as const;

export async function screensCommand(argv: readonly string[]): Promise<number> {
  const total = count(argv, 'screens');
  const runs = Number(flag(argv, 'runs') ?? 30);
  const analysisLimit = Number(flag(argv, 'analysis-limit') ?? 0);
  const noStatistics = argv.includes('--no-statistics');
  const target = await openTarget(argv);
  try {
    const ctx = benchContext(target, () => NOW);
    // A database an earlier run seeded with as many (`--database-url`, `--out`) is measured again as it is.
    const seeded = await target.db.kysely
      .selectFrom('complaints')
      .select('id')
      .where('id', '=', `syn-${total}`)
      .executeTakeFirst();
    const staff = seeded
      ? await Promise.all(
          STAFF.map((name) =>
            findUserByEmail(target.db.kysely, `${name}@bench.example`).then((u) => {
              if (!u) throw new Error(`no ${name} in the seeded database`);
              return u.user;
            }),
          ),
        )
      : await Promise.all(
          STAFF.map((name) =>
            addUser(ctx, {
              email: `${name}@bench.example`,
              name,
              roles: [name === 'agent2' ? 'agent' : name],
            }),
          ),
        );
    const [agent, , , director] = staff;
    if (!agent || !director) throw new Error('no staff');
    const agentActor = { kind: 'staff' as const, id: agent.id, roles: agent.roles };
    let seededIn = 0;
    if (!seeded) {
      for (let i = 0; i < 20; i++) {
        await recordComplaint(
          ctx,
          {
            customer: { name: `Customer ${i}`, email: `customer${i}@bench.example`, phone: '01632 960 123' },
            channel: 'phone',
            category: 'service-quality',
            description: `Broadband fault number ${i}`,
            firstExpressedAt: NOW.toISOString(),
          },
          agentActor,
        );
      }
      const customer = await target.db.kysely.selectFrom('customers').select('id').executeTakeFirstOrThrow();
      const seeding = performance.now();
      const bar = progressBar(`screens: ${target.db.dialect}`, total);
      for (let from = 1; from <= total; from += BATCH) {
        await seedSyntheticHistory(target.db.kysely, {
          from,
          to: Math.min(total, from + BATCH - 1),
          customerId: customer.id,
          owners: staff.map((s) => s.id),
          procedure: ctx.procedure,
        });
        bar.update(Math.min(total, from + BATCH - 1));
      }
      bar.end();
      seededIn = (performance.now() - seeding) / 1000;
    }
    // PostgreSQL: VACUUM too, as autovacuum would after the load, so that index-only scans need not visit the
    // table to check what is visible (they would read 100,000 rows for the menu's unassigned count).
    const upkeep: [string, number][] = [];
    if (target.db.dialect === 'postgres') await sql`vacuum analyze`.execute(target.db.kysely);
    else {
      // As `serve` starts on a database with no statistics (seeded, restored, upgraded), then as its hourly run
      // finds them current. Each on a connection of its own: one that drops the statistics keeps those it had
      // loaded, and this one reloads whatever is left when it sees the schema change.
      const dropping = await openDatabase({ dataDir: target.where });
      await sql`drop table if exists sqlite_stat1`.execute(dropping.kysely);
      await dropping.close();
      if (!noStatistics) {
        const serving = await openDatabase({ dataDir: target.where });
        try {
          for (const name of [
            'planner statistics from none (serve start)',
            'planner statistics, current (hourly)',
          ]) {
            const t0 = performance.now();
            await keepStatistics(serving, { analysisLimit });
            upkeep.push([name, performance.now() - t0]);
          }
        } finally {
          await serving.close();
        }
      }
    }
    const { reference } = await target.db.kysely
      .selectFrom('complaints')
      .select('reference')
      .where('id', 'not like', 'syn-%')
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();

    const rows: [string, number[]][] = [];
    const time = async (name: string, fn: () => Promise<unknown>, times = runs) => {
      await fn(); // warm
      const ms: number[] = [];
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      rows.push([name, ms]);
    };
    const user = { id: director.id, roles: director.roles };
    await time('GET /queues (every count)', () => listQueues(ctx, user));
    for (const queue of QUEUE_IDS) {
      await time(`queue ${queue}, first page`, () => listComplaints(ctx, { queue }, agent.id));
    }
    await time(`search, rare word ("${RARE_WORD}")`, () =>
      listComplaints(ctx, { text: RARE_WORD }, agent.id),
    );
    await time(`search, common word ("${COMMON_WORD}")`, () =>
      listComplaints(ctx, { text: COMMON_WORD }, agent.id),
    );
    await time(`search, rare word, newest first`, () =>
      listComplaints(ctx, { text: RARE_WORD, sort: 'received' }, agent.id),
    );
    await time(`search, common word, newest first`, () =>
      listComplaints(ctx, { text: COMMON_WORD, sort: 'received' }, agent.id),
    );
    await time('search, start of a reference ("SYN-4242")', () =>
      listComplaints(ctx, { text: 'SYN-4242' }, agent.id),
    );
    await time('search, part of a number ("4242")', () => listComplaints(ctx, { text: '4242' }, agent.id));
    await time('GET a complaint', () =>
      getComplaint(ctx, reference, { kind: 'staff', id: director.id, roles: director.roles }),
    );
    if (target.db.dialect === 'sqlite') {
      // As `redress serve` reads SQLite: on reader threads, where each query is a trip to another thread.
      const readers = await openDatabase({ dataDir: target.where, sqliteReaders: defaultSqliteReaders() });
      try {
        await time(`GET a complaint, reads on ${defaultSqliteReaders()} reader threads (as serve)`, () =>
          getComplaint({ ...ctx, db: readers }, reference, {
            kind: 'staff',
            id: director.id,
            roles: director.roles,
          }),
        );
      } finally {
        await readers.close();
      }
    }
    await time('hourly ADR sweep', () => sweepAdrClock(ctx), 3);
    await time('redress adr audit', () => auditAdrLetters(ctx), 3);

    // A new process on this database: open, migrate (nothing to do), answer the menu.
    const ready = performance.now();
    const again = await openDatabase({
      databaseUrl: target.db.dialect === 'postgres' ? target.where : undefined,
      dataDir: target.where,
    });
    await migrate(again);
    await listQueues({ ...ctx, db: again }, user);
    const readyIn = performance.now() - ready;
    await again.close();

    const pct = (ms: number[], p: number) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    };
    const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
    console.log(
      `\n${target.db.dialect}, ${total} synthetic + 20 real complaints, ${seeded ? 'seeded by an earlier run' : `seeded in ${seededIn.toFixed(0)} s`}` +
        (target.db.dialect !== 'sqlite'
          ? ''
          : noStatistics
            ? ', no planner statistics'
            : analysisLimit
              ? `, statistics sampled (${analysisLimit} entries an index)`
              : ''),
    );
    console.log('| what | p50 ms | p99 ms | max ms |\n|---|---|---|---|');
    for (const [name, ms] of rows) {
      console.log(`| ${name} | ${f(pct(ms, 50))} | ${f(pct(ms, 99))} | ${f(Math.max(...ms))} |`);
    }
    console.log(`| open, migrate and answer the menu (a fresh process) | ${f(readyIn)} | | |`);
    for (const [name, ms] of upkeep) console.log(`| ${name} | ${f(ms)} | | |`);
    return 0;
  } finally {
    await target.close();
  }
}
