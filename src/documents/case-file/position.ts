/**
 * "Our position and offers" and "Attempts": what the provider offered at each Resolution Attempt and what
 * the customer said, the final position, the ADR letters; then each attempt in full.
 */
import { ATTEMPT_STAGE, type Attempt, isAttemptNumber, nextAttempt } from '../../domain/complaint.ts';
import { CLOSURE_REASON_TEXT, formatDate, formatInstant, words } from './format.ts';
import type { PdfContext } from './pdf-context.ts';
import type { CaseFileWriter } from './pdf-writer.ts';

const stageName = (ctx: PdfContext, attempt: Attempt) =>
  ctx.input.procedure.stages[ATTEMPT_STAGE[attempt.number]].name;

/** The reason given for deadlock: from the trail, else from the attempt it ended. */
function deadlockReason(ctx: PdfContext): string | null {
  const declared = ctx.input.audit.findLast((e) => e.type === 'deadlock-declared')?.payload;
  const reason = (declared as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string') return reason;
  return ctx.input.complaint.attempts.find((a) => a.outcome === 'deadlock')?.escalationReason ?? null;
}

/**
 * Who decided deadlock and how: a director declaring it (at attempt 3 after the director-level review, or
 * earlier, ending the procedure before its last attempt), or attempt 3 failing with the customer.
 */
function deadlockDecision(ctx: PdfContext): string | null {
  const event = ctx.input.audit.findLast((e) => e.type === 'deadlock-declared');
  if (!event) return null;
  const payload = event.payload as { declared?: unknown; atAttempt?: unknown };
  const at = payload.atAttempt;
  const stage = isAttemptNumber(at) ? ctx.input.procedure.stages[ATTEMPT_STAGE[at]].name : null;
  if (payload.declared === false) {
    return `Attempt 3 did not resolve the complaint (recorded by ${ctx.people.actor(event.actor)})`;
  }
  const early = isAttemptNumber(at) && nextAttempt(at) !== null ? ', before the last Resolution Attempt' : '';
  return `Declared by ${ctx.people.actor(event.actor)}${stage ? ` at ${stage}` : ''}${early}`;
}

function offer(w: CaseFileWriter, ctx: PdfContext, attempt: Attempt): void {
  const { people } = ctx;
  w.subheading(stageName(ctx, attempt));
  const proposal = attempt.proposal;
  if (!proposal) {
    w.paragraph(
      attempt.escalationReason
        ? `No proposal was made at this attempt. ${attempt.escalationReason}`
        : 'No proposal was made at this attempt.',
    );
    return;
  }
  w.fields([
    ['Our offer', proposal.summary],
    ['Made', `${formatInstant(proposal.proposedAt)} by ${people.actor(proposal.proposedBy)}`],
  ]);
  proposal.steps.forEach((step, i) => {
    const done = step.completedAt
      ? `Done ${formatInstant(step.completedAt)} by ${people.actor(step.completedBy)}`
      : 'Not done';
    w.entry(
      `Step ${i + 1} · agreed date ${formatDate(step.dueOn)} · owner ${people.owner(step.ownerId)}`,
      step.description,
      step.note ? `${done}. Note: ${step.note}` : done,
    );
  });
  const response = attempt.response;
  w.fields([
    [
      'The customer’s response',
      response
        ? `${response.outcome === 'agreed' ? 'Agreed' : 'Declined'} (${formatInstant(response.recordedAt)})`
        : 'None recorded',
    ],
    ['What the customer said', response?.note ?? null],
  ]);
}

/** What we offered, what the customer said, our final position and the ADR letters. */
export function writePosition(w: CaseFileWriter, ctx: PdfContext): void {
  const { complaint, procedure } = ctx.input;
  w.section(
    'Our position and offers',
    'What we offered at each Resolution Attempt, with the steps, their agreed dates and whether they were done; what the customer said; and our final position.',
  );
  if (complaint.attempts.length === 0) w.paragraph('No resolution attempt was opened.');
  for (const attempt of complaint.attempts) offer(w, ctx, attempt);

  w.subheading('Final position');
  const deadlock = complaint.attempts.find((a) => a.outcome === 'deadlock');
  const reason = deadlockReason(ctx);
  if (complaint.stage === 'deadlock' || deadlock || reason) {
    const decision = deadlockDecision(ctx);
    w.fields([
      ['Deadlock', deadlock?.endedAt ? `declared ${formatInstant(deadlock.endedAt)}` : 'declared'],
      ...(decision ? ([['Decided', decision]] as [string, string][]) : []),
      ['Our final position', reason ?? 'No reason recorded'],
    ]);
  } else {
    w.paragraph('No deadlock has been declared.');
  }
  if (complaint.closure) w.fields([['Closed', CLOSURE_REASON_TEXT[complaint.closure.reason]]]);

  w.subheading('ADR letters');
  if (complaint.adrLetters.length === 0) w.paragraph('No ADR letter has been issued.');
  for (const letter of complaint.adrLetters) {
    w.entry(
      `Issued ${formatDate(letter.issuedOn)} · ${letter.trigger === 'deadlock' ? 'deadlock' : 'the time limit was reached'}`,
      `The customer may take the complaint to ${procedure.adrScheme.nameInText} until ${formatDate(letter.windowEndsOn)}.`,
    );
  }
}

/** Each attempt in full: who handled it, the review, the follow-up and how it ended. */
export function writeAttempts(w: CaseFileWriter, ctx: PdfContext): void {
  const { people } = ctx;
  w.section('Attempts', 'Each Resolution Attempt from opening to its end.');
  if (ctx.input.complaint.attempts.length === 0) w.paragraph('No resolution attempt was opened.');
  for (const attempt of ctx.input.complaint.attempts) {
    w.subheading(stageName(ctx, attempt));
    const { review, followUp } = attempt;
    w.fields([
      ['Opened', formatInstant(attempt.openedAt)],
      ['Handled by', attempt.handlerId ? people.actor(attempt.handlerId) : null],
      ['Where it stands', words(attempt.phase)],
      ['Review', review ? `${formatInstant(review.recordedAt)} by ${people.actor(review.recordedBy)}` : null],
      ['Findings', review?.findings ?? null],
      ['Proposal', attempt.proposal?.summary ?? null],
      ['Follow-up due', attempt.followUpDueOn ? formatDate(attempt.followUpDueOn) : null],
      ['Follow-up', followUp ? `${words(followUp.outcome)} (${formatInstant(followUp.recordedAt)})` : null],
      ['Follow-up note', followUp?.note ?? null],
      ['Outcome', attempt.outcome ? words(attempt.outcome) : null],
      ['Ended', attempt.endedAt ? formatInstant(attempt.endedAt) : null],
      ['Reason', attempt.escalationReason],
    ]);
  }
}
