/**
 * The acknowledgement of a new complaint, as an outbox job written in the same transaction as the complaint:
 * a crash after the commit can never lose it. Delivery by email and by letter arrives with those issues;
 * until then the worker writes the acknowledgement's details to the log, so staff can see that it is due
 * and to whom.
 */
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import type { NewJob } from '../db/jobs.ts';
import type { AppContext } from './context.ts';

export const ACKNOWLEDGEMENT_KIND = 'acknowledgement';

const payloadSchema = z.object({ complaintId: z.string() });

/** The job that acknowledges a complaint once, whatever retries happen. */
export function acknowledgementJob(complaintId: string, now: Date): NewJob {
  return {
    kind: ACKNOWLEDGEMENT_KIND,
    payload: { complaintId },
    runAt: now,
    dedupeKey: `${ACKNOWLEDGEMENT_KIND}:${complaintId}`,
  };
}

export async function acknowledgeComplaint(ctx: AppContext, payload: unknown): Promise<void> {
  const { complaintId } = payloadSchema.parse(payload);
  const db = ctx.db.kysely;
  const complaint = await findComplaintById(db, complaintId);
  if (!complaint) return;
  const customer = await findCustomer(db, complaint.customerId);
  ctx.logger.info(
    {
      reference: complaint.reference,
      acknowledgeBy: complaint.acknowledgeBy,
      to: customer?.preferredChannel === 'letter' ? 'post' : customer?.email ? 'email' : 'phone',
    },
    'acknowledgement due (delivery by email and letter comes later)',
  );
}
