/**
 * Who is calling: a bearer token (`Authorization: Bearer rdr_…`) or a staff session cookie. Routes ask for
 * the actor with `staffActor(request)`, which fails with 401 when there is none, and with 403
 * `password-change-required` for a session opened with a password someone else chose: such a session may only
 * read who it is (`/auth/me`), change the password and sign out. A token is not held back: it never came from
 * the password (an operator made it with `redress token create`, or its owner after choosing a password).
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requirePasswordChosen } from '../app/change-password.ts';
import type { AppContext } from '../app/context.ts';
import { userForToken } from '../app/create-api-token.ts';
import { AppError } from '../app/errors.ts';
import { userForSession } from '../app/sign-in.ts';
import { customerForPortalSession } from '../app/sign-in-customer.ts';
import type { User } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { Role } from '../domain/procedure.ts';

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
  }
  interface FastifyRequest {
    user: User | null;
    /** How the user signed in: a password session's limits differ from a token's. */
    staffAuth: 'token' | 'session' | null;
    /** The customer signed in to the portal, if any. */
    customerId: string | null;
  }
}

export const authPlugin = fp<AuthOptions>(async (app, { ctx }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('staffAuth', null);
  app.decorateRequest('customerId', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.ownBearer) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await userForToken(ctx, match[1]) : undefined;
      if (!user)
        throw new AppError(
          'unauthenticated',
          'the bearer token is not valid (revoked, or its user is inactive)',
        );
      request.user = user;
      request.staffAuth = 'token';
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) request.user = (await userForSession(ctx, secret)) ?? null;
    if (request.user) request.staffAuth = 'session';
    const portal = request.cookies[PORTAL_COOKIE];
    if (portal) request.customerId = (await customerForPortalSession(ctx, portal)) ?? null;
  });
});

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
 * password must be changed first.
 */
export function staffActor(request: FastifyRequest): Actor & { kind: 'staff' } {
  const user = signedInStaff(request);
  if (request.staffAuth === 'session') requirePasswordChosen(user);
  return { kind: 'staff', id: user.id, roles: user.roles };
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
