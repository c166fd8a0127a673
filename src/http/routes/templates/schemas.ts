/** The templates API's schemas: one template, the filled answer, the preview and the placeholders. */
import { z } from 'zod';
import { PLACEHOLDER_NAMES, TEMPLATE_PURPOSES, TEMPLATE_STAGES } from '../../../domain/templates.ts';
import { id, instant, reference, text } from '../../schemas.ts';

export const purpose = z
  .enum(TEMPLATE_PURPOSES)
  .meta({ description: 'reply: a message to the customer; proposal: the summary of a proposal' });
export const templateStage = z.enum(TEMPLATE_STAGES);

const placeholderList = PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(', ');

/** A template's wording: long enough for any letter, short enough to refuse a pasted file. */
export const templateBody = text(20_000).meta({
  description: `The text, with placeholders from this list only: ${placeholderList}`,
  example: 'Dear {{customer.name}},\n\nYour Complaint Reference Number is {{complaint.reference}}.',
});
export const templateSubject = text(300)
  .nullable()
  .meta({ description: 'The email subject of a reply (placeholders allowed); null for a proposal' });
export const templateStages = z.array(templateStage).max(TEMPLATE_STAGES.length).meta({
  description: 'The stages it is offered at; empty: every stage',
});

export const templateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    purpose,
    stages: z.array(templateStage),
    subject: z.string().nullable(),
    body: z.string(),
    createdAt: instant,
    updatedAt: instant,
    archivedAt: instant.nullable(),
  })
  .meta({
    id: 'ResponseTemplate',
    description: 'A response template (a “macro”) staff start a reply or proposal from',
  });

export const filledTemplateSchema = z
  .object({
    templateId: z.string(),
    name: z.string(),
    purpose,
    subject: z.string().nullable().meta({ description: 'The filled subject; null for a proposal template' }),
    body: z.string().meta({ description: 'The filled text, ready to edit and send' }),
  })
  .meta({ id: 'FilledTemplate', description: 'A template filled with one complaint’s values' });

export const templatePreviewSchema = z
  .object({
    subject: z.string().nullable(),
    body: z.string(),
    unknownPlaceholders: z.array(z.string()).meta({
      description: 'Names written between {{ }} that are not placeholders: saving would be refused',
    }),
  })
  .meta({ id: 'TemplatePreview' });

export const placeholderSchema = z
  .object({
    name: z.string(),
    written: z.string().meta({ example: '{{customer.name}}' }),
    description: z.string(),
    example: z.string(),
  })
  .meta({ id: 'Placeholder' });

export const templateParams = z.strictObject({ id });
export const filledParams = z.strictObject({ reference, id });
