import { describe, expect, it } from 'vitest';
import { londonWallClock } from '../domain/time.ts';
import complaintExportCsv, { spreadsheetSafe, wallClock } from './complaint-export-csv.mjs';

describe('a page of the complaint export as CSV', () => {
  it('reads London time as domain/time.ts does, across every change of the clocks from 2019 to 2031', () => {
    // Each hour around each last Sunday of March and October, and a minute either side of each hour.
    for (let year = 2019; year <= 2031; year++) {
      for (const month of [2, 9]) {
        const lastSunday = 31 - new Date(Date.UTC(year, month, 31)).getUTCDay();
        const start = Date.UTC(year, month, lastSunday) - 6 * 3_600_000;
        for (let minutes = 0; minutes < 12 * 60; minutes += 29) {
          const instant = new Date(start + minutes * 60_000);
          expect(wallClock(instant.toISOString())).toBe(londonWallClock(instant).replace('T', ' '));
        }
      }
    }
    expect(wallClock(null)).toBe('');
  });

  it('makes formula cells safe, names the stage, and writes RFC 4180 lines', () => {
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
    expect(spreadsheetSafe('Handler')).toBe('Handler');
    const columns = ['id', 'reference', 'received_at', 'first_expressed_at', 'channel', 'category'];
    const row = ['id-1', 'R-1', '2026-07-01T11:30:00.000Z', '2026-07-01T11:00:00.000Z', 'phone', 'billing'];
    const text = complaintExportCsv(
      [[...row, null, 'attempt-1', '+44 "Ann", Lee', '2026-08-12', null, null, null]],
      {
        columns: [
          ...columns,
          'customer_type',
          'stage',
          'owner_name',
          'adr_due_on',
          'closed_at',
          'closure_reason',
          'root_cause',
        ],
        stageNames: { 'attempt-1': 'Resolution Attempt 1' },
      },
    );
    expect(text).toBe(
      `R-1,2026-07-01 12:30,2026-07-01 12:00,phone,billing,,Resolution Attempt 1,"'+44 ""Ann"", Lee",2026-08-12,,,\r\n`,
    );
  });
});
