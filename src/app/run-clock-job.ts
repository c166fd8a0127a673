/**
 * What the clock does when one of its jobs comes due. Each job decides afresh on the complaint as it is now:
 * a time-limit letter already issued, a complaint since closed, a step since done — and the job does nothing.
 */
import { z } from 'zod';
import { appendAuditEvent, listAuditEvents } from '../db/audit.ts';
import { findComplaintById } from '../db/complaints.ts';
import { type Executor, transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { enqueueAll } from '../db/jobs.ts';
import type { Actor } from '../domain/actor.ts';
import { noResponseCloseOn } from '../domain/clocks.ts';
import type { Command } from '../domain/commands.ts';
import { adrEligible, currentAttempt, isOpen } from '../domain/complaint.ts';
import { decide } from '../domain/lifecycle.ts';
import { londonDate } from '../domain/time.ts';
import { adrTimeLimitJob, type ClockJobKind, noResponseCloseJob } from './clock-jobs.ts';
import type { AppContext } from './context.ts';
import { recordDecision } from './record-decision.ts';

const SYSTEM: Actor = { kind: 'system' };
const payloadSchema = z.object({
  complaintId: z.string(),
  stepId: z.string().optional(),
  week: z.number().optional(),
});

export type ClockJobResult = 'done' | 'nothing-to-do';

/**
 * Whether this alert is already on the complaint's trail: a job run again after a crash between its commit
 * and its completion must not raise the alert twice.
 */
async function alreadyAlerted(trx: Executor, complaintId: string, type: string, key: string, value: unknown) {
  const events = await listAuditEvents(trx, complaintId);
  return events.some(
    (e) => e.type === type && (e.payload as Record<string, unknown> | null)?.[key] === value,
  );
}

/** Runs one clock job. Safe to run twice: the second run finds nothing to do. */
export async function runClockJob(
  ctx: AppContext,
  kind: ClockJobKind,
  rawPayload: unknown,
): Promise<ClockJobResult> {
  const payload = payloadSchema.parse(rawPayload);
  return transaction(ctx.db, async (trx) => {
    const complaint = await findComplaintById(trx, payload.complaintId, {
      forUpdate: ctx.db.dialect === 'postgres',
    });
    if (!complaint) return 'nothing-to-do';
    const now = ctx.now();
    const at = now.toISOString();
    const decideAndRecord = async (command: Command): Promise<ClockJobResult> => {
      const decision = decide(complaint, command, {
        actor: SYSTEM,
        now,
        procedure: ctx.procedure,
        newId: () => newId(now.getTime()),
      });
      if (!decision.ok) return 'nothing-to-do';
      await recordDecision(trx, complaint, decision.events, SYSTEM, now, ctx.procedure);
      return 'done';
    };
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
        if (await alreadyAlerted(trx, complaint.id, 'adr-limit-warning', 'week', payload.week))
          return 'nothing-to-do';
        await appendAuditEvent(trx, {
          complaintId: complaint.id,
          type: 'adr-limit-warning',
          actor: 'system',
          at,
          payload: { week: payload.week ?? null, ownerId: complaint.ownerId, on: londonDate(now) },
        });
        return 'done';
      }
      case 'step-overdue': {
        const attempt = currentAttempt(complaint);
        const step = attempt?.proposal?.steps.find((s) => s.id === payload.stepId);
        if (attempt?.phase !== 'implementing' || !step || step.completedAt) return 'nothing-to-do';
        if (await alreadyAlerted(trx, complaint.id, 'step-overdue-alert', 'stepId', step.id))
          return 'nothing-to-do';
        await appendAuditEvent(trx, {
          complaintId: complaint.id,
          type: 'step-overdue-alert',
          actor: 'system',
          at,
          payload: {
            stepId: step.id,
            description: step.description,
            ownerId: step.ownerId,
            dueOn: step.dueOn,
          },
        });
        return 'done';
      }
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  });
}
