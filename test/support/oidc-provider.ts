/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package, with its development sign-in
 * pages: any login name with any password signs in as the account of that name), whose accounts' email,
 * name and groups the test sets and changes. Only for tests.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { StaffSignInSettings } from '../../src/domain/sso.ts';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
  /** What the provider says of the email (`email_verified`); true unless set. */
  emailVerified?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by login name: change an account's groups here and the next sign-in sees it. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

/** Starts a provider that knows one client, Redress, with this redirect URI. */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'redress';
  const clientSecret = 'a client secret for the test provider';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    cookies: { keys: ['a cookie key for the test provider only'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
            groups: account.groups,
          };
        },
      };
    },
  });
  // A failure inside the provider answers only "server_error": say what it was.
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error('oidc-provider:', error));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The button the sign-in page shows for the test provider. */
export const TEST_SSO_BUTTON = 'Sign in with Test IdP';

/**
 * Redress's staff sign-in settings for single sign-on with this provider: groups redress-agents,
 * redress-directors and redress-admins give those roles; passwords on or off as asked.
 */
export function staffSignInWith(idp: TestOidcProvider, localPasswords: boolean): StaffSignInSettings {
  return {
    localPasswords,
    oidc: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      scopes: 'openid email profile groups',
      groupsClaim: 'groups',
      roleGroups: [
        { group: 'redress-agents', role: 'agent' },
        { group: 'redress-directors', role: 'director' },
        { group: 'redress-admins', role: 'admin' },
      ],
      buttonLabel: TEST_SSO_BUTTON,
    },
  };
}
