/**
 * The procedure's clocks, all derived from the complaint and the procedure: never stored as truth.
 */
import type { Complaint } from './complaint.ts';
import { adrEligible, currentAttempt, isOpen } from './complaint.ts';
import type { Procedure, Timescales } from './procedure.ts';
import { addDays, addMonths, type LocalDate, londonDate, WorkingCalendar } from './time.ts';

/** The working-day calendar the procedure uses. */
export function calendarOf(procedure: Procedure): WorkingCalendar {
  return new WorkingCalendar(procedure.bankHolidays);
}

/** Weeks to the ADR limit for a complaint first raised on `firstExpressedOn` (8 before the 2026 change, else 6). */
export function adrLimitWeeks(timescales: Timescales, firstExpressedOn: LocalDate): number {
  return firstExpressedOn < timescales.adrLimitChangedOn
    ? timescales.adrLimitWeeksBefore
    : timescales.adrLimitWeeks;
}

/** The London date on which the time-limit ADR letter is due. */
export function adrDueOn(complaint: Pick<Complaint, 'firstExpressedAt'>, procedure: Procedure): LocalDate {
  const firstOn = londonDate(new Date(complaint.firstExpressedAt));
  return addDays(firstOn, 7 * adrLimitWeeks(procedure.timescales, firstOn));
}

/** The dates on which staff are warned that the ADR limit is coming. */
export function adrWarningDates(
  complaint: Pick<Complaint, 'firstExpressedAt'>,
  procedure: Procedure,
): LocalDate[] {
  const firstOn = londonDate(new Date(complaint.firstExpressedAt));
  const limit = adrLimitWeeks(procedure.timescales, firstOn);
  // The warning weeks are set for the 6-week limit; a longer limit shifts them so they stay as close to it.
  const shift = limit - procedure.timescales.adrLimitWeeks;
  return procedure.timescales.adrWarningWeeks.map((week) => addDays(firstOn, 7 * (week + shift)));
}

/** Whether the time-limit ADR letter is due now and not yet issued. */
export function timeLimitAdrLetterDue(complaint: Complaint, procedure: Procedure, now: Date): boolean {
  return (
    isOpen(complaint) &&
    adrEligible(complaint) &&
    complaint.adrLetters.length === 0 &&
    londonDate(now) >= adrDueOn(complaint, procedure)
  );
}

/** The last day of the window for taking the complaint to the scheme after a letter issued on `issuedOn`. */
export function adrWindowEndsOn(issuedOn: LocalDate, procedure: Procedure): LocalDate {
  const anniversary = addMonths(issuedOn, procedure.timescales.adrWindowMonths);
  // A letter of 29 February has no anniversary; the window then runs to the end of February, not a day short.
  return anniversary.slice(8) === issuedOn.slice(8) ? addDays(anniversary, -1) : anniversary;
}

/** When a chased follow-up closes for no response, if the current attempt is being chased. */
export function noResponseCloseOn(complaint: Complaint, procedure: Procedure): LocalDate | null {
  const attempt = currentAttempt(complaint);
  if (attempt?.phase !== 'chasing' || !attempt.followUp) return null;
  return addDays(londonDate(new Date(attempt.followUp.recordedAt)), procedure.timescales.noResponseCloseDays);
}

/** When an accepted ombudsman decision must be implemented. */
export function remedyDueOn(acceptedOn: LocalDate, procedure: Procedure): LocalDate {
  const { remedyDays, remedyDaysAreWorkingDays } = procedure.adrScheme;
  return remedyDaysAreWorkingDays
    ? calendarOf(procedure).addWorkingDays(acceptedOn, remedyDays)
    : addDays(acceptedOn, remedyDays);
}

/** Steps of the current proposal that are past their agreed date and not done. */
export function overdueSteps(complaint: Complaint, now: Date) {
  const attempt = currentAttempt(complaint);
  if (attempt?.phase !== 'implementing' || !attempt.proposal) return [];
  const today = londonDate(now);
  return attempt.proposal.steps.filter((step) => !step.completedAt && step.dueOn < today);
}
