/**
 * The durable job queue: jobs are rows, written in the same transaction as the change that causes them
 * (transactional outbox), claimed under a lease, retried with exponential backoff, and failed for good after
 * `max_attempts`. A worker that dies mid-job just lets its lease expire; the job is then claimable again.
 */
import type { Selectable, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { type Db, dialectOf, type Executor, transaction } from './database.ts';
import { newId } from './ids.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './job-backoff.ts';
import { notify } from './notifications.ts';
import type { JobStatus, JobsTable, Schema } from './schema.ts';

export interface Job {
  id: string;
  kind: string;
  /** Parsed JSON; handlers validate it. */
  payload: unknown;
  runAt: string;
  /** Claims so far, this one included. */
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  lastError: string | null;
  status: JobStatus;
  dedupeKey: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: Date;
  /**
   * At most one job exists per key (done and failed ones included), so a timer set twice runs once. Done jobs
   * are pruned after JOB_RETENTION_DAYS, which frees their keys: every key names a one-off cause (a complaint
   * version, a date, an hour), and clock jobs decide afresh when they run, so nothing re-enqueues one later.
   * Put whatever makes the purpose unique in the key (`adr-time-limit:<complaintId>`).
   */
  dedupeKey?: string | null | undefined;
  maxAttempts?: number | undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    lastError: row.last_error,
    status: row.status,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/**
 * Adds a job, normally inside the transaction of the change that causes it. Returns its id, or null when a
 * job with the same `dedupeKey` already exists (nothing is written). `now` only stamps `created_at`.
 */
export async function enqueue(executor: Executor, job: NewJob, now: Date): Promise<string | null> {
  return (await enqueueAll(executor, [job], now))[0] ?? null;
}

/** Jobs due within this long of being written wake the workers; later ones are found by polling. */
const WAKE_HORIZON_MS = 1000;

/**
 * Adds several jobs in one statement (fewer round trips inside a use case's transaction). Returns the ids of
 * those written; jobs whose `dedupeKey` already exists are skipped.
 */
export async function enqueueAll(executor: Executor, jobs: readonly NewJob[], now: Date): Promise<string[]> {
  if (jobs.length === 0) return [];
  const inserted = await executor
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        id: newId(now.getTime()),
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? null),
        run_at: job.runAt.toISOString(),
        attempts: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        status: 'pending' as const,
        dedupe_key: job.dedupeKey ?? null,
        created_at: now.toISOString(),
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  // A job due now wakes the workers (when this transaction commits, on PostgreSQL): an acknowledgement
  // should not wait for the next poll.
  if (inserted.length > 0 && jobs.some((job) => job.runAt.getTime() <= now.getTime() + WAKE_HORIZON_MS)) {
    await notify(executor, 'redress_jobs');
  }
  return inserted.map((row) => row.id);
}

export interface ClaimOptions {
  /** Who holds the lease (host:pid:random); recorded on the job for diagnosis. */
  owner: string;
  now: Date;
  limit: number;
  /** How long the claimer may work before others may take the job over. */
  leaseMs: number;
  /** Only these kinds (the ones this worker has handlers for); all kinds when omitted. */
  kinds?: readonly string[] | undefined;
}

/**
 * Claims up to `limit` jobs that are due (pending with `run_at` reached) or abandoned (running with an
 * expired lease), oldest first, and leases them to `owner`. On PostgreSQL the candidate rows are locked
 * with `FOR UPDATE SKIP LOCKED`, so concurrent claimers take disjoint sets without waiting for each other;
 * on SQLite the write transaction serialises claimers. An abandoned job that has used all its attempts is
 * failed here instead of being run again.
 */
export async function claimDue(db: Db | Executor, options: ClaimOptions): Promise<Job[]> {
  const now = options.now.toISOString();
  const leaseExpiresAt = new Date(options.now.getTime() + options.leaseMs).toISOString();
  if (options.kinds?.length === 0) return [];
  return transaction(db, async (trx) => {
    const postgres = dialectOf(trx) === 'postgres';
    const abandonedForGood = await trx
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'running')
      .where('lease_expires_at', '<=', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .$if(postgres, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (abandonedForGood.length > 0) {
      await trx
        .updateTable('jobs')
        .set({
          status: 'failed',
          last_error: 'lease expired on the last attempt',
          lease_owner: null,
          lease_expires_at: null,
          completed_at: now,
        })
        .where(
          'id',
          'in',
          abandonedForGood.map((r) => r.id),
        )
        .execute();
    }

    const candidates = await trx
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<=', now)]),
        ]),
      )
      .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
      .$if(options.kinds !== undefined, (qb) => qb.where('kind', 'in', options.kinds ?? []))
      .orderBy('run_at')
      .orderBy('id')
      .limit(options.limit)
      .$if(postgres, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (candidates.length === 0) return [];

    const claimed = await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        lease_owner: options.owner,
        lease_expires_at: leaseExpiresAt,
        attempts: eb(eb.ref('attempts'), '+', 1),
      }))
      .where(
        'id',
        'in',
        candidates.map((c) => c.id),
      )
      .returningAll()
      .execute();
    return claimed.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id));
  });
}

