/**
 * The procedure's timers as durable jobs, written in the same transaction as the change that starts them:
 * the ADR time limit and the warnings before it, the no-response close, overdue-step alerts, and the
 * reminders before an ombudsman remedy's deadline, and the close of a deadlock never referred once the ADR
 * window has ended.
 * A job only says "look at this complaint then"; what happens is decided afresh when it runs, so a job made
 * stale by later changes does nothing.
 */
import { adrDueOn, adrWarningDates, noResponseCloseOn } from '../domain/clocks.ts';
import type { Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { currentAttempt } from '../domain/complaint.ts';
import type { Procedure } from '../domain/procedure.ts';
import { addDays, startOfLondonDay } from '../domain/time.ts';

export const CLOCK_JOB_KINDS = [
  'adr-time-limit',
  'adr-warning',
  'no-response-close',
  'step-overdue',
  'remedy-reminder',
  'adr-window-end',
] as const;
export type ClockJobKind = (typeof CLOCK_JOB_KINDS)[number];

export interface ClockJob {
  kind: ClockJobKind;
  payload: { complaintId: string; stepId?: string; week?: number; daysBefore?: number };
  runAt: Date;
  dedupeKey: string;
}

/** The time-limit check, due at the start of the complaint's ADR date; the date is in the key, so a moved date makes a new job. */
export function adrTimeLimitJob(complaint: Complaint, procedure: Procedure): ClockJob {
  const dueOn = adrDueOn(complaint, procedure);
  return {
    kind: 'adr-time-limit',
    payload: { complaintId: complaint.id },
    runAt: startOfLondonDay(dueOn),
    dedupeKey: `adr-time-limit:${complaint.id}:${dueOn}`,
  };
}

/** The warnings to staff before the ADR limit. */
export function adrWarningJobs(complaint: Complaint, procedure: Procedure): ClockJob[] {
  return adrWarningDates(complaint, procedure).map((on, i) => {
    const week = procedure.timescales.adrWarningWeeks[i] ?? i;
    return {
      kind: 'adr-warning',
      payload: { complaintId: complaint.id, week },
      runAt: startOfLondonDay(on),
      dedupeKey: `adr-warning:${complaint.id}:${week}`,
    };
  });
}

/** The day after the last day to refer: a complaint at deadlock that was never referred then closes. */
export function adrWindowEndJob(complaintId: string, letter: { id: string; windowEndsOn: string }): ClockJob {
  return {
    kind: 'adr-window-end',
    payload: { complaintId },
    runAt: startOfLondonDay(addDays(letter.windowEndsOn, 1)),
    dedupeKey: `adr-window-end:${complaintId}:${letter.id}`,
  };
}

/** The close of a chased follow-up that stayed unanswered. */
export function noResponseCloseJob(complaintId: string, closeOn: string): ClockJob {
  return {
    kind: 'no-response-close',
    payload: { complaintId },
    runAt: startOfLondonDay(closeOn),
    dedupeKey: `no-response-close:${complaintId}:${closeOn}`,
  };
}

/** The jobs that these events start. */
export function clockJobsFor(
  complaint: Complaint,
  events: readonly Event[],
  procedure: Procedure,
): ClockJob[] {
  const jobs: ClockJob[] = [];
  const complaintId = complaint.id;
  for (const event of events) {
    switch (event.type) {
      case 'complaint-recorded':
        // Set even for a customer who cannot use ADR today: the job decides with the record as it is then.
        jobs.push(adrTimeLimitJob(complaint, procedure), ...adrWarningJobs(complaint, procedure));
        break;
      case 'response-recorded': {
        if (event.outcome !== 'agreed') break;
        for (const step of currentAttempt(complaint)?.proposal?.steps ?? []) {
          jobs.push({
            kind: 'step-overdue',
            payload: { complaintId, stepId: step.id },
            // Overdue from the start of the day after the agreed date.
            runAt: startOfLondonDay(addDays(step.dueOn, 1)),
            dedupeKey: `step-overdue:${step.id}`,
          });
        }
        break;
      }
      case 'adr-letter-issued':
        jobs.push(adrWindowEndJob(complaintId, { id: event.letterId, windowEndsOn: event.windowEndsOn }));
        break;
      case 'ombudsman-outcome-recorded': {
        const dueOn = event.remedyDueOn;
        if (!dueOn) break;
        // Reminders before the deadline, and one the day after it (daysBefore -1) if still not done.
        for (const daysBefore of [...procedure.timescales.remedyReminderDays, -1]) {
          jobs.push({
            kind: 'remedy-reminder',
            payload: { complaintId, daysBefore },
            runAt: startOfLondonDay(addDays(dueOn, -daysBefore)),
            dedupeKey: `remedy-reminder:${complaintId}:${dueOn}:${daysBefore}`,
          });
        }
        break;
      }
      case 'follow-up-recorded': {
        const closeOn = noResponseCloseOn(complaint, procedure);
        if (event.outcome !== 'no-response' || !closeOn) break;
        jobs.push(noResponseCloseJob(complaintId, closeOn));
        break;
      }
      default:
        break;
    }
  }
  return jobs;
}
