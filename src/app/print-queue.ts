/**
 * The print queue: letters for customers who take post (they prefer letters, or have no email address),
 * waiting for staff to print and post them. Marking one posted is recorded on the complaint's trail, once.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { findDocumentById, listPrintQueue, markDocumentPosted, type PrintStatus } from '../db/documents.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';

/** Letters waiting to be posted, oldest first; or those already posted, newest first. */
export async function readPrintQueue(ctx: AppContext, query: { status?: PrintStatus; limit?: number }) {
  const status = query.status ?? 'queued';
  const items = await listPrintQueue(ctx.db.kysely, status, query.limit ?? 100);
  return { status, items };
}

/** Records that a queued letter was printed and posted. */
export async function markLetterPosted(
  ctx: AppContext,
  documentId: string,
  actor: Extract<Actor, { kind: 'staff' }>,
) {
  const at = ctx.now().toISOString();
  return transaction(ctx.db, async (trx) => {
    const letter = await findDocumentById(trx, documentId);
    if (!letter) throw notFound(`letter ${documentId}`);
    if (letter.delivery !== 'post') {
      throw new AppError('not-allowed-now', 'this letter was sent by email, not queued for post');
    }
    if (!(await markDocumentPosted(trx, documentId, actor.id, at))) {
      throw new AppError(
        'conflict',
        `this letter was already marked posted (${letter.postedAt ?? 'earlier'})`,
      );
    }
    await appendAuditEvent(trx, {
      complaintId: letter.complaintId,
      type: 'letter-posted',
      actor: actor.id,
      at,
      payload: { documentId, kind: letter.kind, title: letter.title },
    });
    return { ...letter, printStatus: 'posted' as const, postedAt: at, postedBy: actor.id };
  });
}
