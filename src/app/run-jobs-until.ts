/**
 * A clock drill: every job due up to a moment runs, with the clock set to each job's due time in turn, as a
 * worker that never stopped would have run it. A provider rehearses a holiday shutdown on a copy of the
 * database ("who gets an ADR letter while we are closed, and are they all on time?"), and tests simulate a
 * year. Jobs the run itself causes (the email an ADR letter queues, the next hourly sweep) run too, at their
 * own times. The clock never goes back: a job due before the drill's start runs at the start.
 *
 * It runs on whatever database the context holds: the caller decides whether that may be the live one
 * (`liveServers`), and where the mail goes.
 */
import { hostname } from 'node:os';
import { nextDueAt } from '../db/jobs.ts';
import { type JobHandlers, type RunSummary, runDueJobs } from '../jobs/worker.ts';
import type { AppContext } from './context.ts';
import { jobHandlers } from './job-handlers.ts';
import { ADR_SWEEP_KIND, scheduleAdrSweep } from './sweep-adr-clock.ts';

export interface KindCount {
  /** Runs of this kind (a retried job counts each time). */
  ran: number;
  /** The clock at the first and last run. */
  first: Date;
  last: Date;
}

export interface DrillReport extends RunSummary {
  /** The clock at the start (the context's now) and at the end (`until`, or the start if that is later). */
  from: Date;
  until: Date;
  byKind: Record<string, KindCount>;
  /** The clock at the first and last job run; undefined when nothing was due. */
  first: Date | undefined;
  last: Date | undefined;
}

export interface DrillOptions {
  /** Called after each due time's jobs have run, with the clock then (a progress line). */
  onStep?: ((clock: Date, report: DrillReport) => void) | undefined;
  /** Lease holder name (default host:pid:drill). */
  owner?: string | undefined;
  /**
   * Kinds to leave alone. The year-long drill test leaves out the hourly ADR sweep: it would issue within the
   * hour any letter a timer missed, and so hide the very fault the test looks for.
   */
  skipKinds?: readonly string[] | undefined;
}

/** Runs every job due up to and including `until`, in order of due time, and says what ran. */
export async function runJobsUntil(
  ctx: AppContext,
  until: Date,
  options: DrillOptions = {},
): Promise<DrillReport> {
  let clock = ctx.now();
  const drill: AppContext = { ...ctx, now: () => clock };
  const report: DrillReport = {
    from: clock,
    until: until > clock ? until : clock,
    byKind: {},
    first: undefined,
    last: undefined,
    claimed: 0,
    done: 0,
    retried: 0,
    failed: 0,
    lost: 0,
  };
  const skip = new Set(options.skipKinds ?? []);
  const handlers = counted(
    Object.fromEntries(Object.entries(jobHandlers(drill)).filter(([kind]) => !skip.has(kind))),
    report,
    () => clock,
  );
  const kinds = Object.keys(handlers);
  const owner = options.owner ?? `${hostname()}:${process.pid}:drill`;
  // As `serve` and `jobs run` do: the hourly safety net is part of what a running Redress does.
  if (!skip.has(ADR_SWEEP_KIND)) await scheduleAdrSweep(drill);
  for (;;) {
    const next = await nextDueAt(ctx.db.kysely, kinds);
    if (!next || next > until) break;
    if (next > clock) clock = next;
    // One batch, then ask again: the next question finds what this batch caused (an email due now) as well
    // as what is due later, without the extra empty claim a worker's loop ends with.
    const summary = await runDueJobs(ctx.db, handlers, {
      now: () => clock,
      owner,
      batchSize: 100,
      maxBatches: 1,
    });
    report.claimed += summary.claimed;
    report.done += summary.done;
    report.retried += summary.retried;
    report.failed += summary.failed;
    report.lost += summary.lost;
    // Due, yet nothing claimable: another process holds it. Stop rather than spin on it.
    if (summary.claimed === 0) break;
    options.onStep?.(clock, report);
    // better-sqlite3 answers synchronously: let the event loop turn (signals, output) between due times.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return report;
}

/** The handlers, each counting its runs by kind with the drill's clock. */
function counted(handlers: JobHandlers, report: DrillReport, clock: () => Date): JobHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      async (job, jobCtx) => {
        const at = clock();
        const count = report.byKind[kind];
        if (count) {
          count.ran++;
          count.last = at;
        } else {
          report.byKind[kind] = { ran: 1, first: at, last: at };
        }
        report.first ??= at;
        report.last = at;
        await handler(job, jobCtx);
      },
    ]),
  );
}
