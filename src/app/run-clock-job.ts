/**
 * What the clock does when one of its jobs comes due. Each job decides afresh on the complaint as it is now:
 * a time-limit letter already issued, a complaint since closed, a step since done — and the job does nothing.
 */
import { z } from 'zod';
import { appendAuditEvent } from '../db/audit.ts';
import { findComplaintById } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from '../domain/actor.ts';
import type { Command } from '../domain/commands.ts';
import { adrEligible, currentAttempt, isOpen } from '../domain/complaint.ts';
import { decide } from '../domain/lifecycle.ts';
import { londonDate } from '../domain/time.ts';
import type { ClockJobKind } from './clock-jobs.ts';
import type { AppContext } from './context.ts';
import { recordDecision } from './record-decision.ts';

const SYSTEM: Actor = { kind: 'system' };
const payloadSchema = z.object({
  complaintId: z.string(),
  stepId: z.string().optional(),
  week: z.number().optional(),
});

export type ClockJobResult = 'done' | 'nothing-to-do';

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
      case 'adr-time-limit':
        return decideAndRecord({ type: 'issue-time-limit-adr-letter' });
      case 'no-response-close':
        return decideAndRecord({ type: 'close-no-response' });
      case 'adr-warning': {
        if (!isOpen(complaint) || !adrEligible(complaint) || complaint.adrLetters.length > 0)
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
