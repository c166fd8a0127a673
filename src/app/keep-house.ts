/**
 * The worker's hourly housekeeping: done jobs pruned past their retention, ended staff sessions and pending
 * sign-ins, the rate limits' ended windows and failed sign-ins of a day ago deleted, and the query planner's
 * statistics kept current. Each chore runs even if the one before it failed; the first failure is thrown.
 */
import type { AppContext } from './context.ts';
import { pruneRequestCounts } from './count-request.ts';
import { prunePendingSignIns } from './finish-sign-in.ts';
import { keepStatistics } from './keep-statistics.ts';
import { pruneDoneJobs } from './prune-done-jobs.ts';
import { pruneSessions } from './prune-sessions.ts';
import { pruneFailedSignIns } from './sign-in-lockout.ts';

/** Runs every housekeeping chore once. */
export async function keepHouse(ctx: AppContext, options: { retentionDays: number }): Promise<void> {
  const chores = [
    () => pruneDoneJobs(ctx, options),
    () => pruneSessions(ctx),
    () => pruneRequestCounts(ctx),
    () => pruneFailedSignIns(ctx),
    () => prunePendingSignIns(ctx),
    () => keepStatistics(ctx),
  ];
  let failure: { error: unknown } | undefined;
  for (const chore of chores) {
    try {
      await chore();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
