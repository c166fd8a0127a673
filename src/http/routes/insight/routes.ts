/** `/api/v1/insight`: the management figures for a date range and filters (reviewers and up). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../app/context.ts';
import { readInsight } from '../../../app/read-insight.ts';
import { requireRole } from '../../auth.ts';
import { problems } from '../../schemas.ts';
import { insightQuery, insightSchema } from './schemas.ts';

export function registerInsightRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/insight',
    {
      schema: {
        tags: ['insight'],
        summary:
          'Management figures for a date range: volumes, funnel, time to resolve, ADR, root causes, satisfaction, remedies, team',
        description:
          'Complaints count on the London day they were received; ADR letters, referrals, decisions and declined proposals on their own day; root causes on the day the complaint closed; surveys on the day sent; remedies on the day accepted. Read from running totals kept with every change.',
        querystring: insightQuery,
        response: { 200: insightSchema, ...problems },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'reviewer', 'director', 'admin');
      const q = request.query;
      return readInsight(ctx, {
        from: q.from,
        to: q.to,
        categories: q.category,
        channels: q.channel,
        customerTypes: q.customerType,
        stagesReached: q.stageReached,
        ownerId: q.owner === 'me' ? actor.id : q.owner,
      });
    },
  );
}
