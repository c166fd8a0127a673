/** A member of staff's own sessions: the list, ending one, and signing out everywhere. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePasswordChosen } from '../../../app/change-password.ts';
import type { AppContext } from '../../../app/context.ts';
import { endSession } from '../../../app/end-session.ts';
import { listMySessions } from '../../../app/list-my-sessions.ts';
import type { SessionClient } from '../../../app/open-session.ts';
import { signOutEverywhere } from '../../../app/sign-out-everywhere.ts';
import { SESSION_COOKIE, signedInStaff } from '../../auth.ts';
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

/**
 * The member of staff whose sessions these are, their password their own. Open to a session that must still
 * set up 2-step verification (MFA_REQUIRED_ROLES): seeing and ending one's own sessions is part of securing
 * the account, not a way round it.
 */
function sessionOwner(request: FastifyRequest): string {
  const user = signedInStaff(request);
  if (request.staffAuth === 'session') requirePasswordChosen(user);
  return user.id;
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
      const owner = sessionOwner(request);
      const current = request.staffAuth === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      return { items: await listMySessions(ctx, owner, current) };
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
      await endSession(ctx, sessionOwner(request), request.params.id);
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
      const ended = await signOutEverywhere(ctx, sessionOwner(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );
}
