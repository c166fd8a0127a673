/**
 * A customer asks to track a complaint: they give its CRN and the email or phone number on their record, and
 * get a one-time sign-in link (single use, valid for 30 minutes). Whether the details matched is never said,
 * not even by how long the answer takes: the request only queues a job, and the job (issue-portal-link.ts)
 * does the looking up and sends the link, by email or by text message.
 */
import { enqueueAll } from '../db/jobs.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';
import { canonicalReference } from './reference.ts';

export const PORTAL_LINK_KIND = 'portal-link';
export const PORTAL_LINK_MINUTES = 30;

/** How the link would travel to this contact: an address with an @ is an email, anything else a phone. */
export function linkChannel(contact: string): 'email' | 'sms' {
  return contact.includes('@') ? 'email' : 'sms';
}

/** Which ways a sign-in link can travel here: email always, text messages with an SMS gateway. */
export function linkChannels(ctx: AppContext): ('email' | 'sms')[] {
  return ctx.sms ? ['email', 'sms'] : ['email'];
}

/**
 * Queues the request. A CRN with a wrong check character is refused at once (that reveals nothing), and so
 * is a phone number when there is no SMS gateway: saying "sent" then would be untrue.
 */
export async function requestPortalLink(
  ctx: AppContext,
  input: { reference: string; contact: string },
): Promise<void> {
  const reference = canonicalReference(ctx.procedure, input.reference);
  if (linkChannel(input.contact) === 'sms' && !ctx.sms) {
    throw invalidField(
      'contact',
      `is not an email address: we send sign-in links by email only. To track your complaint by phone, call us on ${ctx.procedure.company.phone}.`,
    );
  }
  const now = ctx.now();
  await enqueueAll(
    ctx.db.kysely,
    [{ kind: PORTAL_LINK_KIND, payload: { reference, contact: input.contact }, runAt: now }],
    now,
  );
}
