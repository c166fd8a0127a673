/**
 * What the clock does when one of its jobs comes due. Each job decides afresh on the complaint as it is now:
 * a time-limit letter already issued, a complaint since closed, a step since done — and the job does nothing.
 */
import { z } from 'zod';
import { appendAuditEvent, listAuditEvents } from '../db/audit.ts';
import { lockComplaint } from '../db/complaints.ts';
import { type Executor, transaction } from '../db/database.ts';
import { enqueueAll } from '../db/jobs.ts';
import { SYSTEM_ACTOR } from '../domain/actor.ts';
import { adrDueOn, noResponseCloseOn } from '../domain/clocks.ts';
import type { Command } from '../domain/commands.ts';
import { adrEligible, currentAttempt, isOpen } from '../domain/complaint.ts';
import { londonDate } from '../domain/time.ts';
import { alertStaffJob, type StaffAlert } from './alert-staff.ts';
import { applyCommands } from './change-complaint.ts';
import { adrTimeLimitJob, type ClockJobKind, noResponseCloseJob } from './clock-jobs.ts';
import type { AppContext } from './context.ts';

const payloadSchema = z.object({
  complaintId: z.string(),
  stepId: z.string().optional(),
  week: z.number().optional(),
  daysBefore: z.number().optional(),
});

export type ClockJobResult = 'done' | 'nothing-to-do';

/**
 * Puts a staff alert on the complaint's trail once: a job run again after a crash between its commit and its
 * completion finds the alert there (by `key`) and does not raise it twice. An alert that must reach people
 * (`email`) also queues their email, in the same transaction.
 */
async function raiseAlertOnce(
  trx: Executor,
  complaintId: string,
  type: 'adr-limit-warning' | 'step-overdue-alert' | 'remedy-reminder',
  now: Date,
  payload: Record<string, unknown>,
  key: string,
  email?: StaffAlert,
): Promise<ClockJobResult> {
  const events = await listAuditEvents(trx, complaintId);
  if (
    events.some(
      (e) => e.type === type && (e.payload as Record<string, unknown> | null)?.[key] === payload[key],
    )
  ) {
    return 'nothing-to-do';
  }
  await appendAuditEvent(trx, { complaintId, type, actor: 'system', at: now.toISOString(), payload });
  if (email) await enqueueAll(trx, [alertStaffJob(complaintId, email, String(payload[key]), now)], now);
  return 'done';
}

/** Runs one clock job. Safe to run twice: the second run finds nothing to do. */
export async function runClockJob(
  ctx: AppContext,
  kind: ClockJobKind,
  rawPayload: unknown,
): Promise<ClockJobResult> {
  const payload = payloadSchema.parse(rawPayload);
  return transaction(ctx.db, async (trx) => {
    const complaint = await lockComplaint(trx, { id: payload.complaintId });
    if (!complaint) return 'nothing-to-do';
    const now = ctx.now();
    // Refused now means the moment passed (closed, already issued, not yet due): nothing to record.
    const decideAndRecord = async (command: Command): Promise<ClockJobResult> =>
      (await applyCommands(trx, ctx, complaint, [command], SYSTEM_ACTOR)).ok ? 'done' : 'nothing-to-do';
    switch (kind) {
      case 'adr-time-limit': {
        const result = await decideAndRecord({ type: 'issue-time-limit-adr-letter' });
        // Not due yet (the procedure's limit was lengthened since the job was set): look again then.
        if (result === 'nothing-to-do' && isOpen(complaint) && complaint.adrLetters.length === 0) {
          await enqueueAll(trx, [adrTimeLimitJob(complaint, ctx.procedure)], now);
        }
        return result;
      }
      case 'no-response-close': {
        const result = await decideAndRecord({ type: 'close-no-response' });
        const closeOn = noResponseCloseOn(complaint, ctx.procedure);
        if (result === 'nothing-to-do' && closeOn)
          await enqueueAll(trx, [noResponseCloseJob(complaint.id, closeOn)], now);
        return result;
      }
      case 'adr-warning': {
        if (!isOpen(complaint) || !adrEligible(complaint) || complaint.adrLetters.length > 0)
          return 'nothing-to-do';
        const dueOn = adrDueOn(complaint, ctx.procedure);
        return raiseAlertOnce(
          trx,
          complaint.id,
          'adr-limit-warning',
          now,
          { week: payload.week ?? null, ownerId: complaint.ownerId, on: londonDate(now), adrDueOn: dueOn },
          'week',
          { type: 'adr-limit-warning', adrDueOn: dueOn },
        );
      }
      case 'step-overdue': {
        const attempt = currentAttempt(complaint);
        const step = attempt?.proposal?.steps.find((s) => s.id === payload.stepId);
        if (attempt?.phase !== 'implementing' || !step || step.completedAt) return 'nothing-to-do';
        return raiseAlertOnce(
          trx,
          complaint.id,
          'step-overdue-alert',
          now,
          {
            stepId: step.id,
            description: step.description,
            ownerId: step.ownerId,
            dueOn: step.dueOn,
          },
          'stepId',
        );
      }
      case 'adr-window-end':
        return decideAndRecord({ type: 'close-adr-window-expired' });
      case 'remedy-reminder': {
        const decision = complaint.referral?.decision;
        const dueOn = decision?.remedyDueOn;
        if (!isOpen(complaint) || decision?.customerAccepted !== true || decision.implementedOn || !dueOn)
          return 'nothing-to-do';
        const daysBefore = payload.daysBefore ?? 0;
        return raiseAlertOnce(
          trx,
          complaint.id,
          'remedy-reminder',
          now,
          { daysBefore, remedyDueOn: dueOn, ownerId: complaint.ownerId },
          'daysBefore',
          { type: 'remedy-reminder', remedyDueOn: dueOn, daysBefore },
        );
      }
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  });
}
