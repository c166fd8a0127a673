/** Staff sign-in with a session cookie, sign-out, and who am I. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { SESSION_DAYS, signIn, signOut } from '../../../app/sign-in.ts';
import type { AppOptions } from '../../app.ts';
import { SESSION_COOKIE, staffActor } from '../../auth.ts';
import { formLimit } from '../../limits.ts';
import { problems, role } from '../../schemas.ts';

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(role),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = options.publicUrl.startsWith('https://');
  api.post(
    '/auth/login',
    {
      config: formLimit(options),
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets an HttpOnly session cookie',
        security: [],
        body: z.strictObject({ email: z.string().max(254), password: z.string().max(1024) }),
        response: { 200: z.object({ user: userSchema, expiresAt: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const { secret, user, expiresAt } = await signIn(ctx, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      return { user, expiresAt: expiresAt.toISOString() };
    },
  );
  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null() } } },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await signOut(ctx, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userSchema, ...problems } } },
    async (request) => {
      staffActor(request);
      return request.user!;
    },
  );
}
