/**
 * Tells the customer by email when something happens to their complaint that they need to know about: a
 * proposal, the follow-up question, an escalation, the ADR letter, the closure. `notificationJobsFor` picks
 * those events out in `recordDecision`, so each email is an outbox job written in the transaction of the
 * change; `notifyCustomer` is that job. What the email says comes with the job (the event as it was), so a
 * late try never describes a later state.
 */
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import type { NewJob } from '../db/jobs.ts';
import type { Event } from '../domain/commands.ts';
import { CLOSURE_REASONS, type Complaint } from '../domain/complaint.ts';
import { type CustomerEmail, renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import {
  emailAddressOf,
  letterheadFor,
  type OutboxJob,
  recordNoEmail,
  sendCustomerEmail,
} from './send-customer-email.ts';

export const NOTIFY_CUSTOMER_KIND = 'notify-customer';

/** The emails of a change, one per customer-facing event (none for internal ones: notes, reviews, owners). */
export function customerEmailsFor(events: readonly Event[]): CustomerEmail[] {
  const emails: CustomerEmail[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'proposal-made':
        emails.push({
          kind: 'proposal',
          attempt: event.attempt,
          summary: event.summary,
          steps: event.steps.map((s) => ({ description: s.description, dueOn: s.dueOn })),
        });
        break;
      case 'step-completed':
        // The last step done starts the follow-up: ask the customer whether it worked.
        if (event.followUpDueOn) emails.push({ kind: 'follow-up', chase: false });
        break;
      case 'follow-up-recorded':
        if (event.outcome === 'no-response') emails.push({ kind: 'follow-up', chase: true });
        break;
      case 'escalated':
        emails.push({ kind: 'escalation', from: event.from, to: event.to });
        break;
      case 'adr-letter-issued':
        emails.push({
          kind: 'adr-letter',
          trigger: event.trigger,
          issuedOn: event.issuedOn,
          windowEndsOn: event.windowEndsOn,
        });
        break;
      case 'closed':
        emails.push({ kind: 'closure', reason: event.reason });
        break;
      case 'complaint-recorded': // acknowledged by its own job (acknowledge-complaint.ts)
      case 'attempt-opened':
      case 'immediate-action-not-practical': // the escalation that comes with it says it
      case 'review-recorded':
      case 'response-recorded':
      case 'deadlock-declared': // the ADR letter issued with it says it
      case 'referral-recorded':
      case 'ombudsman-outcome-recorded':
      case 'assigned':
      case 'contact-logged':
      case 'note-added':
        break;
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${(unknown as Event).type}`);
      }
    }
  }
  return emails;
}

/** The jobs that send this change's emails; the complaint's new version makes each job's key unique. */
export function notificationJobsFor(complaint: Complaint, events: readonly Event[], now: Date): NewJob[] {
  return customerEmailsFor(events).map((email) => ({
    kind: NOTIFY_CUSTOMER_KIND,
    payload: { complaintId: complaint.id, email },
    runAt: now,
    dedupeKey: `${NOTIFY_CUSTOMER_KIND}:${complaint.id}:${complaint.version}:${email.kind}`,
  }));
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const attempt = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const emailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('proposal'),
    attempt,
    summary: z.string(),
    steps: z.array(z.object({ description: z.string(), dueOn: localDate })),
  }),
  z.object({ kind: z.literal('follow-up'), chase: z.boolean() }),
  z.object({ kind: z.literal('escalation'), from: attempt, to: attempt }),
  z.object({
    kind: z.literal('adr-letter'),
    trigger: z.enum(['deadlock', 'time-limit']),
    issuedOn: localDate,
    windowEndsOn: localDate,
  }),
  z.object({ kind: z.literal('closure'), reason: z.enum(CLOSURE_REASONS) }),
]);
const payloadSchema = z.object({ complaintId: z.string(), email: emailSchema });

/** The job: emails the customer, or records why not (they prefer letters, or have no address). */
export async function notifyCustomer(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { complaintId, email } = payloadSchema.parse(payload);
  const db = ctx.db.kysely;
  const complaint = await findComplaintById(db, complaintId);
  const customer = complaint && (await findCustomer(db, complaint.customerId));
  if (!complaint || !customer) return;
  const address = emailAddressOf(customer);
  if ('reason' in address) {
    await recordNoEmail(ctx, complaint.id, email.kind, address.reason);
    return;
  }
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to: address.to,
    kind: email.kind,
    content: renderCustomerEmail(letterheadFor(ctx, complaint.reference, customer), email, ctx.publicUrl),
  });
}
