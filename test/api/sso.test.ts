/**
 * Single sign-on over HTTP against a real OpenID Connect provider on loopback (oidc-provider), following the
 * redirects and the provider's development forms as a browser would: a first sign-in creates the member of
 * staff with the role of their group; moved to another group they get its role; in none, they are refused
 * and deactivated with their sessions ended; someone in no group is never created; an answer that comes back
 * to a browser that did not start the sign-in (login CSRF) is refused; an existing local account is tied to
 * the provider by email only when the provider verified that email, and then found by subject alone. Each
 * step is audited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findUserByOidcSubject } from '../../src/db/staff-identities.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { staffSignInWith, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/processes.ts';

describeEachDialect('single sign-on', (harness) => {
  let t: TestApi;
  let idp: TestOidcProvider;
  beforeAll(async () => {
    const port = await freePort();
    idp = await startOidcProvider(`http://127.0.0.1:${port}/api/v1/auth/sso/callback`);
    t = await startApi(harness, { port });
    t.ctx.staffSignIn = staffSignInWith(idp, true);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /**
   * A browser's sign-in: Redress's start, the provider's login and consent forms, back to the callback.
   * Returns where Redress sent the browser in the end and its session cookie, if any. `tamper` may change
   * the callback's address before it is followed.
   */
  async function signInAs(login: string, tamper?: (callback: URL) => URL) {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let url = `${t.url}/api/v1/auth/sso/start`;
    let body: string | undefined;
    for (let step = 0; step < 20; step++) {
      const response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        redirect: 'manual',
        headers: {
          cookie: cookie(),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(body === undefined ? {} : { body }),
      });
      for (const set of response.headers.getSetCookie()) {
        const [pair = ''] = set.split(';');
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1);
        if (value && !/expires=Thu, 01 Jan 1970/i.test(set) && !/max-age=0/i.test(set)) {
          jar.set(pair.slice(0, at), value);
        } else jar.delete(pair.slice(0, at));
      }
      body = undefined;
      const location = response.headers.get('location');
      if (location) {
        let next = new URL(location, url);
        if (next.pathname === '/api/v1/auth/sso/callback' && tamper) next = tamper(next);
        if (next.origin === t.url && !next.pathname.startsWith('/api/')) {
          return { landed: next.pathname + next.search, session: jar.get('redress_session') };
        }
        url = next.href;
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form at ${url}: ${response.status} ${html.slice(0, 200)}`);
      const fields = new URLSearchParams();
      for (const [, name = '', value = ''] of html.matchAll(
        /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
      )) {
        fields.set(name, value);
      }
      if (html.includes('name="login"')) {
        fields.set('login', login);
        fields.set('password', 'anything');
      }
      body = fields.toString();
      url = new URL(action, url).href;
    }
    throw new Error('the sign-in did not come back');
  }

  const me = async (session: string | undefined) =>
    t.as(null).raw('/auth/me', { headers: { cookie: `redress_session=${session}` } });
  const auditTypes = async (userId: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_events')
        .select(['type', 'payload'])
        .where('type', 'in', ['user-created', 'user-role-from-sso', 'user-deactivated-by-sso', 'sso-refused'])
        .orderBy('seq')
        .execute()
    )
      .filter((e) => JSON.parse(e.payload).userId === userId)
      .map((e) => e.type);

  it('creates a member of staff at first sign-in, re-derives the role each time, and deactivates one in no group', async () => {
    idp.accounts.set('rowan', {
      email: 'Rowan@IdP.example',
      name: 'Rowan Reed',
      groups: ['redress-agents', 'x'],
    });
    const first = await signInAs('rowan');
    expect(first.landed).toBe('/staff');
    const asAgent = await me(first.session);
    expect(asAgent.body).toMatchObject({ email: 'rowan@idp.example', name: 'Rowan Reed', roles: ['agent'] });
    const stored = await findUserByOidcSubject(t.db.kysely, idp.issuer, 'rowan');
    expect(stored?.id).toBe(asAgent.body.id);

    // Promoted at the provider: two mapped groups, the higher role wins.
    idp.accounts.set('rowan', {
      email: 'rowan@idp.example',
      name: 'Rowan Reed',
      groups: ['redress-agents', 'redress-directors'],
    });
    const second = await signInAs('rowan');
    expect((await me(second.session)).body.roles).toEqual(['director']);
    expect((await me(first.session)).status).toBe(200);

    // Out of every mapped group: refused, deactivated, every session ended.
    idp.accounts.set('rowan', { email: 'rowan@idp.example', name: 'Rowan Reed', groups: ['x'] });
    const third = await signInAs('rowan');
    expect(third).toEqual({ landed: '/staff/sign-in?sso=no-role', session: undefined });
    expect((await me(first.session)).status).toBe(401);
    expect((await me(second.session)).status).toBe(401);
    expect((await findUserByOidcSubject(t.db.kysely, idp.issuer, 'rowan'))?.active).toBe(false);

    // Back in a group at the provider: the deactivation in Redress stands until an admin lifts it.
    idp.accounts.set('rowan', { email: 'rowan@idp.example', name: 'Rowan Reed', groups: ['redress-agents'] });
    expect((await signInAs('rowan')).landed).toBe('/staff/sign-in?sso=inactive');
    expect(await auditTypes(asAgent.body.id)).toEqual([
      'user-created',
      'user-role-from-sso',
      'user-deactivated-by-sso',
      'sso-refused',
    ]);
  });

  it('never creates someone in no mapped group, and refuses an answer meant for another browser', async () => {
    idp.accounts.set('nobody', { email: 'nobody@idp.example', name: 'No Body', groups: ['everyone'] });
    expect((await signInAs('nobody')).landed).toBe('/staff/sign-in?sso=no-role');
    expect(await findUserByOidcSubject(t.db.kysely, idp.issuer, 'nobody')).toBeUndefined();

    idp.accounts.set('ada', { email: 'ada@idp.example', name: 'Ada Admin', groups: ['redress-admins'] });
    const forged = await signInAs('ada', (callback) => {
      callback.searchParams.set('state', 'a state this browser never had');
      return callback;
    });
    expect(forged).toEqual({ landed: '/staff/sign-in?sso=failed', session: undefined });
    expect(await findUserByOidcSubject(t.db.kysely, idp.issuer, 'ada')).toBeUndefined();
    const fair = await signInAs('ada');
    expect((await me(fair.session)).body.roles).toEqual(['admin']);
  });

  it('ties a local account to the provider only on a verified email, then by subject whatever the email', async () => {
    const local = await t.as('admin').post('/users', {
      email: 'lee@test.redress',
      name: 'Lee Local',
      roles: ['reviewer'],
      password: 'set by the admin',
    });
    expect(local.status).toBe(201);
    // Someone at the provider types Lee's address into their own profile: the provider has not verified it.
    idp.accounts.set('mallory', {
      email: 'lee@test.redress',
      name: 'Mallory',
      groups: ['redress-agents'],
      emailVerified: false,
    });
    expect(await signInAs('mallory')).toEqual({
      landed: '/staff/sign-in?sso=email-unverified',
      session: undefined,
    });
    expect(await findUserByOidcSubject(t.db.kysely, idp.issuer, 'mallory')).toBeUndefined();
    const refusal = await t.db.kysely
      .selectFrom('audit_events')
      .select('payload')
      .where('type', '=', 'sso-refused')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(refusal.payload)).toMatchObject({
      userId: local.body.id,
      subject: 'mallory',
      reason: 'email-unverified',
    });

    // Lee's own provider account, with the address verified: tied, and from then on found by the subject.
    idp.accounts.set('lee', { email: 'lee@test.redress', name: 'Lee Local', groups: ['redress-agents'] });
    const linked = await signInAs('lee');
    expect((await me(linked.session)).body).toMatchObject({ id: local.body.id, roles: ['agent'] });
    expect((await findUserByOidcSubject(t.db.kysely, idp.issuer, 'lee'))?.id).toBe(local.body.id);
    idp.accounts.set('lee', {
      email: 'lee.renamed@idp.example',
      name: 'Lee Local',
      groups: ['redress-agents'],
      emailVerified: false,
    });
    const later = await signInAs('lee');
    expect((await me(later.session)).body.id).toBe(local.body.id);
  });
});
