/**
 * Single sign-on for staff (OpenID Connect, authorization code flow with PKCE): what the sign-in page may
 * offer, the start (off to the provider) and the callback (back with a code). The flow's state, nonce and
 * PKCE verifier wait in a short-lived HttpOnly cookie of the browser that started, so an answer meant for
 * another browser (login CSRF) fails the state check.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { AppError } from '../../../app/errors.ts';
import { finishSso } from '../../../app/finish-sso.ts';
import { passwordsAllowed } from '../../../app/sso-settings.ts';
import { type SsoAttempt, startSso } from '../../../app/start-sso.ts';
import type { AppOptions } from '../../app.ts';
import { problems } from '../../schemas.ts';
import { sessionClient } from './sessions.ts';

const tags = ['auth'];
const ATTEMPT_COOKIE = 'redress_sso';
/** The API's prefix (app.ts's API_PREFIX, which this module cannot read while app.ts loads it). */
const ATTEMPT_PATH = '/api/v1/auth/sso';
/** Long enough to type a password and a second factor at the provider, short enough not to linger. */
const ATTEMPT_SECONDS = 600;

/** Only paths inside the workspace: never send someone to another site after signing in. */
function safeNext(next: string | undefined): string {
  return next?.startsWith('/staff/') && !next.startsWith('//') && !next.includes('\\') ? next : '/staff';
}

const attemptSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string(),
});

function readAttempt(value: string | undefined): SsoAttempt | undefined {
  if (!value) return undefined;
  try {
    const parsed = attemptSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function registerSsoRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: AppOptions,
  setSessionCookie: (reply: FastifyReply, secret: string) => void,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = options.publicUrl.startsWith('https://');
  const origin = new URL(options.publicUrl).origin;
  const redirectUri = `${origin}${ATTEMPT_PATH}/callback`;

  api.get(
    '/auth/options',
    {
      schema: {
        tags,
        security: [],
        summary: 'How staff sign in here: with a password (unless LOCAL_PASSWORDS=off), with single sign-on',
        response: {
          200: z.object({
            passwords: z.boolean(),
            sso: z.object({ label: z.string(), start: z.string() }).nullable(),
          }),
        },
      },
    },
    async () => {
      const sso = ctx.staffSignIn?.oidc;
      return {
        passwords: passwordsAllowed(ctx),
        sso: sso ? { label: sso.buttonLabel, start: `${ATTEMPT_PATH}/start` } : null,
      };
    },
  );

  api.get(
    '/auth/sso/start',
    {
      schema: {
        tags,
        security: [],
        summary:
          'Start single sign-on: redirects (302) to the identity provider; `next` is where in the workspace to land afterwards. 404 when single sign-on is not configured',
        querystring: z.strictObject({ next: z.string().max(500).optional() }),
        response: problems,
      },
    },
    async (request, reply) => {
      const { url, attempt } = await startSso(ctx, redirectUri, safeNext(request.query.next));
      reply.setCookie(ATTEMPT_COOKIE, Buffer.from(JSON.stringify(attempt)).toString('base64url'), {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from its site, which must carry it.
        sameSite: 'lax',
        secure,
        path: ATTEMPT_PATH,
        maxAge: ATTEMPT_SECONDS,
      });
      return reply.redirect(url, 302);
    },
  );

  api.get(
    '/auth/sso/callback',
    {
      schema: {
        tags,
        security: [],
        summary:
          'Where the identity provider sends the browser back: signs in and redirects (302) to the workspace, or to the sign-in page with `?sso=no-role|inactive|no-email|email-unverified|failed`',
        // What a provider sends back (RFC 6749 §4.1.2, RFC 9207's iss); openid-client reads the address itself.
        querystring: z.looseObject({
          code: z.string().max(4096).optional(),
          state: z.string().max(4096).optional(),
          iss: z.string().max(2048).optional(),
          error: z.string().max(256).optional(),
        }),
      },
    },
    async (request, reply) => {
      const attempt = readAttempt(request.cookies[ATTEMPT_COOKIE]);
      reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_PATH });
      const back = (why: string) => reply.redirect(`/staff/sign-in?sso=${why}`, 302);
      if (!attempt) return back('failed');
      try {
        const outcome = await finishSso(ctx, new URL(request.url, origin), attempt, sessionClient(request));
        if (!outcome.ok) return back(outcome.refusal);
        setSessionCookie(reply, outcome.secret);
        return reply.redirect(attempt.next, 302);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'sso-refused') throw error;
        request.log.warn({ reason: error.message }, 'single sign-on answer refused');
        return back('failed');
      }
    },
  );
}
