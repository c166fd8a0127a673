/** The audit trail of one complaint, oldest first. */
import { listAuditEvents } from '../db/audit.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

export async function getAuditTrail(ctx: AppContext, input: string) {
  const reference = canonicalReference(ctx.procedure, input);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  if (!complaint) throw notFound(`complaint ${reference}`);
  return listAuditEvents(ctx.db.kysely, complaint.id);
}
