/**
 * What is valid but worth a second look in the procedure in force: shown on the admin's procedure page.
 */
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../domain/calendar.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';

export function procedureWarnings(procedure: Procedure, today: LocalDate): string[] {
  const warnings: string[] = [];
  const holidays = procedure.bankHolidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS;
  const lastYear = Math.max(...holidays.map((d) => Number(d.slice(0, 4))));
  const thisYear = Number(today.slice(0, 4));
  if (!holidays.length || lastYear < thisYear + 1) {
    warnings.push(
      holidays.length
        ? `The bank-holiday calendar ends in ${lastYear}: working days after it are counted as if there were no bank holidays. Add later years in "bankHolidays".`
        : 'There are no bank holidays in the calendar: every weekday counts as a working day.',
    );
  }
  // Ofcom's General Conditions (REGULATORY.md item 7): 6 weeks from 8 April 2026, 8 weeks before.
  const { adrLimitWeeks, adrLimitWeeksBefore } = procedure.timescales;
  if (adrLimitWeeks > 6) {
    warnings.push(
      `The ADR limit is ${adrLimitWeeks} weeks; for complaints first raised from 8 April 2026 Ofcom allows at most 6.`,
    );
  }
  if (adrLimitWeeksBefore > 8) {
    warnings.push(
      `The ADR limit for earlier complaints is ${adrLimitWeeksBefore} weeks; Ofcom allowed at most 8 before 8 April 2026.`,
    );
  }
  return warnings;
}
