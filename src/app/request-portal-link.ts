/**
 * A customer asks to track a complaint: they give its CRN and the email or phone number on their record, and
 * get a one-time sign-in link (single use, valid for 30 minutes). Whether the details matched is never said,
 * so the form cannot be used to find out who has complained. Until email delivery arrives, the link is
 * written to the log.
 */
import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../db/audit.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { insertPortalLink } from '../db/portal.ts';
import type { Customer } from '../domain/customer.ts';
import type { AppContext } from './context.ts';
import { canonicalReference } from './reference.ts';
import { sha256 } from './sign-in.ts';

export const PORTAL_LINK_MINUTES = 30;

/** Whether `contact` is the customer's email (any case) or phone number (digits compared). */
function matchesRecord(customer: Customer, contact: string): boolean {
  const given = contact.trim();
  if (given.includes('@')) return customer.email !== null && customer.email === given.toLowerCase();
  const digits = (value: string) => value.replace(/\D/g, '').replace(/^44/, '0');
  return customer.phone !== null && digits(given).length >= 6 && digits(customer.phone) === digits(given);
}

/** Issues a sign-in link when the details match; returns nothing either way. */
export async function requestPortalLink(
  ctx: AppContext,
  input: { reference: string; contact: string },
  publicUrl: string,
): Promise<void> {
  const reference = canonicalReference(ctx.procedure, input.reference);
  const complaint = await findComplaintByReference(ctx.db.kysely, reference);
  const customer = complaint && (await findCustomer(ctx.db.kysely, complaint.customerId));
  if (!complaint || !customer || !matchesRecord(customer, input.contact)) {
    ctx.logger.info({ reference }, 'portal sign-in link refused: the details do not match');
    return;
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await transaction(ctx.db, async (trx) => {
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
      payload: { to: input.contact.includes('@') ? 'email' : 'phone' },
    });
  });
  const link = `${publicUrl}/track/sign-in?token=${token}`;
  ctx.logger.info(
    { reference, to: customer.email ?? customer.phone, link },
    'portal sign-in link (email delivery comes later)',
  );
}
