/**
 * Files in the API: what a customer uploads (JSON, the bytes in base64, inside the request they belong to),
 * and how stored files are listed for staff and for the customer.
 */
import { z } from 'zod';
import { type AppContext, DEFAULT_UPLOAD_BYTES } from '../../../app/context.ts';
import type { UploadedFile } from '../../../app/customer-uploads.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sizeInWords } from '../../../domain/attachments.ts';
import { BODY_LIMIT_BYTES } from '../../app.ts';
import { text } from '../../schemas.ts';

export const uploadsInput = z
  .array(
    z
      .strictObject({
        filename: text(255).describe('The name on the customer’s computer, e.g. `bill.pdf`'),
        contentType: z
          .string()
          .max(255)
          .optional()
          .describe('What the browser says it is; may be empty. The bytes decide, and must agree.'),
        content: z.base64().describe('The file’s bytes, base64'),
      })
      .meta({ id: 'UploadInput' }),
  )
  .max(MAX_ATTACHMENTS)
  .optional()
  .describe(
    `Files that show what happened: PDF, PNG, JPEG, GIF, WebP, HEIC, plain text and office documents, at most ` +
      `${MAX_ATTACHMENTS}, ${sizeInWords(MAX_ATTACHMENT_BYTES)} each and MAIL_MAX_BYTES (10 MB by default) in ` +
      'all. A file whose bytes are not the type its name and content type say (an executable renamed `.png`) ' +
      'is refused with a 400 naming it (`attachments.0`), and then nothing is stored.',
  );

/** The request's files as the use cases take them. */
export function uploadedFiles(input: z.infer<typeof uploadsInput>): UploadedFile[] | undefined {
  return input?.map((f) => ({
    filename: f.filename,
    contentType: f.contentType ?? '',
    content: Buffer.from(f.content, 'base64'),
  }));
}

/** The body limit of a route that takes uploads: the files in base64, and the rest of the form. */
export function uploadBodyLimit(ctx: AppContext): number {
  return Math.ceil((ctx.maxUploadBytes ?? DEFAULT_UPLOAD_BYTES) / 3) * 4 + BODY_LIMIT_BYTES;
}

/** What a 413 says on a route that takes uploads. */
export function uploadsTooLarge(ctx: AppContext): string {
  return (
    `The files are too large to send: each file can be at most ${sizeInWords(MAX_ATTACHMENT_BYTES)}, and ` +
    `${sizeInWords(ctx.maxUploadBytes ?? DEFAULT_UPLOAD_BYTES)} in all. Nothing was stored.`
  );
}

export const attachmentSchema = z
  .object({
    id: z.string().describe('Download it from /attachments/{id}'),
    source: z
      .enum(['upload', 'email', 'sent'])
      .describe(
        'Uploaded by the customer in the portal, came by email, or sent to the customer with a reply',
      ),
    filename: z.string(),
    contentType: z.string().describe('The type its bytes are'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    receivedAt: z.string(),
    emailId: z.string().nullable().describe('The email it came with'),
  })
  .meta({ id: 'Attachment' });

export const portalFileSchema = z
  .object({
    id: z.string().describe('Download it from /portal/complaints/{reference}/uploads/{id}'),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    uploadedAt: z.string(),
    sentByUs: z.boolean().describe('We sent it with a reply; false: the customer uploaded it'),
  })
  .meta({ id: 'PortalFile' });
