/**
 * `npm run bench -- --seed N [--dialect sqlite|postgres] [--out DIR | --database-url URL] [--batch B]`:
 * a realistic database of N complaints, written through the app's own use cases and repositories, B
 * complaints to a transaction (the use cases join it), so that a million takes minutes of commits, not a
 * million fsyncs.
 *
 * What it holds: complaints received over the last two years at a steady rate, every channel and category;
 * most closed within their first weeks (withdrawn, resolved with an agreed step done, resolved after a
 * chased follow-up, deadlock with the ombudsman's outcome implemented), the rest open across the stages
 * (attempt 1 with or without an owner, attempt 2, attempt 3, deadlock); a repeat complainant now and then.
 * The timers of the complaints left open run as the worker would have, at their own times (`runClockJob`):
 * ADR warnings, time-limit ADR letters, the close of a deadlock's ADR window. Every job then due is done.
 *
 * Letters: the first batch runs the real job handlers, so its letters are real PDFs rendered by the app and
 * its emails real messages. Rendering a PDF takes 50–75 ms, 3 or 4 per complaint: hours at a million. So
 * every later letter reuses the bytes, title and text of the first batch's letter of the same kind, stored
 * through the same `insertDocumentOnce` (wherever it keeps documents) under the source key the job would
 * use, with its `letter-issued` audit event and its email, sent.
 */
import { CLOCK_JOB_KINDS, type ClockJobKind } from '../src/app/clock-jobs.ts';
import type { AppContext } from '../src/app/context.ts';
import { issueCommand } from '../src/app/issue-command.ts';
import { jobHandlers } from '../src/app/job-handlers.ts';
import { recordComplaint } from '../src/app/record-complaint.ts';
import { runClockJob } from '../src/app/run-clock-job.ts';
import { transaction } from '../src/db/database.ts';
import { runDueJobs } from '../src/jobs/worker.ts';
import { type LetterTemplates, readTemplates, reuseLetters } from './seed-letters.ts';
import { type Fate, lifeOf } from './seed-lives.ts';
import { benchContext, count, flag, openTarget, progressBar } from './target.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T12:00:00Z');
const SPAN_DAYS = 730;

export async function seedCommand(argv: readonly string[]): Promise<number> {
  const total = count(argv, 'seed');
  const batch = Number(flag(argv, 'batch') ?? 500);
  const target = await openTarget(argv);
  try {
    let clock = NOW;
    const ctx = benchContext(target, () => clock);
    const staff = await addStaff(ctx);
    const bar = progressBar(`seed: ${target.db.dialect}`, total);
    const started = Date.now();
    const fates: Record<string, number> = {};
    let templates: LetterTemplates | undefined;
    const step = (SPAN_DAYS * DAY) / Math.max(total, 1);
    for (let first = 0; first < total; first += batch) {
      const last = Math.min(total, first + batch);
      await transaction(target.db, async (trx) => {
        const bctx: AppContext = { ...ctx, db: { ...target.db, kysely: trx }, now: () => clock };
        const watched = new Set<string>();
        let customerId: string | undefined;
        for (let i = first; i < last; i++) {
          const receivedAt = NOW.getTime() - SPAN_DAYS * DAY + i * step;
          const life = lifeOf(i, receivedAt, NOW.getTime(), staff);
          fates[life.fate] = (fates[life.fate] ?? 0) + 1;
          clock = new Date(receivedAt);
          const recorded = await recordComplaint(
            bctx,
            {
              ...life.facts,
              // One in ten is a repeat complainant, on the record already.
              customer: i % 10 === 9 && customerId ? { id: customerId } : life.facts.customer,
            },
            staff.agent,
          );
          for (const action of life.actions) {
            // A life cut short by now: the rest is still to come.
            if (action.at >= NOW.getTime()) break;
            clock = new Date(action.at);
            const complaint = await issueCommand(bctx, recorded.reference, action.command(), action.actor);
            action.after?.(complaint);
          }
          if (watching(life.fate)) watched.add(recorded.id);
          customerId ??= (
            await trx
              .selectFrom('complaints')
              .select('customer_id')
              .where('id', '=', recorded.id)
              .executeTakeFirst()
          )?.customer_id;
        }
        await runTimers(bctx, watched, (at) => {
          clock = at;
        });
        if (!templates) {
          // The first batch: the real handlers render every letter and send every email (to nowhere).
          clock = NOW;
          await runDueJobs(bctx.db, jobHandlers(bctx), {
            now: () => NOW,
            owner: 'seed',
            maxBatches: Number.MAX_SAFE_INTEGER,
            batchSize: 200,
          });
        } else {
          await reuseLetters(bctx, templates, NOW);
        }
        await trx
          .updateTable('jobs')
          .set((eb) => ({
            status: 'done',
            attempts: 1,
            completed_at: eb.fn.coalesce('run_at', 'created_at'),
          }))
          .where('status', '=', 'pending')
          .where('run_at', '<=', NOW.toISOString())
          .execute();
      });
      templates ??= await readTemplates(target.db.kysely, target.documents);
      bar.update(last);
    }
    bar.end();
    const seconds = (Date.now() - started) / 1000;
    const counts = await tableCounts(target.db.kysely);
    process.stdout.write(
      `seed: ${total} complaints on ${target.db.dialect} in ${seconds.toFixed(1)} s ` +
        `(${(total / seconds).toFixed(0)} complaints/s; a million at this rate: ${(1_000_000 / (total / seconds) / 60).toFixed(0)} min)\n` +
        `  where: ${target.where}\n  fates: ${JSON.stringify(fates)}\n  rows: ${JSON.stringify(counts)}\n`,
    );
    return 0;
  } finally {
    await target.close();
  }
}

