/**
 * An item changes: a reviewer or director edits what it says, who owns it and when it is due; its owner moves
 * it along (in progress, done, dropped) and records the action taken. Audited with before and after.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { lockImprovement, updateImprovementRow } from '../db/improvements.ts';
import {
  applyImprovementChanges,
  type ImprovementChanges,
  refuseImprovementChange,
} from '../domain/improvement.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import {
  canonicalImprovementReference,
  type ImprovementView,
  improvementView,
  ownerNames,
  requireDueDate,
  requireOwner,
  requireRootCause,
  type StaffActor,
} from './improvement-checks.ts';

/**
 * Changes an item; refused (nothing written) for someone who may not make these changes, an owner who is not
 * active staff, a due date in the past, an unknown root cause, or "done" without the action taken.
 */
export async function updateImprovement(
  ctx: AppContext,
  actor: StaffActor,
  input: string,
  changes: ImprovementChanges,
): Promise<ImprovementView> {
  const reference = canonicalImprovementReference(input);
  const now = ctx.now();
  const today = londonDate(now);
  const at = now.toISOString();
  return transaction(ctx.db, async (trx) => {
    const before = await lockImprovement(trx, reference);
    if (!before) throw notFound(`improvement ${reference}`);
    const refusal = refuseImprovementChange(before, changes, actor);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    if (changes.dueOn !== before.dueOn) requireDueDate(changes.dueOn, today);
    requireRootCause(ctx.procedure, changes.rootCause);
    if (changes.ownerId !== before.ownerId) await requireOwner(trx, changes.ownerId);
    const applied = applyImprovementChanges(before, changes, at);
    if (!applied.ok) throw invalidField(applied.field, applied.message);
    const after = applied.item;
    const changed = (Object.keys(changes) as (keyof ImprovementChanges)[]).filter(
      (key) => changes[key] !== undefined && after[key] !== before[key],
    );
    const name = await ownerNames(trx, [after]);
    // Nothing to change (the same values sent again): nothing written, nothing audited.
    if (changed.length === 0) return improvementView(before, name(before.ownerId), today);
    await updateImprovementRow(trx, after);
    const shown = (item: typeof before) => Object.fromEntries(changed.map((key) => [key, item[key]]));
    await appendAuditEvent(trx, {
      complaintId: null,
      type: 'improvement-updated',
      actor: actor.id,
      at,
      payload: {
        improvement: reference,
        before: shown(before),
        after: shown(after),
        closedAt: after.closedAt,
      },
    });
    return improvementView(after, name(after.ownerId), today);
  });
}
