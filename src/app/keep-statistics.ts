/**
 * The query planner's statistics kept current (db/statistics.ts): at `serve` start, hourly in the worker's
 * housekeeping, and after `redress migrate`. Nothing to do on PostgreSQL, where autovacuum analyzes.
 */
import { keepStatistics as keepDatabaseStatistics, type StatisticsKept } from '../db/statistics.ts';
import type { AppContext } from './context.ts';

/** Analyzes the tables whose statistics are missing or stale; logs which, and how long it took. */
export async function keepStatistics(ctx: AppContext): Promise<StatisticsKept> {
  const started = performance.now();
  const kept = await keepDatabaseStatistics(ctx.db);
  if (kept.changed) {
    const ms = Math.round(performance.now() - started);
    ctx.logger.info({ tables: kept.analyzed, ms }, 'planner statistics updated');
  }
  return kept;
}
