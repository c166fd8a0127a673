import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './calendar.ts';

/**
 * England & Wales bank holidays computed from the rules, independently of the shipped table: New Year's Day,
 * Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and
 * Boxing Day, with weekend days replaced by the next free weekday.
 */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, month: number, day: number) => new Date(Date.UTC(y, month - 1, day));
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const weekday = (d: Date) => d.getUTCDay(); // 0 Sunday .. 6 Saturday

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  let d = utc(year, month, 1);
  while (weekday(d) !== 1) d = plusDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): Date {
  let d = utc(year, month + 1, 0);
  while (weekday(d) !== 1) d = plusDays(d, -1);
  return d;
}

const isWeekend = (d: Date) => weekday(d) === 0 || weekday(d) === 6;

function computedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  let newYear = utc(year, 1, 1);
  while (isWeekend(newYear)) newYear = plusDays(newYear, 1);
  // Christmas and Boxing Day each take the first weekday on or after them that the other has not taken.
  const taken = new Set<string>();
  const christmasDays: string[] = [];
  for (const start of [utc(year, 12, 25), utc(year, 12, 26)]) {
    let d = start;
    while (isWeekend(d) || taken.has(iso(d))) d = plusDays(d, 1);
    taken.add(iso(d));
    christmasDays.push(iso(d));
  }
  return [
    iso(newYear),
    iso(plusDays(easter, -2)),
    iso(plusDays(easter, 1)),
    iso(firstMonday(year, 5)),
    iso(lastMonday(year, 5)),
    iso(lastMonday(year, 8)),
    ...christmasDays,
  ];
}

describe('the computation the table is checked against', () => {
  it('finds the Easter Sundays published for recent years', () => {
    expect(iso(easterSunday(2019))).toBe('2019-04-21');
    expect(iso(easterSunday(2024))).toBe('2024-03-31');
    expect(iso(easterSunday(2038))).toBe('2038-04-25'); // latest possible date
    expect(iso(easterSunday(2285))).toBe('2285-03-22'); // earliest possible date
  });

  it('substitutes weekend Christmas and Boxing Days as GOV.UK does', () => {
    expect(computedHolidays(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']); // Sat, Sun
    expect(computedHolidays(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']); // Sun, Mon
    expect(computedHolidays(2026).slice(-2)).toEqual(['2026-12-25', '2026-12-28']); // Fri, Sat
  });
});

describe('ENGLAND_AND_WALES_BANK_HOLIDAYS', () => {
  it('equals the holidays computed from the rules for 2024 to 2030', () => {
    const computed = [2024, 2025, 2026, 2027, 2028, 2029, 2030].flatMap(computedHolidays);
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS]).toEqual(computed);
  });

  it('holds only real weekdays, in order, without duplicates', () => {
    for (const date of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
      expect(/^\d{4}-\d{2}-\d{2}$/.test(date) && iso(new Date(`${date}T00:00:00Z`)) === date).toBe(true);
      expect(isWeekend(new Date(`${date}T00:00:00Z`))).toBe(false);
    }
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort()).toEqual([...ENGLAND_AND_WALES_BANK_HOLIDAYS]);
    expect(new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS).size).toBe(ENGLAND_AND_WALES_BANK_HOLIDAYS.length);
  });
});
