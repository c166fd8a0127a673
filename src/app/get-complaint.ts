/**
 * A complaint as staff see it: the state, the people, the clocks, the interaction log, one timeline, and
 * `nextActions` for the user asking.
 */
import { type ComplaintWith, readComplaintWith } from '../db/complaint-view.ts';
import type { Actor } from '../domain/actor.ts';
import { adrDueOn, adrWarningDates, overdueSteps } from '../domain/clocks.ts';
import { adrEligible, currentAttempt, isOpen, referralStatus, stageReached } from '../domain/complaint.ts';
import { nextActions } from '../domain/lifecycle.ts';
import { findRootCause, type Procedure } from '../domain/procedure.ts';
import { neededRole } from '../domain/routing.ts';
import { daysBetween, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

/** How many of the customer's other complaints the page lists (newest first). */
const OTHER_COMPLAINTS = 20;

/** What the staff view reads beside the complaint, all in one query (db/complaint-view.ts). */
export const STAFF_VIEW_PARTS = [
  'customer',
  'otherComplaints',
  'contacts',
  'notes',
  'auditEvents',
  'emails',
  'documents',
  'uploads',
  'emailAttachments',
  'satisfaction',
  'staffNames',
] as const;

export type StaffViewRecord = ComplaintWith<(typeof STAFF_VIEW_PARTS)[number]>;

export interface TimelineEntry {
  at: string;
  kind: 'event' | 'contact' | 'note' | 'email';
  type: string;
  actor: string | null;
  summary: string;
  details: unknown;
}

/**
 * Everything about one complaint, for a member of staff: internal notes and alerts included. Customers get
 * their own view (get-portal-complaint.ts). One query.
 */
export async function getComplaint(ctx: AppContext, input: string, actor: Extract<Actor, { kind: 'staff' }>) {
  const reference = canonicalReference(ctx.procedure, input);
  const record = await readComplaintWith(ctx.db.kysely, reference, STAFF_VIEW_PARTS, {
    otherComplaints: OTHER_COMPLAINTS,
  });
  if (!record) {
    throw notFound(`complaint ${reference}`);
  }
  return staffView(ctx, record, actor);
}

/**
 * The staff view of a complaint read with STAFF_VIEW_PARTS: the state, the clocks, one timeline and
 * `nextActions` for `actor`, as of now.
 */
export function staffView(
  ctx: AppContext,
  record: StaffViewRecord,
  actor: Extract<Actor, { kind: 'staff' }>,
) {
  const {
    complaint,
    customer,
    otherComplaints,
    contacts,
    notes,
    auditEvents: audit,
    emails,
    documents,
    uploads,
    emailAttachments,
    satisfaction,
    staffNames,
  } = record;
  const reached = stageReached(complaint);
  const person = (id: string | null) =>
    id ? { id, name: staffNames.get(id) ?? 'former member of staff' } : null;

  const now = ctx.now();
  const today = londonDate(now);
  const dueOn = adrDueOn(complaint, ctx.procedure);
  const overdue = new Set(overdueSteps(complaint, now).map((s) => s.id));
  const attempt = currentAttempt(complaint);

  const timeline: TimelineEntry[] = [
    ...audit.map((e) => ({
      at: e.at,
      kind: 'event' as const,
      type: e.type,
      actor: e.actor,
      summary: e.type.replaceAll('-', ' '),
      details: e.payload,
    })),
    ...contacts.map((c) => ({
      at: c.occurredAt,
      kind: 'contact' as const,
      type: `${c.channel}-${c.direction}`,
      actor: c.recordedBy,
      summary: c.summary,
      details: c,
    })),
    ...notes.map((n) => ({
      at: n.createdAt,
      kind: 'note' as const,
      type: 'note',
      actor: n.authorId,
      summary: n.text,
      details: n,
    })),
    ...emails.map((m) => ({
      at: m.sentAt ?? m.createdAt,
      kind: 'email' as const,
      type: `email-${m.direction}`,
      actor: null,
      summary: m.subject,
      details: {
        kind: m.kind,
        status: m.status,
        lastError: m.lastError,
        attempts: m.attempts,
        from: m.from,
        to: m.to,
        messageId: m.messageId,
        note: m.note,
      },
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return {
    id: complaint.id,
    reference: complaint.reference,
    version: complaint.version,
    stage: complaint.stage,
    stageName: ctx.procedure.stages[complaint.stage].name,
    phase: attempt?.phase ?? null,
    open: isOpen(complaint),
    owner: person(complaint.ownerId),
    needs: neededRole(ctx.procedure, complaint),
    customer: {
      ...customer,
      otherComplaints: otherComplaints.map((c) => ({
        ...c,
        stageName: ctx.procedure.stages[c.stage].name,
      })),
    },
    channel: complaint.channel,
    category: complaint.category,
    description: complaint.description,
    customerWords: complaint.customerWords,
    desiredOutcome: complaint.desiredOutcome,
    formal: complaint.formal,
    firstExpressedAt: complaint.firstExpressedAt,
    receivedAt: complaint.receivedAt,
    acknowledgeBy: complaint.acknowledgeBy,
    attempts: complaint.attempts.map((a) => ({
      ...a,
      handler: person(a.handlerId),
      proposal: a.proposal && {
        ...a.proposal,
        steps: a.proposal.steps.map((s) => ({ ...s, owner: person(s.ownerId), overdue: overdue.has(s.id) })),
      },
    })),
    adr: {
      eligible: adrEligible(complaint),
      dueOn,
      daysLeft: daysBetween(today, dueOn),
      warningsOn: adrWarningDates(complaint, ctx.procedure),
      letters: complaint.adrLetters,
      scheme: ctx.procedure.adrScheme.name,
    },
    referral: complaint.referral && {
      ...complaint.referral,
      status: referralStatus(complaint.referral),
    },
    stageReached: reached,
    rootCauseRequired: ctx.procedure.rootCauseRequiredAt.includes(reached),
    closure: complaint.closure && {
      ...complaint.closure,
      rootCauseLabel: rootCauseLabel(ctx.procedure, complaint.closure.rootCause),
    },
    remedies: complaint.remedies,
    satisfaction,
    contacts,
    notes,
    documents,
    attachments: [
      ...uploads.map((u) => ({
        id: u.id,
        source: u.sentBy === null ? ('upload' as const) : ('sent' as const),
        filename: u.filename,
        contentType: u.contentType,
        sizeBytes: u.sizeBytes,
        sha256: u.sha256,
        receivedAt: u.createdAt,
        emailId: null,
      })),
      ...emailAttachments.map((a) => ({
        id: a.id,
        source: 'email' as const,
        filename: a.filename,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        receivedAt: a.createdAt,
        emailId: a.emailId,
      })),
    ].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)),
    timeline,
    nextActions: nextActions(complaint, actor, now, ctx.procedure),
  };
}

/** A root cause as staff read it ("Billing error › Charged wrongly or twice"); a code the tree lost, as is. */
export function rootCauseLabel(procedure: Pick<Procedure, 'rootCauses'>, code: string | null): string | null {
  if (code === null) return null;
  const cause = findRootCause(procedure, code);
  if (!cause) return code;
  return cause.parentLabel ? `${cause.parentLabel} › ${cause.label}` : cause.label;
}
