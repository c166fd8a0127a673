/**
 * What operators watch besides request timings: the job backlog (is the worker keeping up? is anything
 * failing for good?) and the ADR letters about to fall due (is the time limit about to be missed?).
 */
import { countAdrLettersDue, type JobBacklogRow, jobBacklog } from '../db/operational-gauges.ts';
import { addDays, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';

export interface OperationalGauges {
  jobs: JobBacklogRow[];
  /** Complaints whose ADR letter falls due today or in the next 7 days and has not been issued. */
  adrLettersDueWithin7Days: number;
}

/** Reads the gauges as of `ctx.now()`; two indexed queries. */
export async function readOperationalGauges(ctx: AppContext): Promise<OperationalGauges> {
  const now = ctx.now();
  const today = londonDate(now);
  const [jobs, adrLettersDueWithin7Days] = await Promise.all([
    jobBacklog(ctx.db.kysely, now),
    countAdrLettersDue(ctx.db.kysely, today, addDays(today, 7)),
  ]);
  return { jobs, adrLettersDueWithin7Days };
}
