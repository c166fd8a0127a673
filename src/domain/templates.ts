/**
 * Response templates ("macros"): wording staff start a reply or a proposal from. A template's text holds
 * placeholders written `{{customer.name}}`, filled from the complaint, the customer, the handler and the
 * procedure, so every reply names the customer and quotes the right dates. Only the placeholders listed in
 * PLACEHOLDERS exist: `checkTemplate` finds any other, so a typo is refused when the template is saved rather
 * than sent to a customer as `{{customer.nmae}}`.
 */
import { adrDueOn } from './clocks.ts';
import type { Complaint } from './complaint.ts';
import type { Procedure, Stage } from './procedure.ts';
import { writtenDate } from './time.ts';

export const TEMPLATE_PURPOSES = ['reply', 'proposal'] as const;
/** A reply to the customer (subject and body), or the summary of a proposal of remedial action. */
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** The stages at which staff reply or propose; initiation flows straight into attempt 1. */
export const TEMPLATE_STAGES = [
  'attempt-1',
  'attempt-2',
  'attempt-3',
  'deadlock',
  'closed',
] as const satisfies readonly Stage[];
export type TemplateStage = (typeof TEMPLATE_STAGES)[number];

export interface ResponseTemplate {
  id: string;
  name: string;
  purpose: TemplatePurpose;
  /** The stages it is offered at; empty means every stage. */
  stages: TemplateStage[];
  /** The email subject of a reply; null for a proposal (and a reply that keeps the thread's subject). */
  subject: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** When an admin archived it: it is kept (the audit trail names it) but no longer offered. */
  archivedAt: string | null;
}

/** Every placeholder, with what it becomes. The order is the order the admin page lists them in. */
export const PLACEHOLDERS = {
  'customer.name': 'The customer’s name, as on their record',
  'complaint.reference': 'The Complaint Reference Number (CRN)',
  'complaint.adrDueOn': 'The date the ADR time limit is reached, written out (15 January 2027)',
  'handler.name': 'The name of the person handling the complaint',
  'handler.role': 'Their job title (Complaints Reviewer, Director…)',
  'stage.name': 'The name of the stage the complaint is at (Resolution Attempt 2)',
  'proposal.steps': 'The current proposal’s steps, one a line, each with its due date',
  'company.name': 'The company’s trading name',
  'company.phone': 'The company’s telephone number',
  'adrScheme.name': 'The ADR scheme’s name as it reads inside a sentence (the Communications Ombudsman)',
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderName, string>;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

// `{{ name }}`: spaces inside the braces are allowed, braces are not.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names of the placeholders `text` uses, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** The placeholders in `text` that do not exist, each once, in order; empty when every one is known. */
export function checkTemplate(text: string): string[] {
  return placeholdersIn(text).filter((name) => !isPlaceholderName(name));
}

/** `text` with each known placeholder replaced by its value; an unknown one is left as written. */
export function fillText(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (written, name: string) =>
    isPlaceholderName(name) ? values[name] : written,
  );
}

/** A template's subject and body, filled. */
export function fillTemplate(
  template: Pick<ResponseTemplate, 'subject' | 'body'>,
  values: PlaceholderValues,
): { subject: string | null; body: string } {
  return {
    subject: template.subject === null ? null : fillText(template.subject, values),
    body: fillText(template.body, values),
  };
}

/** Whether a template is offered at `stage`: not archived, and listing the stage (or no stage at all). */
export function isOfferedAt(template: ResponseTemplate, stage: Stage): boolean {
  return (
    template.archivedAt === null &&
    (template.stages.length === 0 || (template.stages as readonly Stage[]).includes(stage))
  );
}

/** What `{{proposal.steps}}` says when there is no proposal at the current attempt: visible, so staff see it. */
export const NO_PROPOSAL_STEPS = '[no steps have been proposed yet]';

/** The steps as a list, one a line: "- Refund the second charge (by 15 January 2027)". */
export function stepsAsList(steps: readonly { description: string; dueOn: string }[]): string {
  if (steps.length === 0) return NO_PROPOSAL_STEPS;
  return steps.map((step) => `- ${step.description} (by ${writtenDate(step.dueOn)})`).join('\n');
}

export interface PlaceholderFacts {
  complaint: Complaint;
  customerName: string;
  /** The person handling the complaint; null when nobody does, and the reply is signed by the team. */
  handler: { name: string; jobTitle: string } | null;
  procedure: Procedure;
}

/**
 * The value of every placeholder for one complaint. `{{proposal.steps}}` lists the latest attempt's
 * proposal only: an earlier attempt's proposal was declined or did not resolve the complaint.
 */
export function placeholderValues({
  complaint,
  customerName,
  handler,
  procedure,
}: PlaceholderFacts): PlaceholderValues {
  const proposal = complaint.attempts.at(-1)?.proposal ?? null;
  return {
    'customer.name': customerName,
    'complaint.reference': complaint.reference,
    'complaint.adrDueOn': writtenDate(adrDueOn(complaint, procedure)),
    'handler.name': handler?.name ?? 'The Complaints Team',
    'handler.role': handler?.jobTitle ?? procedure.company.tradingName,
    'stage.name': procedure.stages[complaint.stage].name,
    'proposal.steps': proposal ? stepsAsList(proposal.steps) : NO_PROPOSAL_STEPS,
    'company.name': procedure.company.tradingName,
    'company.phone': procedure.company.phone,
    'adrScheme.name': procedure.adrScheme.nameInText,
  };
}

/** Values for an admin's preview: an invented complaint, with the procedure's real company and scheme. */
export function exampleValues(procedure: Procedure): PlaceholderValues {
  return {
    'customer.name': 'Sam Taylor',
    'complaint.reference': `${procedure.crn.prefix}-26-000123-C`,
    'complaint.adrDueOn': writtenDate('2027-01-15'),
    'handler.name': 'Priya Shah',
    'handler.role': 'Complaints Reviewer',
    'stage.name': procedure.stages['attempt-2'].name,
    'proposal.steps': stepsAsList([
      { description: 'Refund the second charge for October', dueOn: '2026-12-04' },
      { description: 'Check the fault on your line', dueOn: '2026-12-09' },
    ]),
    'company.name': procedure.company.tradingName,
    'company.phone': procedure.company.phone,
    'adrScheme.name': procedure.adrScheme.nameInText,
  };
}
