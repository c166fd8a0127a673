/** Staff sign-in with a session cookie, sign-out, who am I, and changing one's own password (sessions: sessions.ts). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../../app/change-password.ts';
import type { AppContext } from '../../../app/context.ts';
import { signIn } from '../../../app/sign-in.ts';
import { signOut } from '../../../app/staff-session.ts';
import { DEFAULT_SESSION_LIMITS } from '../../../domain/session-timeouts.ts';
import type { AppOptions } from '../../app.ts';
import { SESSION_COOKIE, signedInStaff } from '../../auth.ts';
import { formLimit } from '../../limits.ts';
import { problems, role } from '../../schemas.ts';
import { registerSessionRoutes, sessionClient } from './sessions.ts';
import { registerSsoRoutes } from './sso.ts';

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(role),
    active: z.boolean(),
    createdAt: z.string(),
    mustChangePassword: z
      .boolean()
      .describe(
        'The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out',
      ),
  })
  .meta({ id: 'User' });

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = options.publicUrl.startsWith('https://');
  const maxAge = (ctx.sessions ?? DEFAULT_SESSION_LIMITS).maxHours * 3_600;
  /** The session's secret, for this site only, never to scripts; gone at the session's absolute end. */
  const setSessionCookie = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  registerSessionRoutes(app, ctx);
  registerSsoRoutes(app, ctx, options, setSessionCookie);
  api.post(
    '/auth/login',
    {
      config: { ...formLimit(options), signIn: true },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with email and password; sets an HttpOnly session cookie. Only from Redress’s own page (Sec-Fetch-Site same-origin, else Origin or Referer of the public address): otherwise 403 `cross-site-request`',
        description:
          'Five failed sign-ins in a row with one email address lock it out: each further failure answers 429 ' +
          '`sign-in-locked` with Retry-After, for a minute at first, doubling to at most an hour. While locked, ' +
          'even the right password is refused. An address nobody has is locked out the same way. A success ' +
          '(or an admin: POST /users/{id}/unlock) starts the count again.',
        security: [],
        body: z.strictObject({ email: z.string().max(254), password: z.string().max(1024) }),
        response: { 200: z.object({ user: userSchema, expiresAt: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const { secret, user, expiresAt } = await signIn(
        ctx,
        request.body.email,
        request.body.password,
        sessionClient(request),
      );
      setSessionCookie(reply, secret);
      return { user, expiresAt: expiresAt.toISOString() };
    },
  );
  api.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        // Anyone may sign out: without a session it only clears the cookie.
        security: [],
        summary: 'Sign out: ends this session',
        response: { 204: z.null() },
      },
    },
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
    async (request) => signedInStaff(request),
  );
  api.post(
    '/auth/password',
    {
      // It checks a password, so it is limited like sign-in.
      config: formLimit(options),
      schema: {
        tags: ['auth'],
        summary:
          'Change your own password: give the current one; the new one has 12 characters or more, is not easily guessed (a zxcvbn score of 3 or more; a refusal says why) and does not contain your name or email. Every other session of yours ends.',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(12, 'must be at least 12 characters').max(1024),
        }),
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => {
      const user = signedInStaff(request);
      const secret = request.staffAuth === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      return changePassword(ctx, user.id, request.body, secret);
    },
  );
}
