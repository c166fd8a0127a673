/**
 * The second half of a single sign-on: the provider's answer is checked (state, PKCE, the ID token's
 * signature, issuer, audience and nonce — openid-client does it), the member of staff found by the provider's
 * issuer and subject, and the role derived again from the groups the provider names:
 * - a subject not seen before with a mapped group becomes a member of staff with that role (or, when an
 *   account with the same email exists and is tied to no subject, that account is tied to it — only when the
 *   provider says it verified the email (`email_verified`): anyone can type someone else's address into a
 *   provider that lets users edit their profile, and linking on it would hand them that person's account);
 * - once tied, the account is found by the provider's issuer and subject alone, whatever email it sends later;
 * - someone in no mapped group is refused, and an existing account is deactivated and its sessions end;
 * - someone moved to another group gets the new role;
 * - an account deactivated in Redress stays out (an admin reactivates it).
 * Every change, and every refusal, is audited; then a session opens (open-session.ts).
 */
import * as oidc from 'openid-client';
import { appendAuditEvent } from '../db/audit.ts';
import { type Executor, transaction } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import {
  findUserByOidcSubject,
  findUserForLinking,
  setOidcSubject,
  setSsoRolesAndActive,
} from '../db/staff-identities.ts';
import { insertUser, type User } from '../db/users.ts';
import { type OidcSettings, roleFromGroups } from '../domain/sso.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { oidcConfiguration } from './oidc-client.ts';
import { openSession, type SessionClient } from './open-session.ts';
import type { SsoAttempt } from './start-sso.ts';

/** Why a sign-in was refused, in the words the sign-in page shows. */
export type SsoRefusal = 'no-role' | 'inactive' | 'no-email' | 'email-unverified';

/** What the provider says about the person signing in. */
interface Identity {
  issuer: string;
  subject: string;
  email: string | undefined;
  /** Whether the provider vouches that the person controls `email` (the `email_verified` claim). */
  emailVerified: boolean;
  name: string | undefined;
  groups: unknown;
}

/**
 * Completes the sign-in from the provider's redirect (`callbackUrl`, with its code and state); returns the
 * session, or the refusal. A forged or replayed answer is an `sso-refused` error.
 */
export async function finishSso(
  ctx: AppContext,
  callbackUrl: URL,
  attempt: SsoAttempt,
  client: SessionClient,
): Promise<{ ok: true; secret: string; user: User } | { ok: false; refusal: SsoRefusal }> {
  const settings = ctx.staffSignIn?.oidc;
  if (!settings) throw notFound('single sign-on (it is not configured: OIDC_ISSUER)');
  const identity = await identityFrom(settings, callbackUrl, attempt);
  const outcome = await transaction(ctx.db, (trx) => applyIdentity(ctx, trx, settings, identity));
  if (!outcome.ok) return outcome;
  const { secret } = await openSession(ctx, outcome.user, client, 'sso');
  return { ok: true, secret, user: outcome.user };
}

async function identityFrom(
  settings: OidcSettings,
  callbackUrl: URL,
  attempt: SsoAttempt,
): Promise<Identity> {
  const config = await oidcConfiguration(settings);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new AppError(
      'sso-refused',
      `the identity provider’s answer could not be accepted: ${(error as Error).message}`,
    );
  }
  const claims = tokens.claims();
  if (!claims) throw new AppError('sso-refused', 'the identity provider sent no ID token');
  let info: Record<string, unknown> = claims;
  // Many providers put groups (and the email) only in the userinfo answer, not in the ID token.
  if (
    claims[settings.groupsClaim] === undefined ||
    claims.email === undefined ||
    claims.email_verified === undefined
  ) {
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    info = { ...userInfo, ...claims };
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: text(info.email)?.toLowerCase(),
    // Some providers send the boolean as a string; anything else (absent, false) is not verified.
    emailVerified: info.email_verified === true || info.email_verified === 'true',
    name: text(info.name),
    groups: info[settings.groupsClaim] ?? userInfoGroups(info, settings.groupsClaim),
  };
}

/** A groups claim named with dots (`realm_access.roles`) is looked up as a path. */
function userInfoGroups(info: Record<string, unknown>, claim: string): unknown {
  return claim
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], info);
}

async function applyIdentity(
  ctx: AppContext,
  trx: Executor,
  settings: OidcSettings,
  identity: Identity,
): Promise<{ ok: true; user: User } | { ok: false; refusal: SsoRefusal }> {
  const at = ctx.now().toISOString();
  const role = roleFromGroups(identity.groups, settings.roleGroups);
  const audit = (type: string, actor: string | null, payload: Record<string, unknown>) =>
    appendAuditEvent(trx, { complaintId: null, type, actor, at, payload });
  const who = { issuer: identity.issuer, subject: identity.subject };
  let user = await findUserByOidcSubject(trx, identity.issuer, identity.subject);
  if (!user) {
    if (role === null) {
      await audit('sso-refused', null, { ...who, reason: 'no-role' });
      return { ok: false, refusal: 'no-role' };
    }
    if (!identity.email) {
      await audit('sso-refused', null, { ...who, reason: 'no-email' });
      return { ok: false, refusal: 'no-email' };
    }
    const existing = await findUserForLinking(trx, identity.email);
    if (existing && !existing.linked && !identity.emailVerified) {
      // Linking on an address the provider has not verified would let anyone who can set that address
      // there take over the local account: refused, and audited against the account it aimed at.
      await audit('sso-refused', null, {
        userId: existing.user.id,
        ...who,
        reason: 'email-unverified',
      });
      return { ok: false, refusal: 'email-unverified' };
    }
    if (existing && !existing.linked) {
      await setOidcSubject(trx, existing.user.id, identity.issuer, identity.subject);
      await audit('user-linked-to-sso', existing.user.id, { userId: existing.user.id, ...who });
      user = existing.user;
    } else if (existing) {
      // The email is another subject's: two provider accounts must not share one Redress account.
      await audit('sso-refused', null, { ...who, reason: 'email-taken' });
      return { ok: false, refusal: 'no-email' };
    } else {
      user = {
        id: newId(Date.parse(at)),
        email: identity.email,
        name: (identity.name ?? identity.email).slice(0, 200),
        roles: [role],
        active: true,
        createdAt: at,
        mustChangePassword: false,
      };
      try {
        await insertUser(trx, user, null);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'this account was being created already');
        throw error;
      }
      await setOidcSubject(trx, user.id, identity.issuer, identity.subject);
      await audit('user-created', user.id, { userId: user.id, roles: user.roles, via: 'sso', ...who });
      return { ok: true, user };
    }
  }
  if (!user.active) {
    await audit('sso-refused', user.id, { userId: user.id, ...who, reason: 'inactive' });
    return { ok: false, refusal: 'inactive' };
  }
  if (role === null) {
    // Removed from every mapped group at the provider: out here too, at once and everywhere.
    await setSsoRolesAndActive(trx, { ...user, active: false });
    const ended = await deleteSessionsOf(trx, user.id);
    await audit('user-deactivated-by-sso', user.id, {
      userId: user.id,
      ...who,
      formerRoles: user.roles,
      sessionsEnded: ended,
    });
    return { ok: false, refusal: 'no-role' };
  }
  if (user.roles.length !== 1 || user.roles[0] !== role) {
    const updated: User = { ...user, roles: [role] };
    await setSsoRolesAndActive(trx, updated);
    await audit('user-role-from-sso', user.id, { userId: user.id, from: user.roles, to: updated.roles });
    user = updated;
  }
  return { ok: true, user };
}
