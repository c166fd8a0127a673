/**
 * The acknowledgement of a new complaint, as an outbox job written in the same transaction as the complaint:
 * a crash after the commit can never lose it. It is emailed (a reply to the customer's own email, when the
 * complaint came by email) unless the customer prefers letters or has no email address; then the trail says
 * why, and the log says it is due by post or phone (letters arrive with their own issue).
 */
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import type { NewJob } from '../db/jobs.ts';
import { adrDueOn } from '../domain/clocks.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import {
  emailAddressOf,
  letterheadFor,
  type OutboxJob,
  recordNoEmail,
  sendCustomerEmail,
} from './send-customer-email.ts';

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

/** The job: acknowledges the complaint by email, or records why it must go by post or phone. */
export async function acknowledgeComplaint(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { complaintId } = payloadSchema.parse(payload);
  const db = ctx.db.kysely;
  const complaint = await findComplaintById(db, complaintId);
  if (!complaint) return;
  const customer = await findCustomer(db, complaint.customerId);
  if (!customer) return;
  const address = emailAddressOf(customer);
  ctx.logger.info(
    {
      reference: complaint.reference,
      acknowledgeBy: complaint.acknowledgeBy,
      to: 'to' in address ? 'email' : customer.preferredChannel === 'letter' ? 'post' : 'phone',
    },
    'acknowledgement due',
  );
  if ('reason' in address) {
    await recordNoEmail(ctx, complaint.id, ACKNOWLEDGEMENT_KIND, address.reason);
    return;
  }
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to: address.to,
    kind: ACKNOWLEDGEMENT_KIND,
    content: renderCustomerEmail(
      letterheadFor(ctx, complaint.reference, customer),
      { kind: 'acknowledgement', adrDueOn: adrDueOn(complaint, ctx.procedure) },
      ctx.publicUrl,
    ),
  });
}
