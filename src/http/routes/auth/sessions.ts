/** A member of staff's own sessions: the list, ending one, and signing out everywhere. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { endSession } from '../../../app/end-session.ts';
import { listMySessions } from '../../../app/list-my-sessions.ts';
import type { SessionClient } from '../../../app/open-session.ts';
import { signOutEverywhere } from '../../../app/sign-out-everywhere.ts';
import { SESSION_COOKIE, staffActor } from '../../auth.ts';
import { problems } from '../../schemas.ts';

const tags = ['auth'];

const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string().describe('Recorded at most once a minute'),
    expiresAt: z
      .string()
      .describe('When it ends unless used again: the earlier of the idle limit and the absolute limit'),
    device: z.string().describe('Browser and system, as its User-Agent said when it signed in'),
    ip: z.string().nullable(),
    current: z.boolean().describe('The session this request came with'),
  })
  .meta({ id: 'Session' });

/** What the browser and the network say about a sign-in, and the session cookie it still holds. */
export function sessionClient(request: FastifyRequest): SessionClient {
  return {
    userAgent: request.headers['user-agent'] ?? null,
    ip: request.ip,
    previousSecret: request.cookies[SESSION_COOKIE],
  };
}

export function registerSessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary:
          'Your sessions that have not ended (browsers signed in as you), the most recently used first. API tokens are not sessions: see GET /tokens',
        response: { 200: z.object({ items: z.array(sessionSchema) }), ...problems },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const current = request.staffAuth === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      return { items: await listMySessions(ctx, actor.id, current) };
    },
  );
  api.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags,
        summary:
          'End one of your sessions (sign that browser out); 404 for one that is not yours or has ended',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      await endSession(ctx, actor.id, request.params.id);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary:
          'End every session of yours, this one included. API tokens stay valid: revoke them with DELETE /tokens/{id}',
        response: { 200: z.object({ ended: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      const ended = await signOutEverywhere(ctx, actor.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );
}
