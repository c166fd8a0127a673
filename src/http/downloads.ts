/**
 * Sending a stored file: letters, the case file, attachments and uploads all leave through `sendFile`, so
 * every download is named safely, never sniffed by the browser and never kept by a shared cache.
 */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { problems } from './schemas.ts';

/** OpenAPI for a binary answer (the handler sends the bytes itself, never through the JSON serialiser). */
export const binary = (description: string, ...contentTypes: string[]) => ({
  200: z
    .unknown()
    .describe(description)
    .meta({
      content: Object.fromEntries(
        contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  ...problems,
});

/**
 * `Content-Disposition: attachment` for a name that came from anyone (RFC 6266): an ASCII `filename` with
 * everything but letters, digits, dot, dash and underscore replaced, and the real name as UTF-8 in
 * `filename*` (RFC 8187, which replaced RFC 5987), percent-encoding every character outside attr-char.
 * Folders, control characters and quotes never reach the header.
 */
export function contentDisposition(filename: string): string {
  const name =
    (filename.split(/[/\\]/).pop() ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u001F\u007F]/g, '')
      .trim() || 'download';
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file download: never sniffed, never cached by shared caches, named for saving. */
export function sendFile(
  reply: FastifyReply,
  file: { filename: string; type: string; body: Buffer | string | Readable; sha256?: string | undefined },
) {
  if (file.sha256) reply.header('etag', `"${file.sha256}"`);
  return reply
    .header('content-type', file.type)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
