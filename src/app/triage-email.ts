/**
 * Messages awaiting triage (MAIL_NEW_MESSAGES=triage): a member of staff makes one a complaint — recorded as
 * if it had arrived that way, acknowledged by a reply to it — or dismisses it with a reason. Whoever settles
 * it first wins; the other is told it has been dealt with.
 */

import { findCustomersByEmail } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { findEmailWithAttachments, settleTriagedEmail } from '../db/email-log.ts';
import type { Actor } from '../domain/actor.ts';
import { type Category, unclassifiedCategory } from '../domain/procedure.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { DESCRIPTION_LIMIT } from './receive-email.ts';
import { recordComplaint } from './record-complaint.ts';

type Staff = Extract<Actor, { kind: 'staff' }>;

async function awaitingTriage(ctx: AppContext, id: string) {
  const found = await findEmailWithAttachments(ctx.db.kysely, id);
  if (!found) throw notFound(`email ${id}`);
  if (found.email.kind !== 'triage' || found.email.complaint_id !== null) {
    throw new AppError(
      'not-allowed-now',
      'this message is not awaiting triage (someone may have dealt with it)',
    );
  }
  return found.email;
}

const settledAlready = () =>
  new AppError('conflict', 'someone else dealt with this message at the same time');

/** Makes the message a complaint; returns its reference. */
export async function convertTriagedEmail(
  ctx: AppContext,
  id: string,
  actor: Staff,
  input: { category?: Category | undefined; formal?: boolean | undefined } = {},
): Promise<{ reference: string }> {
  const email = await awaitingTriage(ctx, id);
  const customers = await findCustomersByEmail(ctx.db.kysely, email.from_address);
  const existing = customers.length === 1 ? customers[0] : undefined;
  const description = (email.text_body.trim() || email.subject.trim()).slice(0, DESCRIPTION_LIMIT);
  const recorded = await recordComplaint(
    ctx,
    {
      customer: existing
        ? { id: existing.id }
        : {
            name: email.from_address.split('@')[0] || email.from_address,
            email: email.from_address,
            preferredChannel: 'email',
          },
      channel: 'email',
      category: input.category ?? unclassifiedCategory(ctx.procedure),
      formal: input.formal ?? false,
      description: description || '(an empty email)',
      firstExpressedAt: email.created_at,
      contact: {
        direction: 'in',
        summary: `Email "${email.subject.slice(0, 120)}" made a complaint by staff`,
      },
    },
    actor,
    undefined,
    async (trx, complaint) => {
      const settled = await settleTriagedEmail(trx, id, {
        kind: 'new-complaint',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        note: `Made a complaint (${complaint.reference}) at triage.`,
      });
      if (!settled) throw settledAlready();
    },
  );
  return { reference: recorded.reference };
}

/** Dismisses the message (not a complaint: spam, a misdirected enquiry…), with the reason. */
export async function dismissTriagedEmail(ctx: AppContext, id: string, reason: string) {
  await awaitingTriage(ctx, id);
  await transaction(ctx.db, async (trx) => {
    if (!(await settleTriagedEmail(trx, id, { kind: 'dismissed', note: `Dismissed at triage: ${reason}` }))) {
      throw settledAlready();
    }
  });
}
