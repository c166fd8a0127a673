/**
 * Documents: the letters issued on a complaint (for staff and, on their own complaint, for the customer),
 * the print queue, and the ombudsman case file.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { exportCaseFile } from '../../../app/export-case-file.ts';
import { getLetterForCustomer, getLetterForStaff } from '../../../app/get-letter.ts';
import { markLetterPosted, readPrintQueue } from '../../../app/print-queue.ts';
import type { StoredDocument } from '../../../db/documents.ts';
import { portalCustomer, staffActor } from '../../auth.ts';
import { binary, sendFile } from '../../downloads.ts';
import { id, problems, reference } from '../../schemas.ts';
import { letterSchema } from '../complaints/schemas.ts';

const letterParams = z.strictObject({ reference, id });
const letterQuery = z.strictObject({
  format: z
    .enum(['pdf', 'text'])
    .optional()
    .describe('`pdf` (default): the letter as issued; `text`: the same letter as plain text'),
});

function sendLetter(reply: FastifyReply, letter: StoredDocument, format: 'pdf' | 'text' | undefined) {
  reply.header('etag', `"${letter.sha256}"`);
  return format === 'text'
    ? sendFile(reply, {
        filename: letter.filename.replace(/\.pdf$/, '.txt'),
        type: 'text/plain; charset=utf-8',
        body: letter.text,
      })
    : sendFile(reply, { filename: letter.filename, type: letter.contentType, body: letter.content });
}

export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/complaints/:reference/letters/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Download a letter issued on the complaint',
        description: 'Exactly the PDF that was issued (its sha256 is the ETag), or its plain-text version.',
        params: letterParams,
        querystring: letterQuery,
        response: binary(
          'The letter: PDF, or plain text with `?format=text`',
          'application/pdf',
          'text/plain',
        ),
      },
    },
    async (request, reply) => {
      staffActor(request);
      const letter = await getLetterForStaff(ctx, request.params.reference, request.params.id);
      return sendLetter(reply, letter, request.query.format);
    },
  );

  api.get(
    '/portal/complaints/:reference/letters/:id',
    {
      schema: {
        tags: ['portal'],
        security: [],
        summary: 'Download one of the signed-in customer’s letters (404 for anyone else’s)',
        params: letterParams,
        querystring: letterQuery,
        response: binary(
          'The letter: PDF, or plain text with `?format=text`',
          'application/pdf',
          'text/plain',
        ),
      },
    },
    async (request, reply) => {
      const letter = await getLetterForCustomer(
        ctx,
        request.params.reference,
        request.params.id,
        portalCustomer(request),
      );
      return sendLetter(reply, letter, request.query.format);
    },
  );

  api.get(
    '/complaints/:reference/case-file',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The ombudsman case file (ZIP)',
        description:
          'A ZIP for the ADR scheme: `case-file.pdf` (summary of events, our position and offers, every ' +
          'attempt, proposal, response and step, the contact log), every email both ways as `.eml`, every ' +
          'letter (PDF and text), every attachment, and `complaint.json`. The export is on the audit trail.',
        params: z.strictObject({ reference }),
        response: binary('The case file', 'application/zip'),
      },
    },
    async (request, reply) => {
      const file = await exportCaseFile(ctx, request.params.reference, staffActor(request));
      return sendFile(reply, { filename: file.filename, type: 'application/zip', body: file.zip });
    },
  );

  api.get(
    '/print-queue',
    {
      schema: {
        tags: ['letters'],
        summary: 'Letters to print and post',
        description:
          'Letters for customers who prefer post or have no email address. `queued`: waiting, oldest ' +
          'first; `posted`: already posted, newest first.',
        querystring: z.strictObject({
          status: z.enum(['queued', 'posted']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: {
          200: z.object({
            status: z.enum(['queued', 'posted']),
            items: z.array(
              letterSchema
                .extend({ reference: z.string(), customerName: z.string() })
                .meta({ id: 'PrintQueueItem' }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      staffActor(request);
      return readPrintQueue(ctx, request.query);
    },
  );

  api.post(
    '/print-queue/:id/posted',
    {
      schema: {
        tags: ['letters'],
        summary: 'Mark a queued letter as printed and posted',
        params: z.strictObject({ id }),
        response: { 200: letterSchema, ...problems },
      },
    },
    async (request) => markLetterPosted(ctx, request.params.id, staffActor(request)),
  );
}
