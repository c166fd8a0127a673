/**
 * Who is calling: a bearer token (`Authorization: Bearer rdr_…`) or a staff session cookie. Routes ask for
 * the actor with `staffActor(request)`, which fails with 401 when there is none, and with 403
 * `password-change-required` for a session opened with a password someone else chose: such a session may only
 * read who it is (`/auth/me`), change the password and sign out. A token is not held back: it never came from
 * the password (an operator made it with `redress token create`, or its owner after choosing a password).
 *
 * Cookies ride along with any request a browser sends, whichever site's page sent it: so a state change
 * carrying a session cookie (staff or portal) is refused with 403 `cross-site-request` unless the browser says
 * it came from this site — `Sec-Fetch-Site: same-origin` (or `none`: typed by the user), or, from a browser
 * without it, an `Origin` (else `Referer`) of PUBLIC_URL's origin. A bearer token is not sent by a browser on
 * its own, so a request with an `Authorization` header is not checked (and its cookies are not read).
 *
 * A sign-in (`config.signIn`: the password sign-in, the portal's sign-in with a link's token) is refused the
 * same way even without a cookie: otherwise another site's page could sign the browser in to the attacker's
 * own account (login CSRF), and what the victim then types lands there.
 *
 * A token may be held to reading (GET, HEAD) or to named commands (and reading): a request outside its scope
 * is 403 `token-scope` before the body is read. An expired token is 401, saying when it expired.
 *
 * An `Authorization` header that is no valid token is 401 at once, before the body is read, except on the
 * endpoints anyone may call (`security: []` in the OpenAPI document: sign-in, sign-in links, the procedure,
 * the portal's forms, the survey) and the web pages, which ignore it and answer as to anyone.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requirePasswordChosen } from '../app/change-password.ts';
import type { AppContext } from '../app/context.ts';
import { userForToken } from '../app/create-api-token.ts';
import { AppError } from '../app/errors.ts';
import { mustSetUpSecondFactor } from '../app/second-factor-codes.ts';
import { customerForPortalSession } from '../app/sign-in-customer.ts';
import { userForSession } from '../app/staff-session.ts';
import type { User } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { Role } from '../domain/procedure.ts';
import { formatTokenScope, tokenScopeAllows } from '../domain/token-scope.ts';
import { problem, sendProblem } from './problem.ts';

export const SESSION_COOKIE = 'redress_session';
/** The customer portal's own cookie: a customer session never grants staff access, nor the reverse. */
export const PORTAL_COOKIE = 'redress_portal';

export interface AuthOptions {
  ctx: AppContext;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route checks its own `Authorization: Bearer` (a scraper's token, not a person's): it is not
     * looked up as a personal API token, and nobody is signed in from it.
     */
    ownBearer?: boolean;
    /** A sign-in: refused from another site's page even without a cookie (login CSRF). */
    signIn?: boolean;
    /** The procedure command the route issues (or previews): a token scoped to commands may call it if named. */
    command?: string;
  }
  interface FastifyRequest {
    user: User | null;
    /** How the user signed in: a password session's limits differ from a token's. */
    staffAuth: 'token' | 'session' | null;
    /** The session's user must set up 2-step verification before anything else (MFA_REQUIRED_ROLES). */
    secondFactorSetUpRequired: boolean;
    /** The customer signed in to the portal, if any. */
    customerId: string | null;
  }
}

export const authPlugin = fp<AuthOptions>(async (app, { ctx }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('staffAuth', null);
  app.decorateRequest('secondFactorSetUpRequired', false);
  app.decorateRequest('customerId', null);
  const siteOrigin = new URL(ctx.publicUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.ownBearer) return;
    if (request.routeOptions.config.signIn && !fromSite(request.headers, siteOrigin)) {
      return refuseCrossSiteSignIn(reply);
    }
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const check = match?.[1] ? await userForToken(ctx, match[1]) : undefined;
      if (!check || 'expiredAt' in check) {
        // A public endpoint serves anyone, whatever header a client library adds.
        if (isPublic(request)) return;
        throw new AppError(
          'unauthenticated',
          check
            ? `the bearer token expired at ${check.expiredAt}: create a new one`
            : 'the bearer token is not valid (revoked, or its user is inactive)',
        );
      }
      if (!isPublic(request)) {
        const { method, routeOptions } = request;
        if (!tokenScopeAllows(check.scope, method, routeOptions.config.command)) {
          throw new AppError(
            'token-scope',
            `this token’s scope (${formatTokenScope(check.scope)}) does not allow ${method} ${routeOptions.url ?? request.url}`,
          );
        }
      }
      request.user = check.user;
      request.staffAuth = 'token';
      return;
    }
    if (isCrossSiteWithCookie(request, siteOrigin)) return refuseCrossSite(reply);
    const secret = request.cookies[SESSION_COOKIE];
    const session = secret ? await userForSession(ctx, secret) : undefined;
    if (session) {
      request.user = session.user;
      request.staffAuth = 'session';
      request.secondFactorSetUpRequired = mustSetUpSecondFactor(ctx, session.user, session);
    }
    const portal = request.cookies[PORTAL_COOKIE];
    if (portal) request.customerId = (await customerForPortalSession(ctx, portal)) ?? null;
  });
  // Fastify checks a body before the handler asks who is calling: without this, a caller who is not signed
  // in would learn a staff endpoint's body schema from 400s before being told to sign in.
  app.addHook('preValidation', async (request) => {
    if (request.user || !forStaffOnly(request)) return;
    throw new AppError('unauthenticated', 'sign in, or send a personal API token as Authorization: Bearer');
  });
});

