import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { startWorker } from '../jobs/worker.ts';
import type { Db } from './database.ts';
import { claimDue, complete, enqueue, fail, getJob, type Job, pruneDoneJobs } from './jobs.ts';

const T0 = new Date('2026-05-01T09:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A job claimed at T0 and finished `finishedAt` with the given outcome. */
async function finishedJob(db: Db, outcome: 'done' | 'failed', finishedAt: Date): Promise<string> {
  const id = await enqueue(db.kysely, { kind: 'k', payload: null, runAt: T0, maxAttempts: 1 }, T0);
  const [job] = await claimDue(db, { owner: 'w', now: T0, limit: 1, leaseMs: DAY });
  expect(job?.id).toBe(id);
  if (outcome === 'done') await complete(db, job as Job, finishedAt);
  else await fail(db, job as Job, new Error('gave up'), finishedAt);
  return id as string;
}

const statusOf = async (db: Db, id: string) => (await getJob(db.kysely, id))?.status ?? 'deleted';

describeEachDialect('pruning done jobs', (t) => {
  it('deletes done jobs finished before the cutoff, and keeps failed, recent and unfinished ones', async () => {
    const db = await t.freshDb();
    const oldDone = await finishedJob(db, 'done', at(DAY));
    const oldFailed = await finishedJob(db, 'failed', at(DAY));
    const recentDone = await finishedJob(db, 'done', at(40 * DAY));
    const pending = await enqueue(db.kysely, { kind: 'k', payload: null, runAt: at(DAY) }, T0);

    expect(await pruneDoneJobs(db, { before: at(30 * DAY) })).toBe(1);
    expect(await statusOf(db, oldDone)).toBe('deleted');
    expect(await statusOf(db, oldFailed)).toBe('failed');
    expect(await statusOf(db, recentDone)).toBe('done');
    expect(await statusOf(db, pending ?? '')).toBe('pending');
  });

  it('deletes in bounded batches, oldest first, and stops after the batches it was given', async () => {
    const db = await t.freshDb();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await finishedJob(db, 'done', at(i * 1000)));
    expect(await pruneDoneJobs(db, { before: at(DAY), batchSize: 2, maxBatches: 1 })).toBe(2);
    expect(await Promise.all(ids.map((id) => statusOf(db, id)))).toEqual([
      'deleted',
      'deleted',
      'done',
      'done',
      'done',
    ]);
    expect(await pruneDoneJobs(db, { before: at(DAY), batchSize: 2 })).toBe(3);
  });

  it('finds the jobs to delete through the (status, completed_at) index, not a table scan', async () => {
    const db = await t.freshDb();
    const cutoff = T0.toISOString();
    if (t.dialect === 'sqlite') {
      const { rows } = await sql<{ detail: string }>`explain query plan
        select id from jobs where status = 'done' and completed_at < ${cutoff} order by completed_at limit 500`.execute(
        db.kysely,
      );
      const plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(
        /SEARCH jobs USING (COVERING )?INDEX jobs_completed_idx \(status=\? AND completed_at<\?\)/,
      );
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } else {
      // An empty table is cheapest to scan, so the planner is told not to: this proves the index fits.
      const plan = await db.kysely.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`explain
          select id from jobs where status = 'done' and completed_at < ${cutoff} order by completed_at limit 500`.execute(
          trx,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index (Only )?Scan using jobs_completed_idx/);
      expect(plan).not.toMatch(/Sort/);
    }
  });

  it('is run by the worker after its first poll and then at most once per period', async () => {
    const db = await t.freshDb();
    const oldDone = await finishedJob(db, 'done', at(DAY));
    let clock = at(40 * DAY);
    const runs: Date[] = [];
    const worker = startWorker(
      db,
      {},
      {
        now: () => clock,
        owner: 'w',
        intervalMs: 5,
        logger: { info: () => undefined, error: () => undefined },
        housekeeping: {
          everyMs: 3_600_000,
          run: async () => {
            runs.push(clock);
            return pruneDoneJobs(db, { before: new Date(clock.getTime() - 30 * DAY) });
          },
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toHaveLength(1);
    clock = at(40 * DAY + 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await worker.stop();
    expect(runs).toHaveLength(2);
    expect(await statusOf(db, oldDone)).toBe('deleted');
  });
});
