/**
 * A customer asks to track a complaint: they give its CRN and the email or phone number on their record, and
 * get a one-time sign-in link (single use, valid for 30 minutes). Whether the details matched is never said,
 * not even by how long the answer takes: the request only queues a job, and the job does the looking up.
 * The link goes by email when the contact given was the customer's email address; for a phone number (no SMS
 * yet), or with no mail settings at all (test harnesses), the log is the only place it goes, so it is logged.
 * An emailed link is never logged, and the database keeps the email without it (only its hash is stored).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAuditEvent } from '../db/audit.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { findEmailByMessageId } from '../db/emails.ts';
import { enqueueAll } from '../db/jobs.ts';
import { countLivePortalLinks, insertPortalLink } from '../db/portal.ts';
import type { Customer } from '../domain/customer.ts';
import { nationalDigits } from '../domain/customer-match.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import { canonicalReference } from './reference.ts';
import { fromAddress, letterheadFor, type OutboxJob, sendCustomerEmail } from './send-customer-email.ts';
import { sha256 } from './sign-in.ts';

export const PORTAL_LINK_KIND = 'portal-link';
export const PORTAL_LINK_MINUTES = 30;
/** Unused, unexpired links a complaint may have at once: enough for a retry or two, not for a flood. */
const MAX_LIVE_LINKS = 3;

/** Whether `contact` is the customer's email (any case) or phone number. */
function matchesRecord(customer: Customer, contact: string): boolean {
  const given = contact.trim();
  if (given.includes('@')) return customer.email !== null && customer.email === given.toLowerCase();
  const digits = nationalDigits(given);
  return customer.phone !== null && digits.length >= 6 && nationalDigits(customer.phone) === digits;
}

/** Queues the request; a CRN with a wrong check character is refused at once (that reveals nothing). */
export async function requestPortalLink(
  ctx: AppContext,
  input: { reference: string; contact: string },
): Promise<void> {
  const reference = canonicalReference(ctx.procedure, input.reference);
  const now = ctx.now();
  await enqueueAll(
    ctx.db.kysely,
    [{ kind: PORTAL_LINK_KIND, payload: { reference, contact: input.contact }, runAt: now }],
    now,
  );
}

const requestSchema = z.object({ reference: z.string(), contact: z.string() });

/** The job: issues a link when the details match and the complaint has not too many live links already. */
export async function issuePortalLink(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { reference, contact } = requestSchema.parse(payload);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  const customer = complaint && (await findCustomer(ctx.db.kysely, complaint.customerId));
  if (!complaint || !customer || !matchesRecord(customer, contact)) {
    ctx.logger.info({ reference }, 'portal sign-in link not sent: the details do not match');
    return;
  }
  const byEmail = contact.includes('@') && ctx.mail !== undefined;
  // A retry of an emailed link that did not go out: a fresh link replaces the one nobody received.
  const earlier = byEmail
    ? await findEmailByMessageId(ctx.db.kysely, outboxMessageId(job.id, fromAddress(ctx)))
    : undefined;
  if (earlier && earlier.status !== 'queued') return;
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const issued = await transaction(ctx.db, async (trx) => {
    const live = await countLivePortalLinks(trx, complaint.id, now.toISOString());
    if (!earlier && live >= MAX_LIVE_LINKS) return false;
    await insertPortalLink(trx, {
      id: sha256(token),
      customerId: customer.id,
      complaintId: complaint.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PORTAL_LINK_MINUTES * 60_000).toISOString(),
    });
    await appendAuditEvent(trx, {
      complaintId: complaint.id,
      type: 'portal-link-issued',
      actor: `customer:${customer.id}`,
      at: now.toISOString(),
      payload: { to: contact.includes('@') ? 'email' : 'phone' },
    });
    return true;
  });
  if (!issued) {
    ctx.logger.warn({ reference }, 'portal sign-in link not sent: too many unused links already');
    return;
  }
  const link = `${ctx.publicUrl}/track/sign-in?token=${token}`;
  if (!byEmail || !customer.email) {
    ctx.logger.info({ reference, to: contact, link }, 'portal sign-in link (no email or SMS delivery)');
    return;
  }
  const head = letterheadFor(ctx, complaint.reference, customer);
  const email = { kind: 'portal-link' as const, minutes: PORTAL_LINK_MINUTES };
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to: customer.email,
    kind: 'portal-link',
    content: renderCustomerEmail(head, { ...email, link }, ctx.publicUrl),
    stored: renderCustomerEmail(
      head,
      { ...email, link: `${ctx.publicUrl}/track/sign-in?token=(not kept)` },
      ctx.publicUrl,
    ),
  });
}
