/**
 * The queries behind the gauges /metrics reads on every scrape. Each is one statement answered from an
 * index, never a scan: the backlog from `jobs_due_idx` (status, run_at), so done jobs and timers not yet due
 * (most of the table) are never read; the ADR count from `complaints_adr_watch_idx`, a 7-day slice of the ADR clock's watch list.
 * Their plans are checked in operational-gauges.int.test.ts.
 */
import type { Executor } from './database.ts';
import type { JobStatus } from './schema.ts';

export interface JobBacklogRow {
  kind: string;
  status: Exclude<JobStatus, 'done'>;
  count: number;
  /** The earliest `run_at` of these jobs: for pending ones, since when the longest-waiting one is due. */
  oldestRunAt: string | null;
}

/** The backlog query, built but not run: jobBacklog runs it; the plan test explains it. */
export function jobBacklogQuery(executor: Executor, now: Date) {
  return executor
    .selectFrom('jobs')
    .select(['kind', 'status'])
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('run_at').as('oldest_run_at')])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.toISOString())]),
        eb('status', '=', 'running'),
        eb('status', '=', 'failed'),
      ]),
    )
    .groupBy(['kind', 'status']);
}

/** Due pending jobs, running jobs and failed ones, counted by kind and status. */
export async function jobBacklog(executor: Executor, now: Date): Promise<JobBacklogRow[]> {
  const rows = await jobBacklogQuery(executor, now).execute();
  return rows.map((r) => ({
    kind: r.kind,
    status: r.status as JobBacklogRow['status'],
    count: Number(r.count),
    oldestRunAt: r.oldest_run_at,
  }));
}

/**
 * Open complaints of customers who may use ADR, without an ADR letter yet, whose time limit falls between
 * `from` and `to` (London dates, both included).
 */
export async function countAdrLettersDue(executor: Executor, from: string, to: string): Promise<number> {
  const row = await adrLettersDueQuery(executor, from, to).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ADR count query, built but not run. */
export function adrLettersDueQuery(executor: Executor, from: string, to: string) {
  // Open, ADR-eligible and without a letter: the rows with a watch date (0014), from its own index.
  return executor
    .selectFrom('complaints as c')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('c.adr_watch_on', '>=', from)
    .where('c.adr_watch_on', '<=', to);
}
