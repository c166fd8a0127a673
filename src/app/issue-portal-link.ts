/**
 * The job behind a request for a portal sign-in link (request-portal-link.ts). It looks the details up and,
 * when they match and the complaint has fewer than three unused links, issues a link and sends it: by email
 * when the customer gave their email address, by text message when they gave their phone number (a UK
 * mobile, through the SMS gateway). A send that fails throws, so the worker retries the job.
 *
 * The token lives only in the message that carries it: the database keeps its hash, an emailed copy is
 * stored without it, and it is never logged, in any configuration.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAuditEvent, listAuditEvents } from '../db/audit.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { findEmailByMessageId } from '../db/emails.ts';
import { countLivePortalLinks, insertPortalLink } from '../db/portal.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import { samePhoneNumber, ukMobileE164 } from '../domain/phone.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import { portalLinkText } from '../sms/texts.ts';
import type { AppContext } from './context.ts';
import { linkChannel, PORTAL_LINK_MINUTES } from './request-portal-link.ts';
import { fromAddress, letterheadFor, type OutboxJob, sendCustomerEmail } from './send-customer-email.ts';
import { sha256 } from './sign-in.ts';

/** Unused, unexpired links a complaint may have at once: enough for a retry or two, not for a flood. */
const MAX_LIVE_LINKS = 3;

const requestSchema = z.object({ reference: z.string(), contact: z.string() });

/** Whether `contact` is the customer's email (any case) or phone number (however it is written). */
function matchesRecord(customer: Customer, contact: string): boolean {
  const given = contact.trim();
  if (linkChannel(given) === 'email')
    return customer.email !== null && customer.email === given.toLowerCase();
  return customer.phone !== null && samePhoneNumber(customer.phone, given);
}

/** The job: issues and sends a link when the details match. */
export async function issuePortalLink(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { reference, contact } = requestSchema.parse(payload);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  const customer = complaint && (await findCustomer(ctx.db.kysely, complaint.customerId));
  if (!complaint || !customer || !matchesRecord(customer, contact)) {
    ctx.logger.info({ reference }, 'portal sign-in link not sent: the details do not match');
    return;
  }
  if (linkChannel(contact) === 'email' && customer.email) {
    await emailLink(ctx, job, complaint, customer, customer.email);
  } else {
    await textLink(ctx, job, complaint, customer);
  }
}

/**
 * Stores a new link (its hash) with its trail entry, unless the complaint has enough live links already;
 * returns the link, or null. A retry of a job whose link never reached the customer may replace it.
 */
async function issueLink(
  ctx: AppContext,
  job: OutboxJob,
  complaint: Complaint,
  customer: Customer,
  to: 'email' | 'sms',
  replacing: boolean,
): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const issued = await transaction(ctx.db, async (trx) => {
    const live = await countLivePortalLinks(trx, complaint.id, now.toISOString());
    if (!replacing && live >= MAX_LIVE_LINKS) return false;
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
      payload: { to, job: job.id },
    });
    return true;
  });
  if (!issued) {
    ctx.logger.warn(
      { reference: complaint.reference },
      'portal sign-in link not sent: too many unused links',
    );
    return null;
  }
  return `${ctx.publicUrl}/track/sign-in?token=${token}`;
}

async function emailLink(
  ctx: AppContext,
  job: OutboxJob,
  complaint: Complaint,
  customer: Customer,
  to: string,
): Promise<void> {
  // A retry of an emailed link that did not go out: a fresh link replaces the one nobody received.
  const earlier = await findEmailByMessageId(ctx.db.kysely, outboxMessageId(job.id, fromAddress(ctx)));
  if (earlier && earlier.status !== 'queued') return;
  const link = await issueLink(ctx, job, complaint, customer, 'email', earlier !== undefined);
  if (!link) return;
  const head = letterheadFor(ctx, complaint.reference, customer);
  const email = { kind: 'portal-link' as const, minutes: PORTAL_LINK_MINUTES };
  await sendCustomerEmail(ctx, job, {
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    to,
    kind: 'portal-link',
    content: renderCustomerEmail(head, { ...email, link }, ctx.publicUrl),
    stored: renderCustomerEmail(
      head,
      { ...email, link: `${ctx.publicUrl}/track/sign-in?token=(not kept)` },
      ctx.publicUrl,
    ),
  });
}

async function textLink(ctx: AppContext, job: OutboxJob, complaint: Complaint, customer: Customer) {
  const db = ctx.db.kysely;
  const { reference } = complaint;
  const to = customer.phone ? ukMobileE164(customer.phone) : null;
  if (!ctx.sms || !to) {
    const reason = ctx.sms ? 'the number on record is not a UK mobile' : 'no SMS gateway (SMS_GATEWAY_URL)';
    ctx.logger.info({ reference, reason }, 'portal sign-in link not sent by text message');
    return;
  }
  const mine = (await listAuditEvents(db, complaint.id)).filter(
    (e) => (e.payload as { job?: unknown } | null)?.job === job.id,
  );
  // A retry after the text went out (and the worker lost the job's result) sends nothing more.
  if (mine.some((e) => e.type === 'sms-sent')) return;
  const replacing = mine.some((e) => e.type === 'portal-link-issued');
  const link = await issueLink(ctx, job, complaint, customer, 'sms', replacing);
  if (!link) return;
  const text = portalLinkText(ctx.procedure, reference, link, PORTAL_LINK_MINUTES);
  let sent: { id: string | null };
  try {
    sent = await ctx.sms.send({ to, text, idempotencyKey: job.id });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const log = { reference, sms: 'portal-link', attempt: job.attempts, error: message };
    if (job.attempts >= job.maxAttempts) {
      await appendAuditEvent(db, {
        complaintId: complaint.id,
        type: 'sms-failed',
        actor: 'system',
        at: ctx.now().toISOString(),
        payload: { purpose: 'portal-link', to, error: message, job: job.id },
      });
      ctx.logger.error(log, 'text message failed for good');
    } else {
      ctx.logger.warn(log, 'text message not sent yet: will retry');
    }
    throw error;
  }
  await appendAuditEvent(db, {
    complaintId: complaint.id,
    type: 'sms-sent',
    actor: 'system',
    at: ctx.now().toISOString(),
    payload: { purpose: 'portal-link', to, gatewayId: sent.id, job: job.id },
  });
  ctx.logger.info({ reference, sms: 'portal-link', gatewayId: sent.id }, 'text message sent');
}
