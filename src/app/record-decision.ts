/**
 * Writes what the domain decided, in the caller's transaction (change-complaint.ts and record-complaint.ts are
 * its two callers): the new state of the complaint and its management figures (insight facts), one audit
 * event per domain event, the interaction-log rows, the clock's jobs, the customer's emails (outbox jobs) and,
 * at closure, the satisfaction survey. Every use case that changes a complaint ends here, so a change and its
 * consequences always commit together.
 */
import { appendAuditEvents } from '../db/audit.ts';
import { insertComplaint, saveComplaint } from '../db/complaints.ts';
import type { Executor } from '../db/database.ts';
import { insertContact, insertNote } from '../db/interaction-log.ts';
import { enqueueAll } from '../db/jobs.ts';
import { type Actor, actorId } from '../domain/actor.ts';
import { adrDueOn } from '../domain/clocks.ts';
import type { Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { Procedure } from '../domain/procedure.ts';
import { clockJobsFor } from './clock-jobs.ts';
import { keepComplaintInsight } from './keep-insight.ts';
import { notificationJobsFor } from './notify-customer.ts';
import { offerSatisfactionSurvey } from './offer-satisfaction-survey.ts';

/** The audit trail's name for an actor. */
export function auditActor(actor: Actor): string {
  return actorId(actor) ?? 'system';
}

/** A decided change: the state before (none for a new complaint), the events, and the state they lead to. */
export interface DecidedChange {
  before: Complaint | undefined;
  /** `before` with `events` applied (by the caller, who needed it to decide): it is not applied again here. */
  after: Complaint;
  events: readonly Event[];
}

/** Stores a decided change and everything that comes with it. Returns the new state. */
export async function recordChange(
  trx: Executor,
  { before, after: state, events }: DecidedChange,
  actor: Actor,
  now: Date,
  procedure: Procedure,
): Promise<Complaint> {
  const at = now.toISOString();
  const meta = { at, by: actorId(actor) };
  const dueOn = adrDueOn(state, procedure);
  if (before) await saveComplaint(trx, before, state, dueOn, at);
  else await insertComplaint(trx, state, dueOn, at);
  // The survey first (at closure), so that the figures count it: they move with the complaint.
  const surveyJobs = await offerSatisfactionSurvey(trx, state, events, now);
  await keepComplaintInsight(trx, state, dueOn);

  const complaintId = state.id;
  await appendAuditEvents(
    trx,
    events.map((event) => ({ complaintId, type: event.type, actor: auditActor(actor), at, payload: event })),
  );
  for (const event of events) {
    if (event.type === 'contact-logged') {
      await insertContact(
        trx,
        state.id,
        {
          id: event.contactId,
          channel: event.channel,
          direction: event.direction,
          summary: event.summary,
          occurredAt: event.occurredAt,
          recordedBy: meta.by,
          visibleToCustomer: event.visibleToCustomer,
        },
        at,
      );
    } else if (event.type === 'note-added') {
      await insertNote(trx, state.id, {
        id: event.noteId,
        text: event.text,
        authorId: meta.by,
        createdAt: at,
      });
    }
  }
  await enqueueAll(
    trx,
    [
      ...clockJobsFor(state, events, procedure),
      ...notificationJobsFor(state, events, now, actor),
      ...surveyJobs,
    ],
    now,
  );
  return state;
}