/**
 * Marks a claimed job done. Returns false (and changes nothing) when the claim is no longer this one's:
 * the lease expired and another worker took the job over.
 */
export async function complete(db: Db | Executor, job: Job, now: Date): Promise<boolean> {
  const executor = 'kysely' in db ? db.kysely : db;
  const result = await stillClaimed(
    executor.updateTable('jobs').set({
      status: 'done',
      completed_at: now.toISOString(),
      lease_owner: null,
      lease_expires_at: null,
    }),
    job,
  ).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type FailOutcome = 'retry' | 'failed' | 'lost';

/**
 * Records a failed try: the job runs again after an exponential backoff, or is `failed` for good once it
 * has used `max_attempts`. Returns `lost` (and changes nothing) when the claim is no longer this one's.
 */
export async function fail(
  db: Db | Executor,
  job: Job,
  error: unknown,
  now: Date,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): Promise<FailOutcome> {
  const executor = 'kysely' in db ? db.kysely : db;
  const lastError = describeError(error);
  const final = job.attempts >= job.maxAttempts;
  const changes = final
    ? { status: 'failed' as const, completed_at: now.toISOString() }
    : {
        status: 'pending' as const,
        run_at: new Date(now.getTime() + retryDelayMs(job.attempts, policy)).toISOString(),
      };
  const result = await stillClaimed(
    executor
      .updateTable('jobs')
      .set({ ...changes, last_error: lastError, lease_owner: null, lease_expires_at: null }),
    job,
  ).executeTakeFirst();
  if (result.numUpdatedRows === 0n) return 'lost';
  return final ? 'failed' : 'retry';
}

/** Restricts an update to the claim `job` came from: same owner, same attempt, still running. */
function stillClaimed(query: UpdateQueryBuilder<Schema, 'jobs', 'jobs', UpdateResult>, job: Job) {
  // `attempts` fences a worker that lost its lease to a later claim by the same owner name.
  return query
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', job.leaseOwner ?? '')
    .where('attempts', '=', job.attempts);
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text.slice(0, 4000);
}

export interface PruneOptions {
  /** Done jobs completed before this are deleted. */
  before: Date;
  /** Rows deleted per statement (default 500), so no statement holds its locks for long. */
  batchSize?: number | undefined;
  /** Stop after this many batches (default 100) even if more are old enough; the next run goes on. */
  maxBatches?: number | undefined;
}

/**
 * Deletes `done` jobs completed before `before`, oldest first, in bounded batches (each its own statement
 * and transaction), and returns how many it deleted. Failed jobs are kept: staff may need to see why.
 * Each batch is read from `jobs_completed_idx` (status, completed_at), never a scan of the whole table.
 */
export async function pruneDoneJobs(db: Db | Executor, options: PruneOptions): Promise<number> {
  const executor = 'kysely' in db ? db.kysely : db;
  const postgres = dialectOf(executor) === 'postgres';
  const before = options.before.toISOString();
  const batchSize = options.batchSize ?? 500;
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const result = await executor
      .deleteFrom('jobs')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'done')
          .where('completed_at', '<', before)
          .orderBy('completed_at')
          .limit(batchSize)
          // Two workers pruning at once take different rows instead of waiting on each other's.
          .$if(postgres, (qb) => qb.forUpdate().skipLocked()),
      )
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}

/** A job by id, for inspection and tests. */
export async function getJob(db: Executor, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/**
 * When the next job of `kinds` falls due: the earliest `run_at` of a pending job, or lease expiry of a running
 * one (it is claimable again then); undefined when none waits. A clock drill moves its clock to this time.
 * Each half reads the first entries of its index (`jobs_due_idx`, `jobs_lease_idx`), never every job.
 */
export async function nextDueAt(db: Executor, kinds: readonly string[]): Promise<Date | undefined> {
  if (kinds.length === 0) return undefined;
  // The first entry of one index: pending jobs by run_at, or running ones by when their lease expires.
  const earliest = (status: 'pending' | 'running', column: 'run_at' | 'lease_expires_at') =>
    db
      .selectFrom('jobs')
      .select(`${column} as at`)
      .where('status', '=', status)
      .where('kind', 'in', kinds)
      .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
      .orderBy(column)
      .limit(1)
      .executeTakeFirst();
  const pending = await earliest('pending', 'run_at');
  const abandoned = await earliest('running', 'lease_expires_at');
  const first = [pending?.at, abandoned?.at].filter((t): t is string => typeof t === 'string').sort()[0];
  return first === undefined ? undefined : new Date(first);
}
