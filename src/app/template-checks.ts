/** What every change to a template must pass: an admin makes it, and its text uses only known placeholders. */
import type { Actor } from '../domain/actor.ts';
import { checkTemplate, type TemplatePurpose } from '../domain/templates.ts';
import { AppError, invalidField } from './errors.ts';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** Templates are configuration: only admins change them. */
export function requireTemplateAdmin(actor: StaffActor): void {
  if (!actor.roles.includes('admin')) {
    throw new AppError('forbidden', 'only an admin can change templates');
  }
}

/**
 * Refuses a template whose body or subject uses a placeholder that does not exist (naming the field and the
 * placeholder), or a proposal with a subject (a proposal's summary goes inside the proposal's own email).
 */
export function requireValidText(template: {
  purpose: TemplatePurpose;
  subject: string | null;
  body: string;
}): void {
  for (const field of ['body', 'subject'] as const) {
    const unknown = checkTemplate(template[field] ?? '');
    if (unknown.length > 0) {
      const names = unknown.map((name) => `{{${name}}}`).join(', ');
      throw invalidField(
        field,
        `uses ${unknown.length === 1 ? 'a placeholder that does not exist' : 'placeholders that do not exist'}: ${names}`,
      );
    }
  }
  if (template.purpose === 'proposal' && template.subject !== null) {
    throw invalidField('subject', 'is for replies only: a proposal template has no subject');
  }
}
