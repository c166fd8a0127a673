/**
 * `/api/v1/templates`: response templates. Any member of staff lists them and fills one for a complaint;
 * only admins create, change and archive them (the use cases check).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveTemplate } from '../../../app/archive-template.ts';
import type { AppContext } from '../../../app/context.ts';
import { createTemplate } from '../../../app/create-template.ts';
import { fillTemplateForComplaint } from '../../../app/fill-template.ts';
import { listTemplates } from '../../../app/list-templates.ts';
import { describePlaceholders, previewTemplate } from '../../../app/preview-template.ts';
import { updateTemplate } from '../../../app/update-template.ts';
import { staffActor } from '../../auth.ts';
import { problems, text } from '../../schemas.ts';
import {
  filledParams,
  filledTemplateSchema,
  placeholderSchema,
  purpose,
  templateBody,
  templateParams,
  templatePreviewSchema,
  templateSchema,
  templateStage,
  templateStages,
  templateSubject,
} from './schemas.ts';

const tags = ['templates'];

export function registerTemplateRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/templates',
    {
      schema: {
        tags,
        summary:
          'List the templates offered (not archived), optionally of one purpose and offered at a stage',
        querystring: z.strictObject({ purpose: purpose.optional(), stage: templateStage.optional() }),
        response: { 200: z.object({ items: z.array(templateSchema) }), ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await listTemplates(ctx, request.query) };
    },
  );
  api.post(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Add a template (admin)',
        description:
          'Refused with 400 and `field` `body` (or `subject`) when the text uses a placeholder that does not exist.',
        body: z.strictObject({
          name: text(200),
          purpose,
          stages: templateStages,
          subject: templateSubject.optional(),
          body: templateBody,
        }),
        response: { 201: templateSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTemplate(ctx, staffActor(request), request.body)),
  );
  api.patch(
    '/templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a template (admin); archived templates cannot be changed',
        params: templateParams,
        body: z.strictObject({
          name: text(200).optional(),
          purpose: purpose.optional(),
          stages: templateStages.optional(),
          subject: templateSubject.optional(),
          body: templateBody.optional(),
        }),
        response: { 200: templateSchema, ...problems },
      },
    },
    async (request) => updateTemplate(ctx, staffActor(request), request.params.id, request.body),
  );
  api.post(
    '/templates/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a template (admin): it is kept, but no longer offered',
        params: templateParams,
        response: { 200: templateSchema, ...problems },
      },
    },
    async (request) => archiveTemplate(ctx, staffActor(request), request.params.id),
  );
  api.get(
    '/templates/placeholders',
    {
      schema: {
        tags,
        summary: 'The placeholders a template may use, what each becomes, and an example value',
        response: { 200: z.object({ items: z.array(placeholderSchema) }), ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: describePlaceholders(ctx) };
    },
  );
  api.post(
    '/templates/preview',
    {
      schema: {
        tags,
        summary: 'Fill a template’s text with example values, listing any placeholder that does not exist',
        description: 'Stores nothing; the admin page’s live preview.',
        body: z.strictObject({
          subject: z.string().max(300).nullable().optional(),
          body: z.string().max(20_000),
        }),
        response: { 200: templatePreviewSchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return previewTemplate(ctx, request.body);
    },
  );
  api.get(
    '/complaints/:reference/templates/:id/filled',
    {
      schema: {
        tags: [...tags, 'complaints'],
        summary: 'A template filled with this complaint’s values: the customer’s name, CRN, dates, handler…',
        params: filledParams,
        response: { 200: filledTemplateSchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return fillTemplateForComplaint(ctx, {
        reference: request.params.reference,
        templateId: request.params.id,
      });
    },
  );
}
