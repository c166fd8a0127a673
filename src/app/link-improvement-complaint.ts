/**
 * A reviewer or director lists a further complaint on an item: one more that showed the problem. The link is
 * on the complaint's own audit trail, so its timeline says which item took up its lesson.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { insertLink, lockImprovement } from '../db/improvements.ts';
import type { AppContext } from './context.ts';
import { linkedEvent } from './create-improvement.ts';
import { notFound } from './errors.ts';
import { getImprovement, type ImprovementDetail } from './get-improvement.ts';
import {
  canonicalImprovementReference,
  requireComplaint,
  requireImprovementManager,
  type StaffActor,
} from './improvement-checks.ts';

/** Links the complaint to the item (linking it again changes nothing); answers the item as it now stands. */
export async function linkImprovementComplaint(
  ctx: AppContext,
  actor: StaffActor,
  improvement: string,
  complaintReference: string,
): Promise<ImprovementDetail> {
  requireImprovementManager(actor, 'link complaints to an improvement item');
  const reference = canonicalImprovementReference(improvement);
  const at = ctx.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    const item = await lockImprovement(trx, reference);
    if (!item) throw notFound(`improvement ${reference}`);
    const complaint = await requireComplaint(trx, ctx.procedure, complaintReference, 'reference');
    const added = await insertLink(trx, {
      improvementId: item.id,
      complaintId: complaint.id,
      at,
      by: actor.id,
    });
    if (added) await appendAuditEvent(trx, linkedEvent(complaint.id, item, actor.id, at));
  });
  return getImprovement(ctx, reference);
}
