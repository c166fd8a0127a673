/**
 * Sentences the customer reads both in an email and in the letter that goes with it. Written once here, so
 * the two always say the same thing in the same words (src/documents/letters imports them too).
 */
import type { ClosureReason } from '../../domain/complaint.ts';
import type { AdrScheme, Procedure, Stage } from '../../domain/procedure.ts';
import type { LocalDate } from '../../domain/time.ts';
import { formatDate } from './layout.ts';

/** Why the complaint was closed, in plain words. */
export function closureReasonText(reason: ClosureReason): string {
  switch (reason) {
    case 'resolved':
      return 'You told us that your complaint has been resolved, so we have now closed it.';
    case 'resolved-no-response':
      return 'We did not hear back from you after our follow-up, so we have treated your complaint as resolved and closed it.';
    case 'withdrawn':
      return 'As you asked, we have withdrawn your complaint and closed it.';
    case 'ombudsman-decision-implemented':
      return 'We have put in place what the ombudsman decided, so we have now closed your complaint.';
    case 'ombudsman-decision-not-accepted':
      return 'You did not accept the ombudsman’s decision, so we have now closed your complaint.';
    case 'adr-window-expired':
      return 'The time to take your complaint to the independent scheme has passed, so we have now closed it.';
    default: {
      const unknown: never = reason;
      return unknown;
    }
  }
}

export const LEARNING_FROM_COMPLAINTS =
  'We review every complaint to learn from it and improve how we work. Thank you for taking the time to tell us.';

/** "Resolution Attempt 1: what happens at it", one item per stage, from the procedure. */
export function stageItems(procedure: Procedure, stages: readonly Stage[]): string[] {
  return stages.map((stage) => `${procedure.stages[stage].name}: ${procedure.stages[stage].customerText}`);
}

/** The promise made at acknowledgement: the ADR letter, and the scheme, if the time limit passes. */
export function adrTimeLimitPromise(procedure: Procedure, adrDueOn: LocalDate): string {
  return `If your complaint is not resolved by ${formatDate(adrDueOn)}, we will send you an ADR letter, and you can take your complaint to ${procedure.adrScheme.nameInText}, free of charge.`;
}

/** The follow-up question's opening: the steps are done, or (`chase`) we asked and heard nothing. */
export function followUpOpening(chase: boolean): string {
  return chase
    ? 'We wrote to you recently to ask whether the steps we agreed have resolved your complaint, and have not yet heard back.'
    : 'We have now completed the steps we agreed with you.';
}

/** What happens if the customer does not answer the follow-up question, and if they say it is not resolved. */
export function followUpConsequence(procedure: Procedure): string {
  return `If we do not hear from you within ${procedure.timescales.noResponseCloseDays} days, we will treat your complaint as resolved and close it. If it is not resolved, tell us and we will take it to the next stage of our procedure.`;
}

/** Why a larger business cannot be referred to a scheme (Ofcom; CISAS Rules 1.5). */
export function noSchemeSentence(procedure: Procedure): string {
  return `The ombudsman schemes for communications, such as ${procedure.adrScheme.nameInText}, only take complaints from residential customers and from businesses and not-for-profit organisations with 10 or fewer employees. As your business is larger, we cannot refer your complaint to a scheme.`;
}

/** A remedial step with its agreed date. */
export function stepWithDate(step: { description: string; dueOn: LocalDate }): string {
  return `${step.description} (by ${formatDate(step.dueOn)})`;
}

/** Every way to reach the scheme, one item each; post last, on one line. */
export function schemeContactItems(scheme: AdrScheme): string[] {
  return [
    `Phone: ${scheme.phone}`,
    ...(scheme.textphone ? [`Textphone: ${scheme.textphone}`] : []),
    ...(scheme.email ? [`Email: ${scheme.email}`] : []),
    `Website: ${scheme.website}`,
    `Post: ${[...scheme.address.lines, scheme.address.town, scheme.address.postcode].join(', ')}`,
  ];
}
