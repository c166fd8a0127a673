/**
 * A complaint as its customer sees it in the portal: where it stands in plain words, what was said to them,
 * the proposal they are asked about, and what they can do now. Never internal notes, staff alerts or ids.
 */
import { readComplaintWith } from '../db/complaint-view.ts';
import type { Actor } from '../domain/actor.ts';
import type { Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { ATTEMPT_STAGE, currentAttempt } from '../domain/complaint.ts';
import { nextActions } from '../domain/lifecycle.ts';
import type { Procedure } from '../domain/procedure.ts';
import { surveyQuestion } from './answer-satisfaction-survey.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { adrInWords, nextStep } from './portal-next-step.ts';
import { canonicalReference } from './reference.ts';

/** What the customer can do in the portal, by the domain command behind it. */
const PORTAL_ACTIONS = {
  'record-response': 'respond',
  'record-follow-up': 'follow-up',
  'log-contact': 'add-information',
} as const;

/** Where the complaint stands, in the words a customer would use. */
export function plainStatus(complaint: Complaint, procedure: Procedure): string {
  const scheme = procedure.adrScheme.nameInText;
  const attempt = currentAttempt(complaint);
  switch (complaint.stage) {
    case 'closed':
      return complaint.closure?.reason === 'withdrawn'
        ? 'Your complaint is closed: you withdrew it.'
        : 'Your complaint is closed.';
    case 'deadlock':
      return `We have done all we can. We have sent you our ADR letter: you can take your complaint to ${scheme}, free of charge.`;
    default:
      switch (attempt?.phase) {
        case 'awaiting-response':
          return 'We have proposed what we will do to put things right. Please tell us whether you agree.';
        case 'implementing':
          return 'We are carrying out the steps we agreed with you.';
        case 'follow-up':
        case 'chasing':
          return 'We have finished the steps we agreed. Please tell us: has this resolved your complaint?';
        default:
          return `We are looking into your complaint (${procedure.stages[complaint.stage].name}).`;
      }
  }
}

/** What a customer-facing event says, or null for events they do not see. */
function say(event: Event, procedure: Procedure): string | null {
  switch (event.type) {
    case 'complaint-recorded':
      return 'We received your complaint and gave it a reference number.';
    case 'proposal-made':
      return `We proposed: ${event.summary}`;
    case 'response-recorded':
      return event.outcome === 'agreed'
        ? 'You agreed to our proposal.'
        : 'You did not agree to our proposal.';
    case 'step-completed':
      return 'We completed one of the agreed steps.';
    case 'follow-up-recorded':
      return event.outcome === 'satisfied'
        ? 'You told us the issue is resolved.'
        : event.outcome === 'not-satisfied'
          ? 'You told us the issue is not resolved.'
          : 'We asked whether the issue is resolved.';
    case 'escalated':
      return `Your complaint moved to ${procedure.stages[ATTEMPT_STAGE[event.to]].name}.`;
    case 'adr-letter-issued':
      return `We sent you an ADR letter: you can take your complaint to ${procedure.adrScheme.nameInText} until ${event.windowEndsOn}.`;
    case 'closed':
      return 'Your complaint was closed.';
    default:
      return null;
  }
}

/**
 * The complaint for its customer, in one query; 404 for anyone else's (read as none), so a changed CRN reveals
 * nothing.
 */
export async function getPortalComplaint(ctx: AppContext, input: string, customerId: string) {
  const reference = canonicalReference(ctx.procedure, input);
  const record = await readComplaintWith(
    ctx.db.kysely,
    reference,
    ['contacts', 'auditEvents', 'documents', 'uploads', 'satisfaction'],
    { customerId },
  );
  if (!record) throw notFound(`complaint ${reference}`);
  const { complaint, auditEvents: audit, documents, uploads, satisfaction } = record;
  // Staff log some contacts for themselves: only those they marked visible, and the customer's own.
  const contacts = record.contacts.filter((c) => c.visibleToCustomer);
  const actor: Actor = { kind: 'customer', customerId };
  const attempt = currentAttempt(complaint);
  const timeline = [
    ...audit.flatMap((e) => {
      const text = say(e.payload as Event, ctx.procedure);
      return text ? [{ at: e.at, kind: 'update' as const, text }] : [];
    }),
    ...contacts.map((c) => ({
      at: c.occurredAt,
      kind: c.direction === 'in' ? ('from-you' as const) : ('from-us' as const),
      text: `${c.channel}: ${c.summary}`,
    })),
    ...documents.map((d) => ({
      at: d.createdAt,
      kind: 'update' as const,
      text:
        d.delivery === 'email'
          ? `We emailed you a letter: ${d.title}.`
          : d.printStatus === 'posted'
            ? `We posted you a letter: ${d.title}.`
            : `We are sending you a letter by post: ${d.title}.`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    reference: complaint.reference,
    status: plainStatus(complaint, ctx.procedure),
    stageName: ctx.procedure.stages[complaint.stage].name,
    open: complaint.stage !== 'closed',
    receivedAt: complaint.receivedAt,
    description: complaint.description,
    nextStep: nextStep(complaint, ctx.procedure),
    adr: adrInWords(complaint, ctx.procedure),
    proposal:
      attempt?.proposal && (attempt.phase === 'awaiting-response' || attempt.phase === 'implementing')
        ? {
            summary: attempt.proposal.summary,
            steps: attempt.proposal.steps.map((s) => ({
              description: s.description,
              dueOn: s.dueOn,
              done: s.completedAt !== null,
            })),
          }
        : null,
    adrLetters: complaint.adrLetters.map((l) => ({
      trigger: l.trigger,
      issuedOn: l.issuedOn,
      windowEndsOn: l.windowEndsOn,
    })),
    letters: documents.map((d) => ({
      id: d.id,
      title: d.title,
      issuedOn: d.issuedOn,
      pages: d.pages,
      largePrint: d.largePrint,
      sizeBytes: d.sizeBytes,
    })),
    files: uploads
      .filter((u) => u.customerId === customerId)
      .map((u) => ({
        id: u.id,
        filename: u.filename,
        contentType: u.contentType,
        sizeBytes: u.sizeBytes,
        uploadedAt: u.createdAt,
        sentByUs: u.sentBy !== null,
      })),
    timeline,
    satisfaction: satisfaction && {
      question: surveyQuestion(ctx.procedure),
      answered: satisfaction.answeredAt !== null,
      score: satisfaction.score,
      comment: satisfaction.comment,
    },
    actions: nextActions(complaint, actor, ctx.now(), ctx.procedure).flatMap((type) =>
      type in PORTAL_ACTIONS ? [PORTAL_ACTIONS[type as keyof typeof PORTAL_ACTIONS]] : [],
    ),
  };
}

export type PortalComplaint = Awaited<ReturnType<typeof getPortalComplaint>>;
