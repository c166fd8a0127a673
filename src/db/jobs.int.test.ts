import { describe, expect, it } from 'vitest';
import { runContenders } from '../../test/support/contenders.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import type { Db } from './database.ts';
import { claimDue, complete, enqueue, fail, getJob, type Job } from './jobs.ts';

const T0 = new Date('2026-05-01T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

async function enqueueMany(db: Db, count: number, runAt = T0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await enqueue(db.kysely, { kind: 'k', payload: { i }, runAt }, T0);
    if (id) ids.push(id);
  }
  return ids;
}

const claim = (db: Db, owner: string, now: Date, limit = 10) =>
  claimDue(db, { owner, now, limit, leaseMs: 5 * MINUTE });

describeEachDialect('job queue', (t) => {
  it('keeps one job per dedupe key, whatever state the first is in', async () => {
    const db = await t.freshDb();
    const job = { kind: 'adr-time-limit', payload: { complaintId: 'k1' }, runAt: T0, dedupeKey: 'adr:k1' };
    const first = await enqueue(db.kysely, job, T0);
    expect(first).toEqual(expect.any(String));
    expect(await enqueue(db.kysely, { ...job, runAt: later(MINUTE) }, T0)).toBeNull();
    const [claimed] = await claim(db, 'w1', T0);
    await complete(db, claimed as Job, T0);
    expect(await enqueue(db.kysely, job, T0)).toBeNull();
    expect(await enqueue(db.kysely, { ...job, dedupeKey: null }, T0)).toEqual(expect.any(String));
    expect(await enqueue(db.kysely, { ...job, dedupeKey: null }, T0)).toEqual(expect.any(String));
  });

  it('claims only due jobs, oldest first, leased to the claimer', async () => {
    const db = await t.freshDb();
    const late = await enqueue(db.kysely, { kind: 'k', payload: 'late', runAt: later(2 * MINUTE) }, T0);
    const early = await enqueue(db.kysely, { kind: 'k', payload: 'early', runAt: T0 }, T0);
    const future = await enqueue(db.kysely, { kind: 'k', payload: 'future', runAt: later(60 * MINUTE) }, T0);
    const jobs = await claim(db, 'w1', later(5 * MINUTE));
    expect(jobs.map((j) => j.id)).toEqual([early, late]);
    expect(jobs[0]).toMatchObject({
      status: 'running',
      leaseOwner: 'w1',
      leaseExpiresAt: later(10 * MINUTE).toISOString(),
      attempts: 1,
      payload: 'early',
    });
    expect(await claim(db, 'w2', later(6 * MINUTE))).toEqual([]);
    expect((await getJob(db.kysely, future ?? ''))?.status).toBe('pending');
  });

  it('claims only the kinds asked for', async () => {
    const db = await t.freshDb();
    await enqueue(db.kysely, { kind: 'email', payload: null, runAt: T0 }, T0);
    const timer = await enqueue(db.kysely, { kind: 'timer', payload: null, runAt: T0 }, T0);
    const jobs = await claimDue(db, { owner: 'w', now: T0, limit: 10, leaseMs: MINUTE, kinds: ['timer'] });
    expect(jobs.map((j) => j.id)).toEqual([timer]);
    expect(await claimDue(db, { owner: 'w', now: T0, limit: 10, leaseMs: MINUTE, kinds: [] })).toEqual([]);
  });

  it("gives a crashed worker's job to another once the lease expires, and ignores the first worker after", async () => {
    const db = await t.freshDb();
    await enqueueMany(db, 1);
    const [first] = await claim(db, 'crashed', T0);
    expect(await claim(db, 'w2', later(4 * MINUTE))).toEqual([]);
    const [second] = await claim(db, 'w2', later(5 * MINUTE));
    expect(second).toMatchObject({ id: first?.id, leaseOwner: 'w2', attempts: 2 });
    expect(await complete(db, first as Job, later(6 * MINUTE))).toBe(false);
    expect(await fail(db, first as Job, new Error('late'), later(6 * MINUTE))).toBe('lost');
    expect(await complete(db, second as Job, later(6 * MINUTE))).toBe(true);
    expect(await getJob(db.kysely, first?.id ?? '')).toMatchObject({
      status: 'done',
      completedAt: later(6 * MINUTE).toISOString(),
      leaseOwner: null,
    });
  });

  it('retries a failed job with exponential backoff, then fails it for good', async () => {
    const db = await t.freshDb();
    await enqueue(db.kysely, { kind: 'k', payload: null, runAt: T0, maxAttempts: 3 }, T0);
    const policy = { baseMs: 10_000, maxMs: 15_000 };

    const [a1] = await claim(db, 'w', T0);
    expect(await fail(db, a1 as Job, new Error('smtp down'), T0, policy)).toBe('retry');
    expect(await getJob(db.kysely, a1?.id ?? '')).toMatchObject({
      status: 'pending',
      runAt: later(10_000).toISOString(),
      lastError: expect.stringContaining('smtp down'),
      leaseOwner: null,
    });
    expect(await claim(db, 'w', later(9_999))).toEqual([]);

    const [a2] = await claim(db, 'w', later(10_000));
    expect(a2?.attempts).toBe(2);
    await fail(db, a2 as Job, 'still down', later(10_000), policy);
    // 2 × base would be 20 s; the cap is 15 s.
    expect((await getJob(db.kysely, a1?.id ?? ''))?.runAt).toBe(later(25_000).toISOString());

    const [a3] = await claim(db, 'w', later(25_000));
    expect(await fail(db, a3 as Job, 'gave up', later(25_000), policy)).toBe('failed');
    expect(await getJob(db.kysely, a1?.id ?? '')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'gave up',
    });
    expect(await claim(db, 'w', later(60 * MINUTE))).toEqual([]);
  });

  it('fails a job whose lease expired on its last attempt instead of running it again', async () => {
    const db = await t.freshDb();
    const id = await enqueue(db.kysely, { kind: 'k', payload: null, runAt: T0, maxAttempts: 1 }, T0);
    await claim(db, 'crashed', T0);
    expect(await claim(db, 'w2', later(10 * MINUTE))).toEqual([]);
    expect(await getJob(db.kysely, id ?? '')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  describe('under concurrency', () => {
    it('never gives the same job to two claimers on the same database handle', async () => {
      const db = await t.freshDb();
      const ids = await enqueueMany(db, 60);
      const batches = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          claimDue(db, { owner: `w${i}`, now: T0, limit: 5, leaseMs: MINUTE }),
        ),
      );
      const claimed = batches.flat().map((j) => j.id);
      expect(claimed.sort()).toEqual([...ids].sort());
    });

    it('never gives the same job to two pools or processes claiming at once', async () => {
      const db = await t.freshDb();
      const ids = await enqueueMany(db, 90);
      const claimed: string[] = [];
      if (t.dialect === 'postgres') {
        // Two pools in this process race each other batch by batch.
        const other = await t.reopen(db);
        const drain = async (handle: Db, owner: string) => {
          for (;;) {
            const jobs = await claim(handle, owner, T0, 2);
            if (jobs.length === 0) return;
            claimed.push(...jobs.map((j) => j.id));
          }
        };
        await Promise.all([drain(db, 'a'), drain(other, 'b'), drain(db, 'c'), drain(other, 'd')]);
        expect(claimed.sort()).toEqual([...ids].sort());
        claimed.length = 0;
        await db.kysely.updateTable('jobs').set({ status: 'pending', attempts: 0 }).execute();
      }
      const perProcess = await runContenders<string[]>(3, {
        kind: 'claim',
        options: db.options,
        at: T0.toISOString(),
      });
      claimed.push(...perProcess.flat());
      expect(claimed.sort()).toEqual([...ids].sort());
      expect(perProcess.filter((p) => p.length > 0).length).toBeGreaterThan(1);
    });
  });
});
