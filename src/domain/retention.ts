/**
 * How long a closed complaint's personal data is kept (REGULATORY item 17, UK GDPR data minimisation): the
 * procedure's `retention.monthsAfterClosure` (default 6 years) after the London day it closed, and never less
 * than 12 months after any ADR letter (the customer's window to go to the scheme). Past that, the purge
 * anonymises it; the management figures stay.
 */
import type { Procedure } from './procedure.ts';
import { addMonths, type LocalDate } from './time.ts';

/** 6 years, the default (Limitation Act 1980: six years for a claim in contract). */
export const DEFAULT_RETENTION_MONTHS = 72;
/** The floor: a complaint's records outlive the 12-month ADR window of its last ADR letter. */
export const ADR_RETENTION_FLOOR_MONTHS = 12;

/** The months after closure this procedure keeps personal data. */
export function retentionMonths(procedure: Pick<Procedure, 'retention'>): number {
  return Math.max(
    procedure.retention?.monthsAfterClosure ?? DEFAULT_RETENTION_MONTHS,
    ADR_RETENTION_FLOOR_MONTHS,
  );
}

/**
 * The last London day a closed complaint is kept: `months` after the day it closed, or 12 months after its
 * latest ADR letter (or the end of that letter's window) if later.
 */
export function keptUntil(
  closedOn: LocalDate,
  adrLetters: readonly { issuedOn: LocalDate; windowEndsOn: LocalDate }[],
  months: number,
): LocalDate {
  let until = addMonths(closedOn, months);
  for (const letter of adrLetters) {
    for (const floor of [addMonths(letter.issuedOn, ADR_RETENTION_FLOOR_MONTHS), letter.windowEndsOn])
      if (floor > until) until = floor;
  }
  return until;
}

/**
 * The earliest closure day still kept on `today` whatever the ADR letters say: complaints closed before it
 * are the purge's candidates (found through an index on closed_at), each then checked with keptUntil.
 */
export function retentionCutoff(today: LocalDate, months: number): LocalDate {
  return addMonths(today, -months);
}
