/**
 * Lockout after failed password sign-ins: the first FREE_FAILURES failures in a row cost nothing; each one
 * after that locks the email address out, for a minute at first and twice as long each time, at most an
 * hour. A success, an admin's unlock, or a day without a failure starts the count again.
 */

/** Failures in a row allowed before the address is locked out. */
export const FREE_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 60_000;
export const LONGEST_LOCKOUT_MS = 3_600_000;
/** A failure longer ago than this no longer counts. */
export const FAILURE_MEMORY_MS = 86_400_000;

/** How long the `failures`-th failure in a row locks the address out; 0 for the first FREE_FAILURES - 1. */
export function lockoutAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCKOUT_MS);
}

/** Whole seconds until `lockedUntil`, at least 1 while it is in the future; 0 when it has passed. */
export function secondsLocked(lockedUntil: string | null, now: Date): number {
  if (lockedUntil === null) return 0;
  const ms = Date.parse(lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
