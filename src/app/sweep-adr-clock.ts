/**
 * The safety net under the per-complaint ADR timers: every hour, every open, ADR-eligible complaint past its
 * limit without an ADR letter gets one. It catches what a single timer cannot: a customer whose type was
 * corrected to one that can use ADR, a timer that failed all its attempts, a database restored from backup,
 * a procedure whose limit changed (the stored ADR dates are brought up to date first). It also closes the
 * deadlocked complaints never referred whose ADR window has ended (their own timers may predate them).
 */
import { findComplaintRows } from '../db/complaint-list.ts';
import { findDeadlockPastAdrWindow, findOpenWithoutAdrLetter, updateAdrDueOn } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import { enqueueAll } from '../db/jobs.ts';
import { adrDueOn } from '../domain/clocks.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { runClockJob } from './run-clock-job.ts';

export const ADR_SWEEP_KIND = 'adr-sweep';
const HOUR_MS = 3_600_000;
const BATCH = 500;

/** Makes sure a sweep is due at the start of `at`'s hour (one per hour, however many processes ask). */
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

/** Re-derives stored ADR dates that no longer match the procedure (its limit changed since they were stored). */
async function refreshAdrDates(ctx: AppContext): Promise<void> {
  const stale = (await findOpenWithoutAdrLetter(ctx.db.kysely)).flatMap((row) => {
    const dueOn = adrDueOn(row, ctx.procedure);
    return dueOn === row.adrDueOn ? [] : [{ id: row.id, dueOn }];
  });
  // After a change of the procedure's limit every open complaint may need it: a few commits, not one each.
  for (let i = 0; i < stale.length; i += BATCH) {
    await transaction(ctx.db, async (trx) => {
      for (const { id, dueOn } of stale.slice(i, i + BATCH)) await updateAdrDueOn(trx, id, dueOn);
    });
  }
}

/** Issues every missing time-limit ADR letter; returns how many it issued. The next sweep is set first. */
export async function sweepAdrClock(ctx: AppContext): Promise<number> {
  // Set before the work, so that a failing sweep cannot end the hourly chain.
  await scheduleAdrSweep(ctx, new Date(ctx.now().getTime() + HOUR_MS));
  await refreshAdrDates(ctx);
  const today = londonDate(ctx.now());
  let issued = 0;
  let after: { value: string; id: string } | undefined;
  for (;;) {
    const due = await findComplaintRows(ctx.db.kysely, {
      adrDueBy: today,
      sort: 'adr_due_on',
      order: 'asc',
      after,
      limit: BATCH,
    });
    for (const row of due) {
      try {
        if ((await runClockJob(ctx, 'adr-time-limit', { complaintId: row.id })) === 'done') issued++;
      } catch (error) {
        // One complaint that fails must not keep the letter from the others; its own timer retries it.
        ctx.logger.error({ err: error, reference: row.reference }, 'ADR sweep could not check a complaint');
      }
    }
    const last = due.at(-1);
    if (due.length < BATCH || !last) break;
    after = { value: last.adr_due_on, id: last.id };
  }
  for (const row of await findDeadlockPastAdrWindow(ctx.db.kysely, today)) {
    try {
      await runClockJob(ctx, 'adr-window-end', { complaintId: row.id });
    } catch (error) {
      ctx.logger.error({ err: error, reference: row.reference }, 'ADR sweep could not close a complaint');
    }
  }
  return issued;
}
