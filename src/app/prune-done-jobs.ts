/**
 * Housekeeping of the job queue: a done job's effects live in the audit trail (and its email in the mail
 * log), so the row itself is only kept for a while, for diagnosis. Failed jobs are never pruned here.
 */
import { pruneDoneJobs as deleteDoneJobs } from '../db/jobs.ts';
import type { AppContext } from './context.ts';

const DAY_MS = 86_400_000;

/** Deletes the jobs that finished well more than `retentionDays` ago; returns how many. */
export async function pruneDoneJobs(
  ctx: AppContext,
  options: { retentionDays: number; batchSize?: number | undefined; maxBatches?: number | undefined },
): Promise<{ deleted: number; before: Date }> {
  const before = new Date(ctx.now().getTime() - options.retentionDays * DAY_MS);
  const deleted = await deleteDoneJobs(ctx.db, {
    before,
    batchSize: options.batchSize,
    maxBatches: options.maxBatches,
  });
  if (deleted > 0) ctx.logger.info({ deleted, before: before.toISOString() }, 'pruned done jobs');
  return { deleted, before };
}