/**
 * An API endpoint in the OpenAPI document that asks for a member of staff: not one with `security: []`, not
 * one hidden from the document (the document itself) and not one checking its own bearer.
 */
function forStaffOnly(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/') || request.routeOptions.config.ownBearer) return false;
  const schema = request.routeOptions.schema as { hide?: boolean } | undefined;
  return schema !== undefined && !schema.hide && !isPublic(request);
}

/** An endpoint anyone may call: one of the API's with no security in its schema, or outside the API. */
function isPublic(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/')) return true;
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the request would change something on the strength of a session cookie, and the browser that
 * sent it does not say it came from a page of this site. Checked before the session is even looked up.
 */
export function isCrossSiteWithCookie(request: FastifyRequest, siteOrigin: string): boolean {
  if (!STATE_CHANGING.has(request.method)) return false;
  if (!request.cookies[SESSION_COOKIE] && !request.cookies[PORTAL_COOKIE]) return false;
  return !fromSite(request.headers, siteOrigin);
}

/**
 * What the browser says of where the request came from. Fetch metadata first (every current browser sends it
 * to https and loopback origins); else the `Origin` a browser sends with every POST, PUT, PATCH and DELETE;
 * else the `Referer`. None of them (or `Origin: null`, a sandboxed page's): not from this site.
 */
function fromSite(headers: FastifyRequest['headers'], siteOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const from = headers.origin ?? headers.referer;
  if (!from) return false;
  try {
    return new URL(from).origin === siteOrigin;
  } catch {
    return false;
  }
}

function refuseCrossSite(reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(
      'cross-site-request',
      403,
      'This request carries a Redress sign-in cookie but did not come from a Redress page (its Sec-Fetch-Site, ' +
        'Origin or Referer names another site, or none is sent), so it was refused: a page of another site ' +
        'cannot act in your name. Use Redress itself, or an API token (Authorization: Bearer) from a script.',
    ),
  );
}

function refuseCrossSiteSignIn(reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(
      'cross-site-request',
      403,
      'A sign-in must come from Redress’s own sign-in page (Sec-Fetch-Site: same-origin, else an Origin or ' +
        'Referer of Redress’s public address): a page of another site cannot sign your browser in to an ' +
        'account of its choosing.',
    ),
  );
}

/**
 * The signed-in member of staff, even one who must still change a password someone else chose: only for
 * `/auth/me` and changing the password. 401 when nobody is signed in.
 */
export function signedInStaff(request: FastifyRequest): User {
  const user = request.user;
  if (!user)
    throw new AppError('unauthenticated', 'sign in, or send a personal API token as Authorization: Bearer');
  return user;
}

/**
 * The signed-in member of staff as a domain actor; 401 when nobody is signed in, 403 when their session's
 * password must be changed first, or their 2-step verification set up.
 */
export function staffActor(request: FastifyRequest): Actor & { kind: 'staff' } {
  const user = signedInStaff(request);
  if (request.staffAuth === 'session') {
    requirePasswordChosen(user);
    requireSecondFactorSetUp(request);
  }
  return { kind: 'staff', id: user.id, roles: user.roles };
}

/**
 * 403 `second-factor-required` when the session's user must set up 2-step verification first (their role
 * requires it): everything but setting it up, `/auth/me`, one's own sessions and signing out waits for that.
 */
export function requireSecondFactorSetUp(request: FastifyRequest): void {
  if (request.secondFactorSetUpRequired)
    throw new AppError(
      'second-factor-required',
      'your role requires 2-step verification: set up an authenticator app first (GET /auth/second-factor, POST /auth/second-factor/setup)',
    );
}

/**
 * 403 unless the caller signed in to Redress in a browser (a session), not with an API token: managing how
 * someone signs in (2-step verification) must not be open to a token, or a leaked token could enrol its
 * holder's authenticator and keep them out.
 */
export function requireBrowserSession(request: FastifyRequest, what: string): void {
  if (request.staffAuth !== 'session')
    throw new AppError(
      'forbidden',
      `${what} needs you signed in to Redress in a browser: an API token cannot do it. Sign in and use the web app`,
    );
}

/** The customer signed in to the portal; 401 when there is none. */
export function portalCustomer(request: FastifyRequest): string {
  if (!request.customerId) {
    throw new AppError('unauthenticated', 'sign in to the portal with the link we send you');
  }
  return request.customerId;
}

/** Like staffActor, and the user must hold one of `roles` (403 otherwise). */
export function requireRole(request: FastifyRequest, ...roles: Role[]): Actor & { kind: 'staff' } {
  const actor = staffActor(request);
  if (!actor.roles.some((r) => roles.includes(r))) {
    throw new AppError('forbidden', `this needs the role ${roles.join(' or ')}`);
  }
  return actor;
}
