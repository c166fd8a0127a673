/**
 * One stored letter, as issued, for staff or for the customer it was written to. Another customer's
 * complaint, or a letter id from another complaint, is "not found", never "forbidden": nothing is revealed.
 */
import { findComplaintByReference } from '../db/complaints.ts';
import { findDocument, type StoredDocument } from '../db/documents.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

async function letterOf(
  ctx: AppContext,
  input: string,
  documentId: string,
  customerId?: string,
): Promise<StoredDocument> {
  const reference = canonicalReference(ctx.procedure, input);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  if (!complaint || (customerId !== undefined && complaint.customerId !== customerId)) {
    throw notFound(`complaint ${reference}`);
  }
  const letter = await findDocument(ctx.db.kysely, ctx.documents, complaint.id, documentId);
  if (!letter) throw notFound(`letter ${documentId} on complaint ${reference}`);
  return letter;
}

/** A letter on any complaint, for staff. */
export function getLetterForStaff(ctx: AppContext, reference: string, documentId: string) {
  return letterOf(ctx, reference, documentId);
}

/** A letter on the signed-in customer's own complaint. */
export function getLetterForCustomer(
  ctx: AppContext,
  reference: string,
  documentId: string,
  customerId: string,
) {
  return letterOf(ctx, reference, documentId, customerId);
}
