/**
 * The identity provider as openid-client (v6) sees it: discovered once per process from the issuer's
 * `/.well-known/openid-configuration`, then reused. Plain http is allowed only to this machine (env.ts
 * refuses anything else at start), for a provider beside Redress or in a test.
 */
import * as oidc from 'openid-client';
import type { OidcSettings } from '../domain/sso.ts';

const discovered = new WeakMap<OidcSettings, Promise<oidc.Configuration>>();

/** The provider's configuration with this client's credentials; a failed discovery is tried again next time. */
export function oidcConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  let found = discovered.get(settings);
  if (!found) {
    const issuer = new URL(settings.issuer);
    found = oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => discovered.delete(settings));
    discovered.set(settings, found);
  }
  return found;
}
