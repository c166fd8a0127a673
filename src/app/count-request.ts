/**
 * The rate limits' counting, shared by every process on one database (db/rate-limits.ts). Windows are fixed
 * and aligned to the clock (a minute's window runs from :00 to :00), so every process puts a request in the
 * same window without agreeing on anything but the time.
 */
import { countHit, pruneRateLimitHits } from '../db/rate-limits.ts';
import type { AppContext } from './context.ts';

/** The longest window a limit may use: housekeeping deletes windows older than this. */
export const LONGEST_WINDOW_MS = 3_600_000;

/**
 * Counts one request for `key` in the current window of `windowMs`; returns the window's count so far
 * (this one included) and the milliseconds until the window ends.
 */
export async function countRequest(
  ctx: AppContext,
  key: string,
  windowMs: number,
): Promise<{ count: number; msLeft: number }> {
  if (windowMs <= 0 || windowMs > LONGEST_WINDOW_MS) {
    throw new Error(`a rate limit's window must be between 1 ms and ${LONGEST_WINDOW_MS} ms`);
  }
  const now = ctx.now().getTime();
  const start = now - (now % windowMs);
  const count = await countHit(ctx.db.kysely, key, new Date(start).toISOString());
  return { count, msLeft: start + windowMs - now };
}

/** Deletes the counts of windows that have ended (housekeeping); returns how many rows went. */
export async function pruneRequestCounts(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - LONGEST_WINDOW_MS).toISOString();
  return pruneRateLimitHits(ctx.db.kysely, before);
}
