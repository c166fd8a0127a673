/**
 * Dates and money as people in the UK read them, always in Europe/London whatever the browser's zone. The
 * date arithmetic is the server's own (`src/domain/time.ts`), so a deadline counts the same on both sides.
 */
import { daysBetween, fromLondonWallClock, londonDate, londonWallClock } from '../../../src/domain/time.ts';

const LONDON = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const longDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** An instant (ISO 8601) as London wall-clock time: "28 Nov 2026, 16:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A London date (YYYY-MM-DD): "Saturday 28 November 2026", or "28 Nov 2026" when `short`. */
export function formatDay(day: string, options: { short?: boolean } = {}): string {
  const date = new Date(`${day}T00:00:00Z`);
  return (options.short ? shortDay : longDay).format(date);
}

/** Today's date in London (YYYY-MM-DD). */
export function londonToday(now: Date = new Date()): string {
  return londonDate(now);
}

/** Now as London wall-clock time to the minute, for `<input type=datetime-local>`. */
export function londonNowLocal(): string {
  return londonWallClock(new Date());
}

/** Days from `from` to `day` (both YYYY-MM-DD London dates): negative when `day` is earlier. */
export function daysUntil(day: string, from: string = londonToday()): number {
  return daysBetween(from, day);
}

/** "in 3 days", "today", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Pence as pounds: "£1,234.50". */
export function formatPence(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}

/** Pounds typed by a person ("12.50", "£1,200") as pence, or null when it is not a sum of money. */
export function poundsToPence(value: string): number | null {
  const cleaned = value.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** A file's size as people read it: "820 bytes", "34 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "small-business" → "Small business". */
export function humanize(value: string): string {
  const words = value.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A London wall-clock time (`2026-11-28T14:30`, as `<input type=datetime-local>` gives it) as an instant. */
export function londonLocalToIso(value: string): string | null {
  return fromLondonWallClock(value)?.toISOString() ?? null;
}
