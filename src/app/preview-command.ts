/**
 * What a command would send the customer, before anyone confirms it: the command is decided on the complaint
 * as it stands (refused exactly as it would be), and each notification it would cause is composed and
 * rendered as the job will render it — the email and the letter, PDF and text. Nothing is written: the
 * preview of a deadlock shows the ADR letter with the director's words where the customer will read them.
 */
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { newId } from '../db/ids.ts';
import { type Actor, actorId } from '../domain/actor.ts';
import type { Command } from '../domain/commands.ts';
import { evolveAll } from '../domain/evolve.ts';
import { decide } from '../domain/lifecycle.ts';
import { renderCustomerEmail } from '../mail/templates/index.ts';
import { refusalError } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { letterInput, renderWith } from './issue-letter.ts';
import { composeNotification, notificationJobsFor } from './notify-customer.ts';
import { canonicalReference } from './reference.ts';
import { requireActiveStaff } from './require-active-staff.ts';
import { routingFor } from './route-complaint.ts';
import { letterheadFor } from './send-customer-email.ts';

export interface CustomerFacingPreview {
  /** What the notification is: `reply`, `proposal`, `adr-letter`, … */
  kind: string;
  delivery: 'email' | 'post';
  /** The email as the customer will read it (null when it goes by post). */
  email: { subject: string; text: string } | null;
  /** The letter: issued with the email, or posted instead of it. */
  letter: { title: string; text: string; pages: number; pdf: Buffer } | null;
}

/** Everything `command` would send the customer now, rendered; an empty list when it sends nothing. */
export async function previewCommand(
  ctx: AppContext,
  input: string,
  command: Command,
  actor: Actor,
): Promise<CustomerFacingPreview[]> {
  const reference = canonicalReference(ctx.procedure, input);
  const db = ctx.db.kysely;
  const complaint = await findComplaintByReference(db, reference);
  if (!complaint) throw notFound(`complaint ${reference}`);
  const customer = await findCustomer(db, complaint.customerId);
  if (!customer) throw notFound(`the customer of ${reference}`);
  const now = ctx.now();
  const staffRoles = await requireActiveStaff(
    db,
    command.type === 'assign' ? [['ownerId', command.ownerId]] : [],
  );
  const decision = decide(complaint, command, {
    actor,
    now,
    procedure: ctx.procedure,
    newId: () => newId(now.getTime()),
    staffRoles,
  });
  if (!decision.ok) throw refusalError(decision.refusal);
  const meta = { at: now.toISOString(), by: actorId(actor) };
  const events = [...decision.events];
  let state = evolveAll(complaint, events, meta);
  // Who the letters name depends on who will own it: the routing's answer, without recording a turn.
  const routed = await routingFor(db, ctx.procedure, complaint, state, actor, meta.at, { dryRun: true });
  if (routed) {
    events.push(routed);
    state = evolveAll(complaint, events, meta);
  }
  const previews: CustomerFacingPreview[] = [];
  for (const job of notificationJobsFor(state, events, now, actor)) {
    const composed = await composeNotification(ctx, state, customer, JSON.parse(JSON.stringify(job.payload)));
    const delivery = 'to' in composed.address ? 'email' : 'post';
    const rendered =
      composed.letter &&
      (await renderWith(ctx, await letterInput(ctx, { complaint: state, customer, ...composed.letter })));
    const email =
      delivery === 'email'
        ? renderCustomerEmail(letterheadFor(ctx, state.reference, customer), composed.email, ctx.publicUrl)
        : null;
    previews.push({
      kind: composed.email.kind,
      delivery,
      email: email && { subject: email.subject, text: email.text },
      letter: rendered && {
        title: rendered.title,
        text: rendered.text,
        pages: rendered.pages,
        pdf: rendered.pdf,
      },
    });
  }
  return previews;
}
