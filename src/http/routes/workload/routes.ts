/** `/api/v1/workload`: who holds which open complaints, for the people who share out the work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { getWorkload } from '../../../app/workload.ts';
import { OPEN_STAGES } from '../../../domain/procedure.ts';
import { requireRole } from '../../auth.ts';
import { localDate, problems, role } from '../../schemas.ts';

const workloadSchema = z
  .object({
    stages: z.array(z.object({ id: z.enum(OPEN_STAGES), name: z.string() })),
    rows: z.array(
      z.object({
        person: z
          .object({ id: z.string(), name: z.string(), roles: z.array(role), active: z.boolean() })
          .nullable()
          .describe('Null for the complaints nobody owns yet'),
        byStage: z.object(Object.fromEntries(OPEN_STAGES.map((s) => [s, z.number().int()]))) as z.ZodObject<
          Record<(typeof OPEN_STAGES)[number], z.ZodNumber>
        >,
        open: z.number().int(),
        overdueSteps: z.number().int().describe('Agreed steps they own that are past their date'),
        nextAdrDueOn: localDate
          .nullable()
          .describe('The nearest ADR limit among their open complaints without an ADR letter'),
        adrDaysLeft: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'Workload' });

export function registerWorkloadRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/workload',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Open complaints per person and per stage, nearest ADR limit first (reviewers and up)',
        response: { 200: workloadSchema, ...problems },
      },
    },
    async (request) => {
      requireRole(request, 'reviewer', 'director', 'admin');
      return getWorkload(ctx);
    },
  );
}
