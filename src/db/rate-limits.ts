/**
 * Request counts for the rate limits, shared by every process on the database: one row per window and key.
 * Counting is one statement (an upsert that returns the new count), so it is atomic on both dialects
 * without a transaction: two processes counting the same key at once get 1 and 2, never 1 and 1.
 */
import { sql } from 'kysely';
import type { Executor } from './database.ts';
import type { Instant } from './schema.ts';

/** Counts one more request for `key` in the window that began at `windowStart`; returns the window's count. */
export async function countHit(executor: Executor, key: string, windowStart: Instant): Promise<number> {
  const row = await executor
    .insertInto('rate_limit_hits')
    .values({ window_start: windowStart, key, count: 1 })
    .onConflict((oc) =>
      oc.columns(['window_start', 'key']).doUpdateSet({ count: sql<number>`rate_limit_hits.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes the windows that began before `before` (along the primary key); returns how many rows. */
export async function pruneRateLimitHits(executor: Executor, before: Instant): Promise<number> {
  const result = await executor
    .deleteFrom('rate_limit_hits')
    .where('window_start', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
