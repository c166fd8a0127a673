/**
 * One stored file, with its bytes, to download: for staff any file people sent us (an email attachment or a
 * customer's upload); for a customer in the portal only a file they uploaded to their own complaint. Anything
 * else is "not found", never "forbidden": nothing is revealed.
 */
import { findStoredFile, type StoredFile } from '../db/attachments.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

/** An email attachment or an upload, for staff. */
export async function getAttachmentForStaff(ctx: AppContext, id: string): Promise<StoredFile> {
  const file = await findStoredFile(ctx.db.kysely, ctx.documents, id);
  if (!file) throw notFound(`file ${id}`);
  return file;
}

/** A file the signed-in customer uploaded to their own complaint. */
export async function getUploadForCustomer(
  ctx: AppContext,
  input: string,
  id: string,
  customerId: string,
): Promise<StoredFile> {
  const reference = canonicalReference(ctx.procedure, input);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  if (!complaint || complaint.customerId !== customerId) throw notFound(`complaint ${reference}`);
  const file = await findStoredFile(ctx.db.kysely, ctx.documents, id);
  // An email attachment, someone else's upload, or one from another complaint: all simply not found.
  if (file?.source !== 'upload' || file.complaintId !== complaint.id || file.customerId !== customerId) {
    throw notFound(`file ${id} on complaint ${reference}`);
  }
  return file;
}