/** Complaints whose timers matter: the open ones and those at deadlock (their ADR window ends). */
const watching = (fate: Fate) => fate.startsWith('open') || fate === 'deadlock';

/**
 * Runs the due clock jobs of the watched complaints as the worker would have, each at its own time (the
 * clock never going back), until none is left; the other complaints closed before theirs could do anything.
 */
async function runTimers(ctx: AppContext, watched: Set<string>, setClock: (at: Date) => void): Promise<void> {
  const kinds = CLOCK_JOB_KINDS as readonly string[];
  for (;;) {
    const due = await ctx.db.kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'run_at', 'created_at'])
      .where('status', '=', 'pending')
      .where('kind', 'in', kinds)
      .where('run_at', '<=', NOW.toISOString())
      .orderBy('run_at')
      .execute();
    const mine = due.filter((j) =>
      watched.has((JSON.parse(j.payload) as { complaintId: string }).complaintId),
    );
    if (mine.length === 0) return;
    for (const job of mine) {
      setClock(new Date([job.run_at, job.created_at].sort()[1] ?? job.run_at));
      await runClockJob(ctx, job.kind as ClockJobKind, JSON.parse(job.payload));
      await ctx.db.kysely
        .updateTable('jobs')
        .set({ status: 'done', attempts: 1, completed_at: ctx.now().toISOString() })
        .where('id', '=', job.id)
        .execute();
    }
  }
}

async function addStaff(ctx: AppContext) {
  const { addUser } = await import('../src/app/add-user.ts');
  const make = async (email: string, name: string, role: 'agent' | 'reviewer' | 'director') => {
    const user = await addUser(ctx, { email, name, roles: [role] });
    return { kind: 'staff' as const, id: user.id, roles: user.roles };
  };
  return {
    agent: await make('agent@seed.redress', 'Sam Agent', 'agent'),
    reviewer: await make('reviewer@seed.redress', 'Riley Reviewer', 'reviewer'),
    director: await make('director@seed.redress', 'Dana Director', 'director'),
  };
}

async function tableCounts(db: AppContext['db']['kysely']): Promise<Record<string, number>> {
  const tables = [
    'complaints',
    'customers',
    'audit_events',
    'jobs',
    'documents',
    'emails',
    'adr_letters',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
