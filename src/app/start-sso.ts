/**
 * The first half of a single sign-on: the provider's sign-in page to send the browser to, with the
 * authorization code flow's protections — PKCE (S256), `state` (the answer must come back to the browser that
 * asked: no login CSRF) and `nonce` (the ID token must be the one issued for this sign-in). The three are
 * kept in a short-lived cookie of this browser, and checked by finish-sso.ts.
 */
import * as oidc from 'openid-client';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { oidcConfiguration } from './oidc-client.ts';

/** What the browser keeps between leaving for the provider and coming back. */
export interface SsoAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in the workspace to go after signing in. */
  next: string;
}

/** The provider's address to send the browser to, and the attempt to keep in its cookie. */
export async function startSso(
  ctx: AppContext,
  redirectUri: string,
  next: string,
): Promise<{ url: string; attempt: SsoAttempt }> {
  const settings = ctx.staffSignIn?.oidc;
  if (!settings) throw notFound('single sign-on (it is not configured: OIDC_ISSUER)');
  const config = await oidcConfiguration(settings);
  const attempt: SsoAttempt = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    next,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { url: url.href, attempt };
}
