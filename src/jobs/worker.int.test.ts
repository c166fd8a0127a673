import { expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { enqueue, getJob, type Job } from '../db/jobs.ts';
import { type JobContext, runDueJobs, startWorker } from './worker.ts';

const T0 = new Date('2026-05-01T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const silent = { info: () => undefined, error: () => undefined };

describeEachDialect('job worker', (t) => {
  it('runs every due job once, including those missed while it was down, and reports what happened', async () => {
    const db = await t.freshDb();
    const ran: { payload: unknown; now: string }[] = [];
    for (const [payload, runAt] of [
      ['missed yesterday', at(-24 * HOUR)],
      ['due now', T0],
      ['tomorrow', at(24 * HOUR)],
    ] as const) {
      await enqueue(db.kysely, { kind: 'record', payload, runAt }, T0);
    }
    const broken = await enqueue(db.kysely, { kind: 'explode', payload: null, runAt: T0 }, T0);
    const unknown = await enqueue(db.kysely, { kind: 'from-a-newer-release', payload: null, runAt: T0 }, T0);

    const handlers = {
      record: async (job: Job, ctx: JobContext) => {
        ran.push({ payload: job.payload, now: ctx.now.toISOString() });
      },
      explode: async () => {
        throw new Error('boom');
      },
    };
    const summary = await runDueJobs(db, handlers, { now: () => T0, owner: 'w1', batchSize: 2 });

    expect(summary).toEqual({ claimed: 3, done: 2, retried: 1, failed: 0, lost: 0 });
    expect(ran).toEqual([
      { payload: 'missed yesterday', now: T0.toISOString() },
      { payload: 'due now', now: T0.toISOString() },
    ]);
    expect(await getJob(db.kysely, broken ?? '')).toMatchObject({
      status: 'pending',
      lastError: expect.stringContaining('boom'),
    });
    expect(await getJob(db.kysely, unknown ?? '')).toMatchObject({ status: 'pending', attempts: 0 });

    // Run again at the same instant: nothing left that is due.
    expect(await runDueJobs(db, handlers, { now: () => T0, owner: 'w1' })).toMatchObject({ claimed: 0 });
    // A day later the job set for tomorrow runs, and the broken one is retried.
    const nextDay = await runDueJobs(db, handlers, { now: () => at(24 * HOUR), owner: 'w1' });
    expect(nextDay).toEqual({ claimed: 2, done: 1, retried: 1, failed: 0, lost: 0 });
  });

  it('polls until stopped, running jobs as they fall due, and waits for the job in hand when stopped', async () => {
    const db = await t.freshDb();
    let clock = T0;
    const events: string[] = [];
    await enqueue(db.kysely, { kind: 'slow', payload: 'first', runAt: at(HOUR) }, T0);
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlers = {
      slow: async (job: Job) => {
        events.push(`start ${String(job.payload)}`);
        markStarted();
        await released;
        events.push(`end ${String(job.payload)}`);
      },
    };
    const worker = startWorker(db, handlers, {
      now: () => clock,
      owner: 'w',
      intervalMs: 10,
      logger: silent,
    });

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]); // not due yet, however often it polls
    clock = at(HOUR);
    await started;
    const stopping = worker.stop();
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(events).toEqual(['start first', 'end first']);
    expect((await db.kysely.selectFrom('jobs').select('status').executeTakeFirst())?.status).toBe('done');

    await enqueue(db.kysely, { kind: 'slow', payload: 'after stop', runAt: T0 }, T0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(2);
  });

  it('wakes at once for a job written due now, however long its poll interval', async () => {
    const db = await t.freshDb();
    const ran: string[] = [];
    let ranOne: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      ranOne = resolve;
    });
    let listening: Promise<unknown> = Promise.resolve();
    const worker = startWorker(
      db,
      {
        record: async (job: Job) => {
          ran.push(String(job.payload));
          ranOne();
        },
      },
      {
        now: () => T0,
        owner: 'w',
        intervalMs: 600_000,
        logger: silent,
        wakeUps: (onWake) => {
          const unlisten = db.listen('redress_jobs', onWake);
          listening = unlisten;
          return unlisten;
        },
      },
    );
    try {
      await listening;
      // Let the first poll (nothing due) finish, so the worker is asleep for ten minutes.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const writtenAt = Date.now();
      // As a use case writes it: inside a transaction, which on PostgreSQL notifies when it commits.
      await db.kysely
        .transaction()
        .execute((trx) => enqueue(trx, { kind: 'record', payload: 'woken', runAt: T0 }, T0));
      await done;
      expect(ran).toEqual(['woken']);
      expect(Date.now() - writtenAt).toBeLessThan(10_000);
    } finally {
      await worker.stop();
    }
  });

  it('keeps polling after a poll fails, and logs it', async () => {
    const db = await t.freshDb();
    const errors: object[] = [];
    let polls = 0;
    const worker = startWorker(
      db,
      { k: async () => undefined },
      {
        now: () => {
          polls++;
          if (polls === 1) throw new Error('clock unavailable');
          return T0;
        },
        owner: 'w',
        intervalMs: 5,
        logger: { info: () => undefined, error: (obj) => errors.push(obj) },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    await worker.stop();
    expect(errors).toHaveLength(1);
    expect(polls).toBeGreaterThan(2);
  });

  it("runs up to `concurrency` jobs at once, but one complaint's jobs one at a time and in order", async () => {
    const db = await t.freshDb();
    for (let i = 0; i < 8; i++) {
      await enqueue(
        db.kysely,
        { kind: 'work', payload: { complaintId: `c${i}`, step: 1 }, runAt: at(i) },
        T0,
      );
    }
    for (let step = 1; step <= 3; step++) {
      await enqueue(db.kysely, { kind: 'work', payload: { complaintId: 'same', step }, runAt: at(step) }, T0);
    }
    let now = 0;
    let most = 0;
    const inSame: number[] = [];
    let sameNow = 0;
    const handlers = {
      work: async (job: Job) => {
        const { complaintId, step } = job.payload as { complaintId: string; step: number };
        now++;
        most = Math.max(most, now);
        if (complaintId === 'same') {
          sameNow++;
          expect(sameNow).toBe(1);
          inSame.push(step);
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
        if (complaintId === 'same') sameNow--;
        now--;
      },
    };
    const summary = await runDueJobs(db, handlers, {
      now: () => at(HOUR),
      owner: 'w',
      concurrency: 4,
      batchSize: 5,
    });
    expect(summary).toEqual({ claimed: 11, done: 11, retried: 0, failed: 0, lost: 0 });
    expect(most).toBe(4);
    expect(inSame).toEqual([1, 2, 3]);
  });

  it('never runs a job twice when several workers claim from one database at once', async () => {
    const db = await t.freshDb();
    for (let i = 0; i < 60; i++) {
      await enqueue(db.kysely, { kind: 'once', payload: { complaintId: `c${i}` }, runAt: T0 }, T0);
    }
    const ran: string[] = [];
    const handlers = {
      once: async (job: Job) => {
        ran.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const summaries = await Promise.all(
      ['w1', 'w2', 'w3'].map((owner) =>
        runDueJobs(db, handlers, { now: () => T0, owner, concurrency: 4, batchSize: 4 }),
      ),
    );
    expect(summaries.reduce((sum, s) => sum + s.done, 0)).toBe(60);
    expect(new Set(ran).size).toBe(60);
    expect(ran).toHaveLength(60);
    const statuses = await db.kysely.selectFrom('jobs').select('status').distinct().execute();
    expect(statuses).toEqual([{ status: 'done' }]);
  });

  it('when stopped, claims nothing more and waits for every job in hand', async () => {
    const db = await t.freshDb();
    for (let i = 0; i < 10; i++) {
      await enqueue(db.kysely, { kind: 'slow', payload: { complaintId: `c${i}` }, runAt: T0 }, T0);
    }
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    let finished = 0;
    const worker = startWorker(
      db,
      {
        slow: async () => {
          started++;
          await released;
          finished++;
        },
      },
      { now: () => T0, owner: 'w', intervalMs: 5, logger: silent, concurrency: 3, batchSize: 3 },
    );
    await vi.waitFor(() => expect(started).toBe(3));
    const stopping = worker.stop();
    release();
    await stopping;
    expect(finished).toBe(3);
    const done = await db.kysely.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
    const pending = await db.kysely.selectFrom('jobs').select('id').where('status', '=', 'pending').execute();
    expect([done.length, pending.length]).toEqual([3, 7]);
  });
});
