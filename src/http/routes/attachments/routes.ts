/**
 * Downloading the files people sent us: staff any email attachment or customer upload, the customer only
 * their own uploads in the portal. The stored bytes, as the type they were found to be, never sniffed by the
 * browser, their sha256 as the ETag.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { getAttachmentForStaff, getUploadForCustomer } from '../../../app/get-attachment.ts';
import type { StoredFile } from '../../../db/attachments.ts';
import { portalCustomer, staffActor } from '../../auth.ts';
import { binary, sendFile } from '../../downloads.ts';
import { id, reference } from '../../schemas.ts';

const send = (file: StoredFile) => ({
  filename: file.filename,
  type: file.contentType,
  body: file.content,
  sha256: file.sha256,
});

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Download a file the customer sent: an email attachment or an upload from the portal',
        description:
          'The stored bytes, as `attachment` with the original name (RFC 6266 `filename*`), the type the ' +
          'bytes were found to be, `X-Content-Type-Options: nosniff`, and the sha256 as the ETag.',
        params: z.strictObject({ id }),
        response: binary('The file, as stored', 'application/octet-stream'),
      },
    },
    async (request, reply) => {
      staffActor(request);
      return sendFile(reply, send(await getAttachmentForStaff(ctx, request.params.id)));
    },
  );

  api.get(
    '/portal/complaints/:reference/uploads/:id',
    {
      schema: {
        tags: ['portal'],
        security: [],
        summary: 'Download a file the signed-in customer uploaded to their complaint (404 for anyone else’s)',
        params: z.strictObject({ reference, id }),
        response: binary('The file, as uploaded', 'application/octet-stream'),
      },
    },
    async (request, reply) => {
      const file = await getUploadForCustomer(
        ctx,
        request.params.reference,
        request.params.id,
        portalCustomer(request),
      );
      return sendFile(reply, send(file));
    },
  );
}
