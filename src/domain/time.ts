/**
 * The one module that does date arithmetic. Instants are UTC (`Date`, stored as ISO-8601 text); deadlines are
 * London calendar dates (`YYYY-MM-DD`), because the procedure's "6 weeks" and "5 working days" are counted
 * on the calendar a customer in England lives by.
 */
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './calendar.ts';

/** A London calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LONDON = 'Europe/London';
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of dateParts.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The London calendar date of an instant. */
export function londonDate(instant: Date): LocalDate {
  const p = londonParts(instant);
  return `${pad(p.year ?? 0, 4)}-${pad(p.month ?? 0)}-${pad(p.day ?? 0)}`;
}

function utcDayNumber(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form. */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDayNumber(utcDayNumber(value)) === value;
}

/** `date` plus `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(utcDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return utcDayNumber(to) - utcDayNumber(from);
}

/** `date` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${pad(first.getUTCFullYear(), 4)}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** The Monday of the week `date` falls in (weeks run Monday to Sunday, as in the UK). */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The first day of the month after `date`'s. */
export function startOfNextMonth(date: LocalDate): LocalDate {
  return addMonths(`${date.slice(0, 7)}-01`, 1);
}

/** The UTC instant at which a London calendar date begins (00:00 GMT or BST). */
export function startOfLondonDay(date: LocalDate): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  // London is UTC+0 or UTC+1; midnight local is at 00:00Z or 23:00Z the day before.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(guess.getTime() - offsetHours * 3_600_000);
    const p = londonParts(candidate);
    if (londonDate(candidate) === date && p.hour === 0 && p.minute === 0) return candidate;
  }
  return guess;
}

/** An instant as London wall-clock time to the minute, `YYYY-MM-DDTHH:MM` (what `datetime-local` inputs hold). */
export function londonWallClock(instant: Date): string {
  const p = londonParts(instant);
  return `${londonDate(instant)}T${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}`;
}

/**
 * The instant of a London wall-clock time (`YYYY-MM-DDTHH:MM`), or null when it is not one. The hour the
 * clocks skip in spring and the hour they repeat in autumn are both read as GMT (01:30 on either Sunday is
 * 01:30Z).
 */
export function fromLondonWallClock(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const p = londonParts(new Date(instant));
    return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0) - instant;
  };
  // London's offset at a guess of the instant; a second pass settles the hour around a change of the clocks.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** A working-day calendar: Monday to Friday, less bank holidays. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(date: LocalDate): boolean {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The date `days` working days after `date` (0 days: `date` itself if it is a working day, else the next one). */
  addWorkingDays(date: LocalDate, days: number): LocalDate {
    let current = date;
    while (!this.isWorkingDay(current)) current = addDays(current, 1);
    let left = days;
    while (left > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Working days strictly after `from` up to and including `to`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}

const writtenDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A London date as people write it in a letter: `2027-01-15` is "15 January 2027". */
export function writtenDate(date: LocalDate): string {
  return writtenDateFormat.format(new Date(`${date}T00:00:00Z`));
}
