/**
 * The job that emails the satisfaction survey's link (offered at closure: offer-satisfaction-survey.ts). The
 * link carries a random token; the database keeps its hash and expiry, the stored copy of the email is kept
 * without it, and a retry of a send that never went out replaces the token nobody received. Nothing is sent
 * when the customer answered already (in the portal), opted out since, or takes no email: the portal
 * still asks them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { findEmailByMessageId } from '../db/emails.ts';
import { findSurvey, setSurveyToken } from '../db/satisfaction.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import type { AppContext } from './context.ts';
import {
  emailAddressOf,
  fromAddress,
  letterheadFor,
  type OutboxJob,
  sendCustomerEmail,
} from './send-customer-email.ts';
import { sha256 } from './sign-in.ts';

/** Days the emailed link works: long enough for a customer back from holiday, not for ever. */
export const SURVEY_LINK_DAYS = 60;

/** Where a survey link points: the token rides in the fragment, which browsers never send to a server. */
export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/survey#${token}`;
}

const payloadSchema = z.object({ complaintId: z.string() });

export async function sendSatisfactionSurvey(ctx: AppContext, job: OutboxJob, raw: unknown): Promise<void> {
  const db = ctx.db.kysely;
  const { complaintId } = payloadSchema.parse(raw);
  const [complaint, survey] = await Promise.all([
    findComplaintById(db, complaintId),
    findSurvey(db, complaintId),
  ]);
  const customer = complaint && (await findCustomer(db, complaint.customerId));
  if (!complaint || !customer || !survey || survey.answeredAt || customer.contactOptOut) return;
  const address = emailAddressOf(customer);
  if (!('to' in address)) {
    ctx.logger.info({ reference: complaint.reference, reason: address.reason }, 'survey not emailed');
    return;
  }
  const earlier = await findEmailByMessageId(db, outboxMessageId(job.id, fromAddress(ctx)));
  if (earlier && earlier.status !== 'queued') return;
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await setSurveyToken(db, complaintId, {
    hash: sha256(token),
    expiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 86_400_000).toISOString(),
  });
  const head = letterheadFor(ctx, complaint.reference, customer);
  const email = { kind: 'satisfaction-survey' as const, days: SURVEY_LINK_DAYS };
  await sendCustomerEmail(ctx, job, {
    complaintId,
    reference: complaint.reference,
    customerId: customer.id,
    to: address.to,
    kind: 'satisfaction-survey',
    content: renderCustomerEmail(head, { ...email, link: surveyLink(ctx.publicUrl, token) }, ctx.publicUrl),
    stored: renderCustomerEmail(
      head,
      { ...email, link: surveyLink(ctx.publicUrl, '(not kept)') },
      ctx.publicUrl,
    ),
  });
}
