/**
 * Runs jobs: once (`redress jobs run`, tests) or by polling (`redress serve`). Because due jobs are found by
 * `run_at <= now`, a worker that was down simply finds everything it missed on its next poll.
 */
import type { Db } from '../db/database.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF } from '../db/job-backoff.ts';
import { claimDue, complete, fail, type Job } from '../db/jobs.ts';

export interface JobContext {
  db: Db;
  /** The time the job was claimed: handlers decide with this, never with the wall clock. */
  now: Date;
  owner: string;
}

/** Does the job's work. Throwing makes the job retry later (or fail for good after its last attempt). */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RunOptions {
  now: () => Date;
  /** Lease holder name; unique per process (e.g. `${hostname}:${pid}`). */
  owner: string;
  /** Jobs claimed per round trip (default 20). */
  batchSize?: number | undefined;
  /** How long a job may run before another worker may take it over (default 5 minutes). */
  leaseMs?: number | undefined;
  backoff?: BackoffPolicy | undefined;
  /** Stop after this many batches even if more are due (default 100), so one run always ends. */
  maxBatches?: number | undefined;
}

export interface RunSummary {
  claimed: number;
  done: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Failed on their last attempt. */
  failed: number;
  /** Finished after their lease had passed to another worker; that worker's result counts. */
  lost: number;
}

const emptySummary = (): RunSummary => ({ claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 });

/**
 * Runs every job that is due now, once, and says what happened. Only kinds with a handler are claimed, so a
 * worker from an older release leaves newer kinds to workers that know them.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: RunOptions): Promise<RunSummary> {
  const summary = emptySummary();
  const kinds = Object.keys(handlers);
  const batchSize = options.batchSize ?? 20;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const claimedAt = options.now();
    const jobs = await claimDue(db, {
      owner: options.owner,
      now: claimedAt,
      limit: batchSize,
      leaseMs: options.leaseMs ?? 300_000,
      kinds,
    });
    summary.claimed += jobs.length;
    for (const job of jobs) {
      await runOne(db, handlers, job, { db, now: claimedAt, owner: options.owner }, options, summary);
    }
    // Keep going until nothing is due: jobs the run itself makes due (an email a letter queues) run too.
    if (jobs.length === 0) break;
  }
  return summary;
}

async function runOne(
  db: Db,
  handlers: JobHandlers,
  job: Job,
  ctx: JobContext,
  options: RunOptions,
  summary: RunSummary,
): Promise<void> {
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job, ctx);
  } catch (error) {
    const outcome = await fail(db, job, error, options.now(), options.backoff ?? DEFAULT_BACKOFF);
    if (outcome === 'retry') summary.retried++;
    else if (outcome === 'failed') summary.failed++;
    else summary.lost++;
    return;
  }
  if (await complete(db, job, options.now())) summary.done++;
  else summary.lost++;
}

/** The subset of a pino logger the worker uses. */
export interface WorkerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions extends RunOptions {
  /** Pause between polls. */
  intervalMs: number;
  logger: WorkerLogger;
  /**
   * Housekeeping run after a poll at most every `everyMs` (and after the first): deleting old done jobs.
   * It runs between polls, never beside one, so one worker never contends with itself.
   */
  prune?: { everyMs: number; run: () => Promise<unknown> } | undefined;
}

export interface Worker {
  /** Stops polling and waits for the run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Polls for due jobs every `intervalMs`, starting at once. A failing poll (database unreachable) is logged
 * and retried on the next one; the worker only stops when told to.
 */
export function startWorker(db: Db, handlers: JobHandlers, options: WorkerOptions): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let prunedAt: number | undefined;

  const poll = async () => {
    try {
      const summary = await runDueJobs(db, handlers, options);
      if (summary.claimed > 0) options.logger.info({ jobs: summary }, 'ran due jobs');
    } catch (error) {
      options.logger.error({ err: error }, 'job poll failed');
    }
    const prune = options.prune;
    const now = options.now().getTime();
    if (prune && (prunedAt === undefined || now - prunedAt >= prune.everyMs)) {
      prunedAt = now;
      try {
        await prune.run();
      } catch (error) {
        options.logger.error({ err: error }, 'pruning done jobs failed');
      }
    }
  };
  const tick = () => {
    running = poll().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
