/**
 * The safety net under the per-complaint ADR timers: every hour, every open, ADR-eligible complaint past its
 * limit without an ADR letter gets one. It catches what a single timer cannot: a customer whose type was
 * corrected to one that can use ADR, a timer that failed all its attempts, a database restored from backup.
 */
import { findComplaintRows } from '../db/complaint-list.ts';
import { enqueueAll } from '../db/jobs.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { runClockJob } from './run-clock-job.ts';

export const ADR_SWEEP_KIND = 'adr-sweep';
const HOUR_MS = 3_600_000;
const BATCH = 500;

/** Makes sure a sweep is due now (one per hour, however many processes ask). */
export async function scheduleAdrSweep(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  await enqueueAll(
    ctx.db.kysely,
    [
      {
        kind: ADR_SWEEP_KIND,
        payload: null,
        runAt: hour,
        dedupeKey: `${ADR_SWEEP_KIND}:${hour.toISOString()}`,
      },
    ],
    ctx.now(),
  );
}

/** Issues every missing time-limit ADR letter; returns how many it issued. Then sets the next sweep. */
export async function sweepAdrClock(ctx: AppContext): Promise<number> {
  const today = londonDate(ctx.now());
  let issued = 0;
  for (;;) {
    const due = await findComplaintRows(ctx.db.kysely, {
      adrDueBy: today,
      sort: 'adr_due_on',
      order: 'asc',
      limit: BATCH,
    });
    let progress = 0;
    for (const row of due)
      if ((await runClockJob(ctx, 'adr-time-limit', { complaintId: row.id })) === 'done') progress++;
    issued += progress;
    // Stop when a batch changed nothing (what remains is not due in the clock's own judgement).
    if (due.length < BATCH || progress === 0) break;
  }
  await scheduleAdrSweep(ctx, new Date(ctx.now().getTime() + HOUR_MS));
  return issued;
}
