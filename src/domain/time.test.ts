import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fromLondonWallClock,
  isLocalDate,
  londonDate,
  londonWallClock,
  startOfLondonDay,
  WorkingCalendar,
} from './time.ts';

describe('londonDate', () => {
  it('is the UTC date in winter (GMT)', () => {
    expect(londonDate(new Date('2026-01-15T23:59:59Z'))).toBe('2026-01-15');
    expect(londonDate(new Date('2026-01-16T00:00:00Z'))).toBe('2026-01-16');
  });

  it('runs an hour ahead of UTC in summer (BST), so 23:30Z is already tomorrow', () => {
    expect(londonDate(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
  });

  it('follows the clocks going forward on 29 March 2026 (01:00 GMT becomes 02:00 BST)', () => {
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(londonDate(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29');
    // The first evening of BST: 23:30Z is 00:30 on the 30th.
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('follows the clocks going back on 25 October 2026 (02:00 BST becomes 01:00 GMT)', () => {
    // 23:30Z on the 24th is 00:30 BST on the 25th.
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
    // From then on GMT again: 23:30Z is still the 25th.
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });
});

describe('startOfLondonDay', () => {
  it('is midnight UTC in winter', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('is 23:00 UTC the evening before in summer', () => {
    expect(startOfLondonDay('2026-07-02').toISOString()).toBe('2026-07-01T23:00:00.000Z');
  });

  it('is midnight GMT on the day the clocks go forward and 23:00Z before the day they go back', () => {
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('maps back to the same London date at midnight, and one millisecond earlier is the day before', () => {
    for (let date = '2026-01-01'; date <= '2027-01-01'; date = addDays(date, 1)) {
      const start = startOfLondonDay(date);
      expect(londonDate(start)).toBe(date);
      expect(londonDate(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
    }
  });
});

describe('calendar arithmetic', () => {
  it('recognises real dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-4-1')).toBe(false);
    expect(isLocalDate('2026-04-01T00:00:00Z')).toBe(false);
  });

  it('adds days across month and year ends and counts them back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-04-08', 42)).toBe('2026-05-20');
    expect(daysBetween('2026-04-08', '2026-05-20')).toBe(42);
    expect(daysBetween('2026-05-20', '2026-04-08')).toBe(-42);
  });

  it('counts calendar days unaffected by the clocks changing', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-05-11', 12)).toBe('2027-05-11');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it('treats weekends and bank holidays as non-working days', () => {
    expect(calendar.isWorkingDay('2026-05-08')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-05-09')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-05-10')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-05-04')).toBe(false); // Early May bank holiday
    expect(calendar.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
  });

  it('skips the weekend when adding working days', () => {
    expect(calendar.addWorkingDays('2026-05-08', 1)).toBe('2026-05-11');
    expect(calendar.addWorkingDays('2026-05-11', 5)).toBe('2026-05-18');
  });

  it('skips Christmas 2026 and the 28 December substitute day', () => {
    // Thursday 24 Dec + 1 working day: Fri 25 (Christmas), Sat, Sun, Mon 28 (substitute) are skipped.
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(calendar.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('skips Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('with zero days gives the date itself on a working day and the next working day otherwise', () => {
    expect(calendar.addWorkingDays('2026-05-11', 0)).toBe('2026-05-11');
    expect(calendar.addWorkingDays('2026-05-09', 0)).toBe('2026-05-11');
    expect(calendar.addWorkingDays('2026-12-25', 0)).toBe('2026-12-29');
  });

  it('starts counting from the next working day when the start is not one', () => {
    // Saturday 9 May: counting starts at Monday 11 May, so one working day later is Tuesday.
    expect(calendar.addWorkingDays('2026-05-09', 1)).toBe('2026-05-12');
  });

  it('counts working days strictly after the start up to and including the end', () => {
    expect(calendar.workingDaysBetween('2026-05-11', '2026-05-11')).toBe(0);
    expect(calendar.workingDaysBetween('2026-05-11', '2026-05-18')).toBe(5);
    expect(calendar.workingDaysBetween('2026-05-08', '2026-05-11')).toBe(1);
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4); // 29, 30, 31 Dec, 4 Jan
    expect(calendar.workingDaysBetween('2026-05-18', '2026-05-11')).toBe(0);
  });

  it('is the inverse of addWorkingDays from a working day', () => {
    for (let date = '2026-01-02'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (!calendar.isWorkingDay(date)) continue;
      for (const days of [1, 5, 20]) {
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, days))).toBe(days);
      }
    }
  });

  it('uses the holidays it is given instead of the shipped list', () => {
    const custom = new WorkingCalendar(['2026-05-12']);
    expect(custom.isWorkingDay('2026-05-04')).toBe(true);
    expect(custom.addWorkingDays('2026-05-11', 1)).toBe('2026-05-13');
  });
});

describe('London wall-clock time', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(fromLondonWallClock('2026-01-15T12:00')?.toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(fromLondonWallClock('2026-07-01T12:00')?.toISOString()).toBe('2026-07-01T11:00:00.000Z');
  });

  it('reads the hours around both changes of the clocks in 2026, the skipped and repeated ones as GMT', () => {
    expect(fromLondonWallClock('2026-03-29T00:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(fromLondonWallClock('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLondonWallClock('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLondonWallClock('2026-10-25T00:30')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(fromLondonWallClock('2026-10-25T01:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(fromLondonWallClock('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(fromLondonWallClock('28/11/2026 14:30')).toBeNull();
    expect(fromLondonWallClock('')).toBeNull();
  });

  it('writes an instant as London time to the minute, the way back', () => {
    expect(londonWallClock(new Date('2026-07-01T23:05:59Z'))).toBe('2026-07-02T00:05');
    expect(londonWallClock(new Date('2026-01-01T09:07:00Z'))).toBe('2026-01-01T09:07');
    expect(fromLondonWallClock(londonWallClock(new Date('2026-08-10T16:45:00Z')))?.toISOString()).toBe(
      '2026-08-10T16:45:00.000Z',
    );
  });
});
