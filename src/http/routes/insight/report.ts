/** `GET /api/v1/insight/report`: the monthly management report as PDF or XLSX (reviewers and up). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { monthlyReportFile, REPORT_FORMATS, REPORT_MEDIA_TYPES } from '../../../app/monthly-report.ts';
import { requireRole } from '../../auth.ts';
import { binary, sendFile } from '../../downloads.ts';

const reportQuery = z.strictObject({
  month: z
    .string()
    .max(7)
    .describe('The month, `YYYY-MM`: a month that has begun (the current one gives the figures so far)'),
  format: z.enum(REPORT_FORMATS).default('pdf').describe('`pdf` (default) or `xlsx`'),
});

export function registerInsightReportRoute(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/insight/report',
    {
      schema: {
        tags: ['insight'],
        summary: 'The monthly management report, as PDF or spreadsheet',
        description:
          'The dashboard’s figures for a month beside the month before: volumes, how far complaints went, time to resolve, ADR letters by trigger, the scheme, declined proposals, root causes, satisfaction (by stage, category and handler), remedies accepted, the improvements completed in the month and the team. The same report goes to the directors by email on the 1st of each month.',
        querystring: reportQuery,
        response: binary('The report', ...Object.values(REPORT_MEDIA_TYPES)),
      },
    },
    async (request, reply) => {
      requireRole(request, 'reviewer', 'director', 'admin');
      const file = await monthlyReportFile(ctx, request.query.month, request.query.format);
      return sendFile(reply, { filename: file.fileName, type: file.mediaType, body: file.bytes });
    },
  );
}
