/** Dates and money as people in the UK read them, always in Europe/London whatever the browser's zone. */

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
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: LONDON });

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
  return isoDay.format(now);
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

/** "small-business" → "Small business". */
export function humanize(value: string): string {
  const words = value.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
