/** A complaint's audit trail: every event, who and when, on the complaint's own hash chain. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { getAuditTrail } from '../../../app/get-audit-trail.ts';
import { staffActor } from '../../auth.ts';
import { problems } from '../../schemas.ts';
import { referenceParams } from '../complaints/schemas.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/complaints/:reference/audit',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The audit trail of a complaint',
        params: referenceParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                id: z.string(),
                type: z.string(),
                actor: z.string().nullable(),
                at: z.string(),
                payload: z.unknown(),
                hash: z.string(),
                prevHash: z.string(),
                chainSeq: z
                  .number()
                  .int()
                  .nullable()
                  .describe(
                    'Position in the complaint’s hash chain (1, 2, …); null for an event recorded before the ' +
                      'chains were per complaint, which belongs to the one earlier global chain',
                  ),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await getAuditTrail(ctx, request.params.reference) };
    },
  );
}
