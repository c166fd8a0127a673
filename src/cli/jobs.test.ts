import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseUntil } from './jobs.ts';

describe('jobs run --until DATE', () => {
  it('takes a London date to the last moment of that London day, in winter and in summer time', () => {
    expect(parseUntil('2027-01-05').toISOString()).toBe('2027-01-05T23:59:59.999Z');
    expect(parseUntil('2027-07-05').toISOString()).toBe('2027-07-05T22:59:59.999Z');
    // The day the clocks go forward is 23 hours long; it still ends at London midnight.
    expect(parseUntil('2027-03-28').toISOString()).toBe('2027-03-28T22:59:59.999Z');
  });

  it('takes an ISO instant with its zone as that instant', () => {
    expect(parseUntil('2027-01-05T09:00:00Z').toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(parseUntil('2027-07-05T09:00+01:00').toISOString()).toBe('2027-07-05T08:00:00.000Z');
  });

  it('refuses what is not a date or says no zone', () => {
    for (const value of ['2027-02-30', '2027-01-05T09:00', 'tomorrow', '05/01/2027', '']) {
      expect(() => parseUntil(value), value).toThrow(InvalidArgumentError);
    }
  });
});
