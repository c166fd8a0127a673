/**
 * Tells the customer by email when something happens to their complaint that they need to know about: a
 * proposal, the follow-up question, an escalation, the ADR letter, the closure. `notificationJobsFor` picks
 * those events out in `recordDecision`, so each email is an outbox job written in the transaction of the
 * change; `notifyCustomer` is that job. What the email says comes with the job (the event as it was), so a
 * late try never describes a later state.
 */
import { z } from 'zod';
import { listUploadsByIds } from '../db/attachments.ts';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import type { NewJob } from '../db/jobs.ts';
import type { LetterFacts } from '../documents/letters/index.ts';
import type { Actor } from '../domain/actor.ts';
import type { Event } from '../domain/commands.ts';
import {
  adrEligible,
  CLOSURE_REASONS,
  type Complaint,
  complaintAsQuoted,
  handlerOf,
} from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import { STAGES } from '../domain/procedure.ts';
import { type LocalDate, londonDate } from '../domain/time.ts';
import { type CustomerEmail, renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import { adrLetterSourceKey, issueLetter, signatory } from './issue-letter.ts';
import {
  emailAddressOf,
  emailOrPost,
  letterheadFor,
  type OutboxJob,
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
      case 'replied':
        emails.push({ kind: 'reply', subject: event.subject, body: event.body, files: event.files ?? [] });
        break;
      case 'complaint-recorded': // acknowledged by its own job (acknowledge-complaint.ts)
      case 'attempt-opened':
      case 'immediate-action-not-practical': // the escalation that comes with it says it
      case 'review-recorded':
      case 'response-recorded':
      case 'deadlock-declared': // the ADR letter issued with it says it
      case 'referral-recorded':
      case 'ombudsman-outcome-recorded':
      case 'case-fee-recorded':
      case 'root-cause-recorded':
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

/**
 * What a letter needs that its event does not carry, taken when the change is made: who handles the
 * complaint (else the member of staff who made the change), and for an ADR letter the complaint's summary
 * and our position then.
 */
function letterContext(
  complaint: Complaint,
  events: readonly Event[],
  email: CustomerEmail,
  actor: Actor | null,
) {
  const writer = actor?.kind === 'staff' ? actor.id : null;
  // A reply is signed by whoever wrote it; everything else by the person handling the complaint.
  const handlerId = (email.kind === 'reply' ? writer : null) ?? handlerOf(complaint) ?? writer;
  if (email.kind !== 'adr-letter') return { handlerId };
  // Only a director's declaration states a position; a failed attempt 3 carries the procedure's own words.
  const deadlock = events.find((e) => e.type === 'deadlock-declared' && e.declared);
  const offers = complaint.attempts.flatMap((a) => (a.proposal ? [a.proposal.summary] : []));
  const quoted = complaintAsQuoted(complaint);
  return {
    handlerId,
    adr: {
      complaintSummary: quoted.text,
      summaryIsTheirWords: quoted.theirWords,
      deadlockReason: deadlock?.type === 'deadlock-declared' ? deadlock.reason : null,
      stage: complaint.stage,
      lastOffer: offers.at(-1) ?? null,
      adrEligible: adrEligible(complaint),
    },
  };
}

/** The jobs that send this change's emails; the complaint's new version makes each job's key unique. */
export function notificationJobsFor(
  complaint: Complaint,
  events: readonly Event[],
  now: Date,
  actor: Actor,
): NewJob[] {
  return customerEmailsFor(events).map((email) => ({
    kind: NOTIFY_CUSTOMER_KIND,
    payload: { complaintId: complaint.id, email, ...letterContext(complaint, events, email, actor) },
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
  z.object({
    kind: z.literal('reply'),
    subject: z.string(),
    body: z.string(),
    files: z.array(z.object({ id: z.string(), filename: z.string() })).optional(),
  }),
]);
const payloadSchema = z.object({
  complaintId: z.string(),
  email: emailSchema,
  // Absent from jobs queued before letters existed: those take the complaint as it is when they run.
  handlerId: z.string().nullable().optional(),
  adr: z
    .object({
      complaintSummary: z.string(),
      summaryIsTheirWords: z.boolean().optional(),
      deadlockReason: z.string().nullable(),
      stage: z.enum(STAGES),
      lastOffer: z.string().nullable(),
      adrEligible: z.boolean(),
    })
    .optional(),
});
type Payload = z.infer<typeof payloadSchema>;

/** The letter that goes with an email: each customer-facing email has one, for post or to attach. */
function letterFacts(ctx: AppContext, complaint: Complaint, payload: Payload): LetterFacts | null {
  const { email } = payload;
  switch (email.kind) {
    case 'proposal':
      return { kind: 'proposal', attempt: email.attempt, summary: email.summary, steps: email.steps };
    case 'escalation':
      return { kind: 'escalation', from: email.from, to: email.to };
    case 'closure':
      return { kind: 'closure', reason: email.reason };
    case 'adr-letter': {
      const adr = adrContext(complaint, payload);
      if (!adr) return null;
      return {
        kind: 'adr-letter',
        trigger: email.trigger,
        issuedOn: email.issuedOn,
        windowEndsOn: email.windowEndsOn,
        complaintSummary: adr.complaintSummary,
        summaryIsTheirWords: adr.summaryIsTheirWords,
        position:
          adr.deadlockReason ??
          (email.trigger === 'deadlock'
            ? 'We have looked at your complaint at every stage of our procedure, the last a review by a director, and we cannot offer more than we have.'
            : `Your complaint is at ${ctx.procedure.stages[adr.stage].name}.`),
        lastOffer: adr.lastOffer,
        adrEligible: adr.adrEligible,
      };
    }
    case 'follow-up':
      return { kind: 'follow-up', chase: email.chase };
    case 'reply':
      return { kind: 'reply', subject: email.subject, body: email.body, files: email.files };
    default: {
      const unknown: never = email;
      throw new Error(`unknown email ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** The ADR context taken with the change; a job queued before it was taken reads the complaint as it is. */
function adrContext(complaint: Complaint, payload: Payload) {
  return payload.adr ?? letterContext(complaint, [], payload.email, null).adr;
}

/** An ADR letter's document is keyed by the letter (what `redress adr audit` checks); others by their job. */
function sourceKeyOf(complaint: Complaint, email: CustomerEmail, job: OutboxJob): string {
  if (email.kind !== 'adr-letter') return `job:${job.id}`;
  const letter = complaint.adrLetters.find(
    (l) => l.trigger === email.trigger && l.issuedOn === email.issuedOn,
  );
  return letter ? adrLetterSourceKey(letter.id) : `job:${job.id}`;
}

/** What one notification sends: its letter (when there is one) and its email, as the job would send them. */
export interface ComposedNotification {
  address: ReturnType<typeof emailAddressOf>;
  letter: { facts: LetterFacts; date: LocalDate; handlerId: string | null } | null;
  email: CustomerEmail;
}

/**
 * Decides what a notification sends, from the job's payload: the job sends it, and a preview shows it before
 * the change is made, so what staff see is what the customer gets.
 */
export async function composeNotification(
  ctx: AppContext,
  complaint: Complaint,
  customer: Customer,
  raw: unknown,
): Promise<ComposedNotification> {
  const payload = payloadSchema.parse(raw);
  const { email } = payload;
  const address = emailAddressOf(customer);
  const handlerId = payload.handlerId === undefined ? handlerOf(complaint) : payload.handlerId;
  // A reply by email is the message itself; only one that goes by post becomes a letter.
  const facts = email.kind === 'reply' && 'to' in address ? null : letterFacts(ctx, complaint, payload);
  const date = email.kind === 'adr-letter' ? email.issuedOn : londonDate(ctx.now());
  return {
    address,
    letter: facts && { facts, date, handlerId },
    email:
      email.kind === 'adr-letter'
        ? { ...email, adrEligible: adrContext(complaint, payload)?.adrEligible }
        : email.kind === 'reply'
          ? { ...email, signer: await signatory(ctx, handlerId) }
          : email,
  };
}

/**
 * The job: issues the letter that goes with the event (stored, and queued for post when the customer takes
 * no email), then emails the customer with the letter attached, or records why there is no email.
 */
export async function notifyCustomer(ctx: AppContext, job: OutboxJob, raw: unknown): Promise<void> {
  const db = ctx.db.kysely;
  const { complaintId } = payloadSchema.parse(raw);
  const complaint = await findComplaintById(db, complaintId);
  const customer = complaint && (await findCustomer(db, complaint.customerId));
  if (!complaint || !customer) return;
  const { address, letter: toIssue, email } = await composeNotification(ctx, complaint, customer, raw);
  const letter =
    toIssue &&
    (await issueLetter(ctx, {
      complaint,
      customer,
      ...toIssue,
      sourceKey: sourceKeyOf(complaint, email, job),
      delivery: 'to' in address ? 'email' : 'post',
    }));
  const to = await emailOrPost(ctx, complaint.id, email.kind, address, letter);
  if (!to) return;
  // Files sent with a reply go with its email, read on every try from where the reply stored them.
  const files =
    email.kind === 'reply' && email.files?.length
      ? await listUploadsByIds(
          db,
          ctx.documents,
          complaint.id,
          email.files.map((f) => f.id),
        )
      : [];
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to,
    kind: email.kind,
    content: renderCustomerEmail(letterheadFor(ctx, complaint.reference, customer), email, ctx.publicUrl),
    letter: letter ?? undefined,
    files,
  });
}
