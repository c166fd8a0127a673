/** Public pages, no sign-in: the published Complaints Code. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { renderComplaintsCode } from '../../../documents/complaints-code.ts';

/** Inline styles only, no scripts, nothing from elsewhere. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

export function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The procedure is fixed for the life of the process, so the page is written once.
  const code = renderComplaintsCode(ctx.procedure);
  app.get('/complaints-procedure', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PAGE_POLICY)
      .header('cache-control', 'public, max-age=300')
      .send(code),
  );
}
