/** `/api/v1/procedure`: the procedure in force, as published, with anything worth a second look. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { linkChannels } from '../../../app/request-portal-link.ts';
import { procedureSchema } from '../../../config/schema.ts';
import { procedureWarnings } from '../../../config/warnings.ts';
import { londonDate } from '../../../domain/time.ts';

export function registerProcedureRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/procedure',
    {
      schema: {
        tags: ['procedure'],
        security: [],
        summary: 'The complaints procedure in force (public: it is what the Complaints Code publishes)',
        description:
          'The company, the stages and their texts, the time limits, the ADR scheme and the regulator, as ' +
          'validated when Redress started, with warnings about valid settings worth a second look.',
        response: {
          200: z
            .object({
              procedure: procedureSchema.meta({ id: 'Procedure' }),
              warnings: z.array(z.string()),
              signInLinksBy: z
                .array(z.enum(['email', 'sms']))
                .describe(
                  'How the portal can send a customer a sign-in link: by email always; by text message (sms) ' +
                    'only when an SMS gateway is configured',
                ),
            })
            .meta({ id: 'ProcedureView' }),
        },
      },
    },
    async () => ({
      procedure: ctx.procedure,
      warnings: procedureWarnings(ctx.procedure, londonDate(ctx.now())),
      signInLinksBy: linkChannels(ctx),
    }),
  );
}
