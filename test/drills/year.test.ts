/**
 * A year in one test: complaints over twelve months with random closures and worker outages, every job run as
 * a clock drill (`runJobsUntil`). No ADR letter is late or missing, and every timer fires once, in order, at
 * its own time (or, if it fell due during an outage, the moment the worker was back).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { auditAdrLetters } from '../../src/app/audit-adr-letters.ts';
import { CLOCK_JOB_KINDS } from '../../src/app/clock-jobs.ts';
import type { AppContext } from '../../src/app/context.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { runJobsUntil } from '../../src/app/run-jobs-until.ts';
import { ADR_SWEEP_KIND } from '../../src/app/sweep-adr-clock.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { fileDocumentStore } from '../../src/storage/file-store.ts';
import { type DialectHarness, describeEachDialect, type TestDb } from '../support/databases.ts';
import { simulateYear, type YearDrillResult } from '../support/year-drill.ts';

// Enough for every fate several times over, small enough for well under 30 s a dialect on a quiet machine
// (each letter is a real PDF); the hook allows a machine shared with other builds much longer.
const COMPLAINTS = 60;
const START = new Date('2026-01-05T00:00:00Z');

async function drillContext(harness: DialectHarness): Promise<{ db: TestDb; ctx: AppContext }> {
  const db = await harness.freshDb();
  // The drill is about timers, not durability: FULL's fsync on each of the year's ~30,000 commits (three per
  // hourly sweep) took minutes; NORMAL in WAL mode still commits in order, it only skips the fsync.
  if (db.dialect === 'sqlite') await sql`pragma synchronous = normal`.execute(db.kysely);
  const ctx: AppContext = {
    db,
    documents: fileDocumentStore(mkdtempSync(join(tmpdir(), 'redress-drill-documents-'))),
    procedure: MISO_PROCEDURE,
    now: () => START,
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://localhost',
  };
  return { db, ctx };
}

describeEachDialect('a year as a clock drill', (harness) => {
  let ctx: AppContext;
  let year: YearDrillResult;
  beforeAll(async () => {
    ({ ctx } = await drillContext(harness));
    // Without the hourly sweep: it would issue within the hour any letter a timer missed, hiding the fault.
    year = await simulateYear(ctx, {
      complaints: COMPLAINTS,
      start: START,
      outages: 15,
      seed: 2026,
      sweeps: false,
    });
  }, 300_000);
  afterAll(() => ctx.db.close());

  it('issues every ADR letter on time: the ADR audit at the end of the year is clean', async () => {
    expect(year.fates['left-open'] + year.fates['step-left']).toBeGreaterThan(5);
    const findings = await auditAdrLetters({ ...ctx, now: () => year.end });
    expect(findings).toEqual([]);
    const letters = await ctx.db.kysely.selectFrom('adr_letters').select('trigger').execute();
    // Not vacuous: the clock issued time-limit letters, and deadlocks their own (the audit checks each was
    // produced as a document).
    expect(letters.filter((l) => l.trigger === 'time-limit').length).toBeGreaterThan(5);
    expect(letters.filter((l) => l.trigger === 'deadlock').length).toBeGreaterThan(2);
  });

  it('fires every timer once, in order, at its time or when the worker came back from an outage', async () => {
    const jobs = await ctx.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('run_at', '<=', year.end.toISOString())
      .orderBy('run_at')
      .orderBy('id')
      .execute();
    const timers = jobs.filter((j) => (CLOCK_JOB_KINDS as readonly string[]).includes(j.kind));
    expect(timers.length).toBeGreaterThan(COMPLAINTS);
    expect(new Set(timers.map((j) => j.kind))).toEqual(
      new Set(['adr-time-limit', 'adr-warning', 'no-response-close', 'step-overdue']),
    );
    const backAfter = (due: string) =>
      year.outages.find((o) => o.from.toISOString() <= due && due < o.to.toISOString());
    // Due at its time, or when it was made if that is later (a warning for a complaint logged weeks late).
    const dueAt = (job: { run_at: string; created_at: string }) =>
      [job.run_at, job.created_at].sort()[1] ?? job.run_at;
    const byDue = [...jobs].sort((a, b) => dueAt(a).localeCompare(dueAt(b)) || a.id.localeCompare(b.id));
    let previous = '';
    for (const job of byDue) {
      expect({ kind: job.kind, status: job.status, attempts: job.attempts }).toEqual({
        kind: job.kind,
        status: 'done',
        attempts: 1,
      });
      const due = dueAt(job);
      const ranAt = job.completed_at ?? '';
      expect(ranAt, `${job.kind} due ${due}`).toBe(backAfter(due)?.to.toISOString() ?? due);
      expect(ranAt >= previous, `${job.kind} due ${due} ran in order`).toBe(true);
      previous = ranAt;
    }
  });

  it('runs the hourly ADR sweep once an hour, each at its hour, in a drill over three days (73 hours)', async () => {
    const { ctx: swept } = await drillContext(harness);
    try {
      const from = new Date('2026-03-27T10:30:00Z');
      // Over the night the clocks go forward: hours are hours, whatever London's wall clock says.
      const report = await runJobsUntil({ ...swept, now: () => from }, new Date('2026-03-30T10:29:59Z'));
      const sweeps = await swept.db.kysely
        .selectFrom('jobs')
        .select(['run_at', 'completed_at', 'status'])
        .where('kind', '=', ADR_SWEEP_KIND)
        .orderBy('run_at')
        .execute();
      const done = sweeps.filter((s) => s.status === 'done');
      expect(done).toHaveLength(73);
      expect(done[0]?.completed_at).toBe('2026-03-27T10:30:00.000Z');
      expect(done.slice(1).every((s) => s.completed_at === s.run_at)).toBe(true);
      expect(new Set(done.map((s) => s.run_at)).size).toBe(73);
      expect(report.byKind[ADR_SWEEP_KIND]?.ran).toBe(73);
      // The next one waits, pending, for the next drill or worker.
      expect(sweeps.at(-1)).toMatchObject({ run_at: '2026-03-30T11:00:00.000Z', status: 'pending' });
    } finally {
      await swept.db.close();
    }
  });

  it('finds a letter late when the worker was down across its day: the check can fail', async () => {
    const { ctx: down } = await drillContext(harness);
    try {
      // One complaint, first expressed eight weeks ago tomorrow: its letter falls due the next day, while the
      // worker is down. (One logged after its limit gets its letter with it, whatever the worker.)
      const loggedAt = new Date('2026-03-02T10:00:00Z');
      const late = { ...down, now: () => loggedAt };
      const agent = await addUser(late, { email: 'agent@drill.redress', name: 'Agent', roles: ['agent'] });
      await recordComplaint(
        late,
        {
          customer: { name: 'Late Letter', email: 'late@example.org' },
          channel: 'phone',
          description: 'Never answered.',
          firstExpressedAt: '2026-01-06T09:00:00Z',
        },
        { kind: 'staff', id: agent.id, roles: ['agent'] },
      );
      // The worker stays down for two days, then a drill catches up.
      const back = new Date(loggedAt.getTime() + 2 * 86_400_000);
      await runJobsUntil({ ...down, now: () => back }, back);
      const findings = await auditAdrLetters({ ...down, now: () => back });
      expect(findings.map((f) => f.kind)).toEqual(['late']);
    } finally {
      await down.db.close();
    }
  });
});
