/**
 * Scaling out: several `redress serve` processes on one PostgreSQL database share the job queue, and each
 * due job still runs exactly once — one ADR letter per complaint, never two, never none.
 *
 * The race is real but not forced: with the claim's `FOR UPDATE SKIP LOCKED` removed, this test failed in 3
 * of 4 runs (jobs claimed twice show up as `attempts: 2`); the queue's own tests pin it down exactly.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import {
  apiClient,
  redressEnv,
  type ServeProcess,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../support/processes.ts';

const DAY = 86_400_000;
const BACKLOG = 40;
const LIVE = 40;

/** The summaries a worker logged (`ran due jobs`, pino JSON on stdout). */
function workerTotals(worker: ServeProcess) {
  const totals = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };
  for (const line of worker.stdout().split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; jobs?: typeof totals };
    if (entry.msg !== 'ran due jobs' || !entry.jobs) continue;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += entry.jobs[key];
  }
  return totals;
}

/** Polls `check` until it holds; fails after `ms` with the workers' stderr. */
async function until(ms: number, what: string, workers: ServeProcess[], check: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `not true after ${ms} ms: ${what}\n` +
          workers.map((w, i) => `worker ${i} (running: ${w.running()}) stderr:\n${w.stderr()}`).join('\n'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachDialect('two servers', (harness) => {
  if (harness.dialect === 'sqlite') {
    it.skip('runs on PostgreSQL only: SQLite is one process’s embedded database, not shared by servers');
    return;
  }
  afterEach(stopAllProcesses);
  afterAll(stopAllProcesses);

  it('Two `redress serve` processes on one PostgreSQL run each due job exactly once', async () => {
    const db = await harness.freshDb();
    const env = redressEnv(db.options);
    const { token } = await staffToken(env);
    const web = await startServe(env, { role: 'web' });
    const api = apiClient(web.api, token);
    const raise = async (count: number, label: string, parallel = 8) => {
      const firstExpressedAt = new Date(Date.now() - 43 * DAY).toISOString();
      const references: string[] = [];
      for (let i = 0; i < count; i += parallel) {
        const batch = Array.from({ length: Math.min(parallel, count - i) }, async (_, j) => {
          const res = await api.post(
            '/complaints',
            phoneComplaint({ firstExpressedAt, description: `${label} ${i + j}` }),
          );
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          return res.body.reference as string;
        });
        references.push(...(await Promise.all(batch)));
      }
      return references;
    };

    // A backlog built up while no worker ran: `--role web` serves the API and leaves jobs alone.
    const backlog = await raise(BACKLOG, 'backlog');
    const pending = await db.kysely.selectFrom('jobs').select(['status']).execute();
    expect(pending.length).toBeGreaterThanOrEqual(BACKLOG);
    expect(new Set(pending.map((j) => j.status))).toEqual(new Set(['pending']));

    // Two worker processes start together and poll every 5 ms (the tighter, the likelier their claims
    // overlap); each tags its connections, so that we can tell when both are up.
    const workers = await Promise.all(
      [0, 1].map((n) => {
        const url = new URL(db.options.databaseUrl ?? '');
        url.searchParams.set('application_name', `redress-worker-${n}`);
        return startServe(
          { ...env, DATABASE_URL: url.toString(), WORKER_INTERVAL_MS: '5', LOG_LEVEL: 'info' },
          { role: 'worker' },
        );
      }),
    );
    const allDueDone = async (letters: number) => {
      const { outstanding } = await db.kysely
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('outstanding'))
        .where('status', 'in', ['pending', 'running'])
        .where('run_at', '<=', new Date().toISOString())
        .executeTakeFirstOrThrow();
      const issued = await db.kysely
        .selectFrom('adr_letters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(outstanding) === 0 && Number(issued.n) >= letters;
    };
    await until(60_000, 'the backlog worked off', workers, () => allDueDone(backlog.length));
    await until(10_000, 'both workers connected', workers, async () => {
      const rows = await db.kysely
        .selectFrom(sql<{ application_name: string }>`pg_stat_activity`.as('a'))
        .select('application_name')
        .distinct()
        .where('application_name', 'like', 'redress-worker-%')
        .execute();
      return rows.length === 2;
    });
    // Complaints arriving one by one now make jobs due while both workers poll: each arrival is a race.
    const live = await raise(LIVE, 'live', 1);
    const references = [...backlog, ...live];

    await until(60_000, 'every due job run and every letter issued', workers, () =>
      allDueDone(references.length),
    );
    const ended = await Promise.all(workers.map((w) => w.stop()));
    expect(ended, 'both workers shut down cleanly on SIGTERM').toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);

    // Every due job ran once: claimed once (attempts 1), finished once.
    const due = await db.kysely
      .selectFrom('jobs')
      .select(['kind', 'status', 'attempts', 'dedupe_key'])
      .where('run_at', '<=', new Date().toISOString())
      .execute();
    const timeLimit = due.filter((j) => j.kind === 'adr-time-limit');
    expect(timeLimit).toHaveLength(references.length);
    expect(due.filter((j) => j.status !== 'done' || j.attempts !== 1)).toEqual([]);

    // One letter, and one audit event saying so, per complaint.
    const complaints = await db.kysely.selectFrom('complaints').select(['id', 'reference']).execute();
    expect(complaints.map((c) => c.reference).sort()).toEqual([...references].sort());
    const letters = await db.kysely.selectFrom('adr_letters').select(['complaint_id', 'trigger']).execute();
    const issued = await db.kysely
      .selectFrom('audit_events')
      .select('complaint_id')
      .where('type', '=', 'adr-letter-issued')
      .execute();
    const countBy = (ids: (string | null)[]) =>
      Object.fromEntries(complaints.map((c) => [c.reference, ids.filter((id) => id === c.id).length]));
    const once = Object.fromEntries(complaints.map((c) => [c.reference, 1]));
    expect(countBy(letters.map((l) => l.complaint_id))).toEqual(once);
    expect(new Set(letters.map((l) => l.trigger))).toEqual(new Set(['time-limit']));
    expect(countBy(issued.map((e) => e.complaint_id))).toEqual(once);

    // No warning was given twice for the same week either.
    const warnings = await db.kysely
      .selectFrom('audit_events')
      .select(['complaint_id', sql<string>`payload`.as('payload')])
      .where('type', '=', 'adr-limit-warning')
      .execute();
    const warned = warnings.map(
      (w) => `${w.complaint_id}:${(JSON.parse(w.payload) as { week: number }).week}`,
    );
    expect(warned.length).toBe(new Set(warned).size);

    // The workers' own accounts agree: every job done was done by exactly one of them, none lost.
    const totals = workers.map(workerTotals);
    expect(totals.reduce((sum, t) => sum + t.done, 0)).toBe(due.length);
    expect(totals.map((t) => ({ lost: t.lost, failed: t.failed, retried: t.retried }))).toEqual([
      { lost: 0, failed: 0, retried: 0 },
      { lost: 0, failed: 0, retried: 0 },
    ]);
    // Informative: how the work was shared (both taking some shows the claims really raced).
    console.info(
      `two servers: ${due.length} due jobs; worker pids ${workers.map((w) => w.pid).join(', ')} ` +
        `did ${totals.map((t) => t.done).join(' and ')}`,
    );
    // Three processes rendering ~160 letters on two cores beside the rest of the suite: 30–55 s seen.
  }, 180_000);
});
