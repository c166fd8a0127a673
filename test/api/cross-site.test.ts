/**
 * Cross-site request forgery: a page of another site can make a signed-in browser send any form POST (and,
 * with fetch, other methods) to Redress, cookies included. Every state-changing route in the OpenAPI
 * document is sent from another site with a valid staff cookie and a valid portal cookie: each is refused
 * with 403 `cross-site-request` and nothing is written; from Redress's own origin, none is refused by this
 * check. A bearer token is not a cookie, and is not checked. A sign-in is refused from another site even
 * without any cookie (login CSRF: signing the victim's browser in to the attacker's account).
 */
import { beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';
import { linkTokensIn } from '../support/sms-gateway.ts';

const STATE_CHANGING = ['post', 'put', 'patch', 'delete'] as const;
const PASSWORD = 'a long and unguessable staff passphrase';
/** What the test server's PUBLIC_URL is (test/support/api.ts). */
const OWN_ORIGIN = 'http://localhost';

describeEachDialect('cross-site requests with a session cookie', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');
  let reference = '';
  let cookies = '';
  let routes: { method: string; path: string }[] = [];

  beforeAll(async () => {
    const { t, sink } = env;
    await addUser(t.ctx, {
      email: 'cass@test.redress',
      name: 'Cass Admin',
      roles: ['admin', 'agent', 'reviewer', 'director'],
      password: PASSWORD,
      mustChangePassword: false,
    });
    const login = await t
      .as(null)
      .post(
        '/auth/login',
        { email: 'cass@test.redress', password: PASSWORD },
        { 'sec-fetch-site': 'same-origin' },
      );
    expect(login.status).toBe(200);
    const staff = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await t
      .as('agent')
      .post('/complaints', phoneComplaint({ customer: { name: 'Ria Forged', email: 'ria@example.org' } }));
    expect(created.status).toBe(201);
    reference = created.body.reference;
    const portal = await portalSessionCookie(t, sink, reference, 'ria@example.org');
    cookies = `${staff}; ${portal}`;
    const document = (await t.as(null).get('/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      STATE_CHANGING.filter((m) => m in operations).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });

  /** The route's address with every path parameter filled: the complaint's reference, else an id. */
  const address = (path: string) =>
    `${env.t.url}${path.replace('{reference}', reference).replace(/\{[^}]+\}/g, '01JAAAAAAAAAAAAAAAAAAAAAAA')}`;

  /** How many rows each table holds: the same before and after means nothing was written. */
  async function rowCounts(): Promise<Record<string, number>> {
    const db = env.t.db.kysely;
    const counts: Record<string, number> = {};
    for (const table of await db.introspection.getTables()) {
      // biome-ignore lint/suspicious/noExplicitAny: every table, by its name from the database itself
      const row = await (db as any)
        .selectFrom(table.name)
        .select((eb: { fn: { countAll: () => { as: (n: string) => unknown } } }) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts[table.name] = Number(row.n);
    }
    return counts;
  }

  it('refuses every state-changing route from another site, before anything is written', async () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/v1/print-queue/{id}/posted' });
    const before = await rowCounts();
    const answers = [];
    for (const { method, path } of routes) {
      // What a hidden form on another site sends: a simple body, the cookies, and the browser's own headers.
      const response = await fetch(address(path), {
        method,
        headers: {
          cookie: cookies,
          'sec-fetch-site': 'cross-site',
          origin: 'https://attacker.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'text=forged',
      });
      const body = (await response.json()) as { code?: string };
      answers.push({ route: `${method} ${path}`, status: response.status, code: body.code });
    }
    expect(answers.filter((a) => a.status !== 403 || a.code !== 'cross-site-request')).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a request with the cookies and no word of where it came from, or from a look-alike origin', async () => {
    const path = `/api/v1/complaints/${reference}/add-note`;
    const tries: Record<string, string>[] = [
      {},
      { origin: 'http://localhost.attacker.example' },
      { origin: 'null' },
      { referer: 'https://attacker.example/localhost' },
      { 'sec-fetch-site': 'same-site', origin: OWN_ORIGIN },
    ];
    for (const headers of tries) {
      const response = await fetch(`${env.t.url}${path}`, {
        method: 'POST',
        headers: { cookie: cookies, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ text: 'forged' }),
      });
      expect({ headers, status: response.status }).toEqual({ headers, status: 403 });
    }
  });

  it('lets every route through from the site itself (Sec-Fetch-Site, else Origin, else Referer)', async () => {
    const sameSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { origin: OWN_ORIGIN },
      { referer: `${OWN_ORIGIN}/staff/complaints` },
    ];
    const note = await fetch(`${env.t.url}/api/v1/complaints/${reference}/add-note`, {
      method: 'POST',
      headers: { cookie: cookies, 'content-type': 'application/json', origin: OWN_ORIGIN },
      body: JSON.stringify({ text: 'From the workspace itself' }),
    });
    expect(note.status).toBe(200);
    // Some of these sign out, or fail validation: only whether this check refused them matters here.
    const refused = [];
    for (const [i, { method, path }] of routes.entries()) {
      const response = await fetch(address(path), {
        method,
        headers: { cookie: cookies, 'content-type': 'application/json', ...sameSite[i % sameSite.length] },
        body: '{}',
      });
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      if (body.code === 'cross-site-request') refused.push(`${method} ${path}`);
    }
    expect(refused).toEqual([]);
  });

  it('does not check a request with a bearer token, which no other site can make a browser send', async () => {
    const response = await env.t
      .as('agent')
      .post(
        `/complaints/${reference}/add-note`,
        { text: 'From a script' },
        { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' },
      );
    expect(response.status).toBe(200);
  });

  it('refuses a sign-in from another site even without a cookie, and lets the sign-in page through', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${env.t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'cass@test.redress', password: PASSWORD }),
      });
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://attacker.example' },
      { referer: 'https://attacker.example/login' },
      {},
    ];
    for (const headers of foreign) {
      const response = await login(headers);
      const body = (await response.json()) as { code?: string };
      expect({
        headers,
        status: response.status,
        code: body.code,
        cookie: response.headers.get('set-cookie'),
      }).toEqual({ headers, status: 403, code: 'cross-site-request', cookie: null });
    }
    const own: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin' }, { origin: OWN_ORIGIN }];
    for (const headers of own) {
      const response = await login(headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toContain('redress_session=');
    }
    // The portal's sign-in with a link's token: refused from elsewhere, before the token is spent.
    const { t, sink } = env;
    const asked = await t.as(null).post('/portal/sign-in-link', { reference, contact: 'ria@example.org' });
    expect(asked.status).toBe(202);
    await t.runJobs();
    const token = (await sink.parsed()).flatMap((m) => linkTokensIn(m.text ?? '')).at(-1);
    const forged = await fetch(`${t.url}/api/v1/portal/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ token }),
    });
    expect(forged.status).toBe(403);
    expect((await t.as(null).post('/portal/sign-in', { token })).status).toBe(200);
  });
});
