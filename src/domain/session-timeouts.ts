/**
 * How long a staff session lasts: it ends after `idleMinutes` without a request, and in any case
 * `maxHours` after it was opened. A request records that the session was seen at most once a minute, so
 * reading a page is not a database write per request; the idle end is therefore exact to a minute.
 */
export interface SessionLimits {
  /** SESSION_IDLE_MINUTES, default 60. */
  idleMinutes: number;
  /** SESSION_MAX_HOURS, default 12. */
  maxHours: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 60, maxHours: 12 };

/** How stale a session's last-seen time may get before a request records it again. */
export const SESSION_SEEN_RESOLUTION_MS = 60_000;

/** When a session opened at `createdAt` and last seen at `lastSeen` ends: the earlier of its two limits. */
export function sessionEnd(createdAt: Date, lastSeen: Date, limits: SessionLimits): Date {
  const absolute = createdAt.getTime() + limits.maxHours * 3_600_000;
  const idle = lastSeen.getTime() + limits.idleMinutes * 60_000;
  return new Date(Math.min(absolute, idle));
}

/** Whether a request at `now` should record that the session was seen (at most once a minute). */
export function dueToRecordSeen(lastSeen: Date, now: Date): boolean {
  return now.getTime() - lastSeen.getTime() >= SESSION_SEEN_RESOLUTION_MS;
}
