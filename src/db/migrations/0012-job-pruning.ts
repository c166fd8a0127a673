/**
 * Done jobs are pruned after JOB_RETENTION_DAYS (their effects live in the audit trail). The pruner asks for
 * the oldest done jobs, a bounded batch at a time; this index answers that from its first entries instead of
 * scanning every job ever run.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('jobs_completed_idx').on('jobs').columns(['status', 'completed_at']).execute();
}
