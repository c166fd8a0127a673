/** An admin's live preview: a template's text filled with example values, and any placeholder that does not exist. */
import {
  checkTemplate,
  exampleValues,
  fillTemplate,
  PLACEHOLDER_NAMES,
  PLACEHOLDERS,
} from '../domain/templates.ts';
import type { AppContext } from './context.ts';

/** Fills `subject` and `body` with example values from this procedure; never refuses, so typing can go on. */
export function previewTemplate(
  ctx: AppContext,
  input: { subject?: string | null | undefined; body: string },
) {
  const values = exampleValues(ctx.procedure);
  const subject = input.subject ?? null;
  return {
    ...fillTemplate({ subject, body: input.body }, values),
    unknownPlaceholders: [...new Set([...checkTemplate(subject ?? ''), ...checkTemplate(input.body)])],
  };
}

/** Every placeholder, what it becomes, and its example value. */
export function describePlaceholders(ctx: AppContext) {
  const values = exampleValues(ctx.procedure);
  return PLACEHOLDER_NAMES.map((name) => ({
    name,
    written: `{{${name}}}`,
    description: PLACEHOLDERS[name],
    example: values[name],
  }));
}
