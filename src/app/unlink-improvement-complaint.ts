/** A reviewer or director takes a complaint off an item it was listed on by mistake; audited on the complaint. */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deleteLink, lockImprovement } from '../db/improvements.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { getImprovement, type ImprovementDetail } from './get-improvement.ts';
import {
  canonicalImprovementReference,
  requireComplaint,
  requireImprovementManager,
  type StaffActor,
} from './improvement-checks.ts';

/** Removes the link; `not-found` when the complaint was not listed on the item. */
export async function unlinkImprovementComplaint(
  ctx: AppContext,
  actor: StaffActor,
  improvement: string,
  complaintReference: string,
): Promise<ImprovementDetail> {
  requireImprovementManager(actor, 'unlink complaints from an improvement item');
  const reference = canonicalImprovementReference(improvement);
  const at = ctx.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    const item = await lockImprovement(trx, reference);
    if (!item) throw notFound(`improvement ${reference}`);
    const complaint = await requireComplaint(trx, ctx.procedure, complaintReference, 'complaintReference');
    if (!(await deleteLink(trx, item.id, complaint.id))) {
      throw notFound(`complaint ${complaint.reference} on improvement ${reference}`);
    }
    await appendAuditEvent(trx, {
      complaintId: complaint.id,
      type: 'improvement-unlinked',
      actor: actor.id,
      at,
      payload: { improvement: item.reference, title: item.title },
    });
  });
  return getImprovement(ctx, reference);
}
