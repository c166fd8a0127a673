/**
 * The acknowledgement of a new complaint, as an outbox job written in the same transaction as the complaint:
 * a crash after the commit can never lose it. It is emailed (a reply to the customer's own email, when the
 * complaint came by email) with the acknowledgement letter attached, unless the customer prefers letters or
 * has no email address; then the letter waits in the print queue and the trail says why there is no email.
 */
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import type { NewJob } from '../db/jobs.ts';
import type { LetterFacts } from '../documents/letters/index.ts';
import { adrDueOn } from '../domain/clocks.ts';
import { adrEligible, type Complaint, complaintAsQuoted, handlerOf } from '../domain/complaint.ts';
import type { Procedure } from '../domain/procedure.ts';
import { londonDate } from '../domain/time.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import { issueLetter } from './issue-letter.ts';
import {
  emailAddressOf,
  emailOrPost,
  letterheadFor,
  type OutboxJob,
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

/** What the acknowledgement letter says: the complaint as recorded, and the ADR date. */
export function acknowledgementFacts(
  complaint: Complaint,
  procedure: Procedure,
): Extract<LetterFacts, { kind: 'acknowledgement' }> {
  const quoted = complaintAsQuoted(complaint);
  return {
    kind: 'acknowledgement',
    receivedAt: complaint.receivedAt,
    firstExpressedAt: complaint.firstExpressedAt,
    channel: complaint.channel,
    category: complaint.category,
    description: quoted.text,
    descriptionIsTheirWords: quoted.theirWords,
    desiredOutcome: complaint.desiredOutcome,
    adrDueOn: adrDueOn(complaint, procedure),
    adrEligible: adrEligible(complaint),
  };
}

/** The job: issues the acknowledgement letter and emails it, or queues it for post and records why. */
export async function acknowledgeComplaint(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { complaintId } = payloadSchema.parse(payload);
  const db = ctx.db.kysely;
  const complaint = await findComplaintById(db, complaintId);
  if (!complaint) return;
  const customer = await findCustomer(db, complaint.customerId);
  if (!customer) return;
  const address = emailAddressOf(customer);
  const facts = acknowledgementFacts(complaint, ctx.procedure);
  const letter = await issueLetter(ctx, {
    complaint,
    customer,
    facts,
    sourceKey: `${ACKNOWLEDGEMENT_KIND}:${complaint.id}`,
    date: londonDate(ctx.now()),
    handlerId: handlerOf(complaint),
    delivery: 'to' in address ? 'email' : 'post',
  });
  const to = await emailOrPost(ctx, complaint.id, ACKNOWLEDGEMENT_KIND, address, letter);
  if (!to) return;
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to,
    kind: ACKNOWLEDGEMENT_KIND,
    content: renderCustomerEmail(
      letterheadFor(ctx, complaint.reference, customer),
      { kind: 'acknowledgement', adrDueOn: facts.adrDueOn, adrEligible: facts.adrEligible },
      ctx.publicUrl,
    ),
    letter,
  });
}
