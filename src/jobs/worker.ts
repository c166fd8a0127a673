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
  /**
   * Jobs run at once (default 1: one after another). More lets one job's letter render in a thread and
   * another's email wait on its SMTP server meanwhile. Jobs of one complaint still run one at a time, in order.
   */
  concurrency?: number | undefined;
  /** How long a job may run before another worker may take it over (default 5 minutes). */
  leaseMs?: number | undefined;
  backoff?: BackoffPolicy | undefined;
  /** Stop after this many batches even if more are due (default 100), so one run always ends. */
  maxBatches?: number | undefined;
  /** Asked before each claim: once true, nothing more is claimed and the run ends with the jobs in hand. */
  stopping?: (() => boolean) | undefined;
  /** Told of each job this worker ran, how it ended and how long it took (for the process's metrics). */
  onFinished?: ((job: Job, outcome: JobOutcome, seconds: number) => void) | undefined;
}

/** How one run of a job ended: as RunSummary counts it. */
export type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

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
 * Jobs in one lane run one at a time, in the order claimed: a complaint's jobs (by their payload's
 * `complaintId`) never overtake each other within a worker, as they could not when jobs ran one by one.
 */
function laneOf(job: Job): string {
  const payload = job.payload;
  if (payload !== null && typeof payload === 'object' && 'complaintId' in payload) {
    const complaintId = (payload as { complaintId: unknown }).complaintId;
    if (typeof complaintId === 'string') return `complaint:${complaintId}`;
  }
  return `job:${job.id}`;
}

/**
 * Runs every job that is due now, once, and says what happened. Only kinds with a handler are claimed, so a
 * worker from an older release leaves newer kinds to workers that know them. Up to `concurrency` jobs run
 * at once; the next batch is claimed only when every claimed job has started and a slot is free, so no job
 * sits leased to this worker while it could run elsewhere for longer than a batch takes.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: RunOptions): Promise<RunSummary> {
  const summary = emptySummary();
  const kinds = Object.keys(handlers);
  const batchSize = options.batchSize ?? 20;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxBatches = options.maxBatches ?? 100;
  /** Claimed, not yet started (its lane busy, or no free slot). */
  const waiting: { job: Job; ctx: JobContext }[] = [];
  const running = new Set<Promise<void>>();
  const busyLanes = new Set<string>();
  let batches = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;

  const start = (job: Job, ctx: JobContext) => {
    const lane = laneOf(job);
    busyLanes.add(lane);
    const run: Promise<void> = runOne(db, handlers, job, ctx, options, summary)
      .catch((error: unknown) => {
        // The database failed while recording the outcome: the job's lease lapses and it runs again.
        failure ??= { error };
      })
      .finally(() => {
        busyLanes.delete(lane);
        running.delete(run);
      });
    running.add(run);
  };
  const startWhatCan = () => {
    for (let i = 0; i < waiting.length && running.size < concurrency; ) {
      const next = waiting[i];
      if (!next || busyLanes.has(laneOf(next.job))) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      start(next.job, next.ctx);
    }
  };

  for (;;) {
    startWhatCan();
    const mayClaim =
      !exhausted &&
      failure === undefined &&
      batches < maxBatches &&
      !options.stopping?.() &&
      waiting.length === 0 &&
      running.size < concurrency;
    if (mayClaim) {
      batches++;
      let claimedAt: Date;
      let jobs: Job[];
      try {
        claimedAt = options.now();
        jobs = await claimDue(db, {
          owner: options.owner,
          now: claimedAt,
          limit: batchSize,
          leaseMs: options.leaseMs ?? 300_000,
          kinds,
        });
      } catch (error) {
        failure ??= { error };
        continue;
      }
      summary.claimed += jobs.length;
      for (const job of jobs) waiting.push({ job, ctx: { db, now: claimedAt, owner: options.owner } });
      // Nothing due: the run ends once the jobs in hand finish, unless one of them makes another due (an
      // email a letter queues), so claim once more after each finishes.
      exhausted = jobs.length === 0;
      continue;
    }
    if (running.size === 0) break;
    await Promise.race(running);
    exhausted = false;
  }
  if (failure) throw failure.error;
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
  const startedAt = performance.now();
  let outcome: JobOutcome | undefined;
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job, ctx);
  } catch (error) {
    outcome = await fail(db, job, error, options.now(), options.backoff ?? DEFAULT_BACKOFF);
  }
  // Recording success stays outside the try: if that write fails, the job was not failed either.
  outcome ??= (await complete(db, job, options.now())) ? 'done' : 'lost';
  if (outcome === 'retry') summary.retried++;
  else summary[outcome]++;
  options.onFinished?.(job, outcome, (performance.now() - startedAt) / 1000);
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
   * Housekeeping run after a poll at most every `everyMs` (and after the first): deleting old done jobs,
   * keeping the planner's statistics. It runs between polls, never beside one, so one worker never contends
   * with itself.
   */
  housekeeping?: { everyMs: number; run: () => Promise<unknown> } | undefined;
  /**
   * Subscribes to "a job is due now" (`db.listen('redress_jobs', …)`): a sleeping worker then polls at once,
   * and one that is polling polls again when it finishes, instead of waiting `intervalMs`.
   */
  wakeUps?: ((onWake: () => void) => Promise<() => Promise<void>>) | undefined;
}

export interface Worker {
  /** Claims nothing more and waits for the jobs in hand (claimed in the last batch) to finish. */
  stop(): Promise<void>;
}

/**
 * Polls for due jobs every `intervalMs`, starting at once, and at once again after a poll that found work
 * (under sustained load the worker never sleeps) or when woken (`wakeUps`). A failing poll (database
 * unreachable) is logged and retried on the next one; the worker only stops when told to.
 */
export function startWorker(db: Db, handlers: JobHandlers, options: WorkerOptions): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let houseKeptAt: number | undefined;
  let polling = false;
  /** Woken while polling: what woke it may have been written after that poll's claim. */
  let wokenMeanwhile = false;

  const runOptions: RunOptions = { ...options, stopping: () => stopped || (options.stopping?.() ?? false) };
  /** Resolves with whether the poll found work. */
  const poll = async (): Promise<boolean> => {
    let busy = false;
    try {
      const summary = await runDueJobs(db, handlers, runOptions);
      busy = summary.claimed > 0;
      if (busy) options.logger.info({ jobs: summary }, 'ran due jobs');
    } catch (error) {
      options.logger.error({ err: error }, 'job poll failed');
    }
    const housekeeping = options.housekeeping;
    const now = options.now().getTime();
    if (housekeeping && (houseKeptAt === undefined || now - houseKeptAt >= housekeeping.everyMs)) {
      houseKeptAt = now;
      try {
        await housekeeping.run();
      } catch (error) {
        options.logger.error({ err: error }, 'housekeeping failed');
      }
    }
    return busy;
  };
  const tick = () => {
    timer = undefined;
    polling = true;
    wokenMeanwhile = false;
    running = poll().then((busy) => {
      polling = false;
      if (!stopped) timer = setTimeout(tick, busy || wokenMeanwhile ? 0 : options.intervalMs);
    });
  };
  const unlisten = options.wakeUps?.(() => {
    if (stopped) return;
    if (polling) {
      wokenMeanwhile = true;
    } else {
      clearTimeout(timer);
      tick();
    }
  });
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await (await unlisten)?.();
      await running;
    },
  };
}
