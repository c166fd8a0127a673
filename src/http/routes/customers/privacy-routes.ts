/** `/api/v1/customers/{id}/personal-data` and the erasure: the customer's rights under UK GDPR, for admins. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { eraseCustomer } from '../../../app/erase-customer.ts';
import { exportPersonalData } from '../../../app/export-personal-data.ts';
import { requireRole } from '../../auth.ts';
import { binary, sendFile } from '../../downloads.ts';
import { id, problems } from '../../schemas.ts';

const tags = ['customers'];
const params = z.strictObject({ id });

export function registerPrivacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/customers/:id/personal-data',
    {
      schema: {
        tags,
        summary: 'Everything held about a customer (subject access), as a ZIP; admins only',
        description:
          'Streamed ZIP: `customer.json` (the record and any merged into it), `portal-sign-ins.json`, ' +
          '`emails.json` (emails about no complaint), `audit.json` (audit entries about the customer), and ' +
          'for each complaint `complaints/<CRN>/` with `complaint.json` (state), `timeline.json` (its audit ' +
          'trail), contacts, notes, emails, letters, uploads and survey as JSON, and every letter, email ' +
          'attachment and upload byte for byte; `manifest.json` last, with every file’s sha256. The export ' +
          'is on the audit trail.',
        params,
        response: binary('The personal data export', 'application/zip'),
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const file = await exportPersonalData(ctx, request.params.id, actor);
      return sendFile(reply, { filename: file.filename, type: 'application/zip', body: file.stream });
    },
  );
  api.post(
    '/customers/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase a customer’s personal data now (erasure request); admins only',
        description:
          'Anonymises the customer record and every complaint of theirs as the retention purge would ' +
          '(docs/PRIVACY.md). Refused (409 `erasure-refused`, with the reason) while a complaint of theirs ' +
          'is open or within 12 months of an ADR letter. Audited.',
        params,
        response: {
          200: z
            .object({
              customerId: z.string(),
              complaints: z.array(z.string()).describe('The CRNs anonymised now'),
              documentsRemoved: z.number().int(),
            })
            .meta({ id: 'Erasure' }),
          ...problems,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'admin');
      return eraseCustomer(ctx, request.params.id, actor);
    },
  );
}
