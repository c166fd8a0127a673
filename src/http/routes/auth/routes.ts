/**
 * Staff sign-in with a session cookie (and its second step, with 2-step verification on), sign-out, who am I,
 * and changing one's own password (sessions: sessions.ts; 2-step verification: second-factor.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../../app/change-password.ts';
import type { AppContext } from '../../../app/context.ts';
import { finishSignIn } from '../../../app/finish-sign-in.ts';
import { signIn } from '../../../app/sign-in.ts';
import { signOut } from '../../../app/staff-session.ts';
import { DEFAULT_SESSION_LIMITS } from '../../../domain/session-timeouts.ts';
import type { AppOptions } from '../../app.ts';
import { SESSION_COOKIE, signedInStaff } from '../../auth.ts';
import { formLimit } from '../../limits.ts';
import { problems, role } from '../../schemas.ts';
import { registerSecondFactorRoutes, secondFactorCode } from './second-factor.ts';
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

const signedInSchema = z.object({ user: userSchema, expiresAt: z.string() }).meta({ id: 'SignedIn' });

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = options.publicUrl.startsWith('https://');
  const maxAge = (ctx.sessions ?? DEFAULT_SESSION_LIMITS).maxHours * 3_600;
  /** The session's secret, for this site only, never to scripts; gone at the session's absolute end. */
  const setSessionCookie = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  registerSessionRoutes(app, ctx);
  registerSecondFactorRoutes(app, ctx, options);
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
          '(or an admin: POST /users/{id}/unlock) starts the count again. ' +
          'With 2-step verification on, the answer is `secondStep` instead of a session: post its ticket with a ' +
          'code to POST /auth/login/second-step within five minutes (the failures are counted on until then).',
        security: [],
        body: z.strictObject({ email: z.string().max(254), password: z.string().max(1024) }),
        response: {
          200: z.union([
            signedInSchema,
            z
              .object({
                secondStep: z.object({
                  ticket: z.string().describe('For POST /auth/login/second-step: one use, five minutes'),
                  expiresAt: z.string(),
                }),
              })
              .meta({ id: 'SecondStepNeeded' }),
          ]),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const result = await signIn(ctx, request.body.email, request.body.password, sessionClient(request));
      if (result.kind === 'second-step')
        return { secondStep: { ticket: result.ticket, expiresAt: result.expiresAt.toISOString() } };
      setSessionCookie(reply, result.secret);
      return { user: result.user, expiresAt: result.expiresAt.toISOString() };
    },
  );
  api.post(
    '/auth/login/second-step',
    {
      config: { ...formLimit(options), signIn: true },
      schema: {
        tags: ['auth'],
        summary:
          'The second step of a sign-in with 2-step verification on: the ticket from POST /auth/login and the 6-digit code the authenticator app shows (or one of the recovery codes); sets the session cookie',
        description:
          'A code is accepted once (a code already used, or for an earlier time step, is refused). A wrong code ' +
          'is 400 on body.code and counts as a failed sign-in for the lockout (429 `sign-in-locked`). A ticket ' +
          'takes three codes at most; an ended, used or spent ticket is 401: sign in again. Only from Redress’s ' +
          'own page, like POST /auth/login.',
        security: [],
        body: z.strictObject({ ticket: z.string().min(1).max(100), code: secondFactorCode }),
        response: { 200: signedInSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { secret, user, expiresAt } = await finishSignIn(
        ctx,
        request.body.ticket,
        request.body.code,
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
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: {
          200: userSchema
            .extend({
              secondFactorSetUpRequired: z
                .boolean()
                .describe(
                  'Their role requires 2-step verification and they have not set it up: until they do, this session can only set it up (/auth/second-factor/...), read /auth/me and sign out',
                ),
            })
            .meta({ id: 'Me' }),
          ...problems,
        },
      },
    },
    async (request) => ({
      ...signedInStaff(request),
      secondFactorSetUpRequired: request.secondFactorSetUpRequired,
    }),
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
