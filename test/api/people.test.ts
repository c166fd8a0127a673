/** Customers, staff accounts and signing in. */

import { afterAll, beforeAll, expect, it } from 'vitest';
import { revokeApiTokens } from '../../src/app/create-api-token.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('customers, staff and sign-in', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  it('creates, finds, updates and searches customers', async () => {
    const agent = t.as('agent');
    const created = await agent.post('/customers', {
      name: 'Ada Lovelace',
      email: 'Ada@Example.org',
      phone: '01632 960 555',
      type: 'small-business',
      addressLines: ['1 Analytical Row'],
      postcode: 'hr8 1aa',
      needs: { largePrint: true },
      preferredChannel: 'letter',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'ada@example.org',
      postcode: 'HR8 1AA',
      needs: { largePrint: true, braille: false },
    });
    const id = created.body.id;
    expect((await agent.get(`/customers/${id}`)).body.name).toBe('Ada Lovelace');
    const updated = await agent.patch(`/customers/${id}`, { needs: { braille: true } });
    expect(updated.body.needs).toEqual({ largePrint: true, braille: true, textRelay: false });
    for (const q of ['lovelace', 'ADA@', '960555', 'HR8']) {
      const found = await agent.get(`/customers?q=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((c: { id: string }) => c.id),
        q,
      ).toContain(id);
    }
    const complaint = await agent.post('/complaints', phoneComplaint({ customer: { id } }));
    expect(complaint.status).toBe(201);
    const view = await agent.get(`/complaints/${complaint.body.reference}`);
    expect(view.body.customer.id).toBe(id);
    expect((await agent.get('/customers/nope')).status).toBe(404);
    expect((await agent.post('/complaints', phoneComplaint({ customer: { id: 'nope' } }))).body.field).toBe(
      'customer.id',
    );
  });

  it('lets only admins add and change staff', async () => {
    const body = {
      email: 'new@test.redress',
      name: 'New Agent',
      roles: ['agent'],
      password: 'correct horse battery',
    };
    expect((await t.as('agent').post('/users', body)).status).toBe(403);
    const added = await t.as('admin').post('/users', body);
    expect(added.status).toBe(201);
    expect((await t.as('admin').post('/users', body)).status).toBe(409);
    const changed = await t.as('admin').patch(`/users/${added.body.id}`, { roles: ['agent', 'reviewer'] });
    expect(changed.body.roles).toEqual(['agent', 'reviewer']);
  });

  it('signs in with a password, uses the session cookie, and signs out', async () => {
    await t.as('admin').post('/users', {
      email: 'sam@test.redress',
      name: 'Sam',
      roles: ['reviewer'],
      password: 'a long enough password',
    });
    const wrong = await t.as(null).post('/auth/login', { email: 'sam@test.redress', password: 'not it' });
    expect(wrong.status).toBe(401);
    const unknown = await t.as(null).post('/auth/login', { email: 'who@test.redress', password: 'not it' });
    expect(unknown.status).toBe(401);
    const login = await t
      .as(null)
      .post('/auth/login', { email: 'SAM@test.redress', password: 'a long enough password' });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/redress_session=[^;]+;.*HttpOnly/i);
    const session = cookie.split(';')[0] ?? '';
    const me = await t.as(null).raw('/auth/me', { headers: { cookie: session } });
    expect(me.body).toMatchObject({ email: 'sam@test.redress', roles: ['reviewer'] });
    const sam = me.body.id;
    const second = await t
      .as(null)
      .post('/auth/login', { email: 'sam@test.redress', password: 'a long enough password' });
    const secondSession = (second.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await t.as('admin').patch(`/users/${sam}`, { password: 'a brand new password' });
    expect((await t.as(null).raw('/auth/me', { headers: { cookie: secondSession } })).status).toBe(401);
    await t.as(null).raw('/auth/logout', { method: 'POST', headers: { cookie: session } });
    expect((await t.as(null).raw('/auth/me', { headers: { cookie: session } })).status).toBe(401);
  });

  it('refuses a revoked token', async () => {
    expect((await t.as('agent2').get('/auth/me')).status).toBe(200);
    expect(await revokeApiTokens(t.ctx, 'agent2@test.redress')).toBe(1);
    const refused = await t.as('agent2').get('/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
  });

  it('lists complaints with filters, text search and cursor pagination', async () => {
    const agent = t.as('agent');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.setNow(new Date(Date.UTC(2026, 10, 2, 11, i)));
      made.push(
        (
          await agent.post(
            '/complaints',
            phoneComplaint({ description: `Paging probe ${i}`, category: 'equipment' }),
          )
        ).body.reference,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { reference: string }[]; nextCursor: string | null } } = await agent.get(
        `/complaints?q=paging+probe&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.reference));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    const byCategory = await agent.get(
      '/complaints?category=equipment&stage=attempt-1&sort=reference&order=asc',
    );
    expect(byCategory.body.items.map((i: { reference: string }) => i.reference)).toEqual(made);
    expect((await agent.get('/complaints?owner=me&q=paging')).body.items).toHaveLength(5);
    expect((await agent.get('/complaints?owner=none&q=paging')).body.items).toHaveLength(0);
    expect((await agent.get('/complaints?cursor=garbage')).status).toBe(400);
    const percent = (
      await agent.post('/complaints', phoneComplaint({ description: 'Price rose 50% overnight' }))
    ).body.reference;
    const found = await agent.get(`/complaints?q=${encodeURIComponent('50%')}`);
    expect(found.body.items.map((i: { reference: string }) => i.reference)).toEqual([percent]);
  });

  it('publishes the Complaints Code without sign-in, as plain HTML', async () => {
    const res = await fetch(`${t.url}/complaints-procedure`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('Resolution Attempt 3');
    expect(page).toContain('Communications Ombudsman');
  });

  it('serves the OpenAPI document with every procedure command, and health checks', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the document is read as plain JSON
    const doc: any = await fetch(`${t.url}/api/v1/openapi.json`).then((r) => r.json());
    expect(doc.openapi).toBe('3.1.0');
    for (const command of [
      'not-practical',
      'record-review',
      'propose',
      'record-response',
      'complete-step',
      'record-follow-up',
      'escalate',
      'declare-deadlock',
      'record-referral',
      'record-ombudsman-outcome',
      'withdraw',
      'close',
      'assign',
      'log-contact',
      'add-note',
    ]) {
      expect(doc.paths[`/api/v1/complaints/{reference}/${command}`]?.post, command).toBeDefined();
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await fetch(`${t.url}/readyz`).then((r) => r.json())).toMatchObject({
      status: 'ok',
      database: harness.dialect,
    });
  });
});
