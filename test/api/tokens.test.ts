/**
 * Personal API tokens over HTTP: shown once, usable as a bearer, listed without secrets, revoked for good. The
 * way through is on the client typed from the OpenAPI document; refusals of what it cannot send on the plain one.
 */
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiPaths, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('API tokens', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('creates a token shown once, which works as a bearer until it is revoked', async () => {
    const agent = t.typed('agent');
    const created = await agent.POST('/api/v1/tokens', { body: { name: '  Billing integration ' } });
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('cache-control')).toBe('no-store');
    const token = created.data;
    if (!token) throw new Error(JSON.stringify(created.error));
    expect(token).toMatchObject({
      name: 'Billing integration',
      userId: t.users.agent.id,
      ownerName: 'Test agent',
      lastUsedAt: null,
    });
    expect(token.token).toMatch(/^rdr_[A-Za-z0-9_-]{40,}$/);
    expect(token.createdAt).toBe(t.now().toISOString());

    const holder = createClient<ApiPaths>({
      baseUrl: t.url,
      headers: { authorization: `Bearer ${token.token}` },
    });
    const me = await holder.GET('/api/v1/auth/me');
    expect(me.response.status).toBe(200);
    expect(me.data?.id).toBe(t.users.agent.id);

    const listed = await agent.GET('/api/v1/tokens');
    expect(listed.response.status).toBe(200);
    const mine = listed.data?.items.find((i) => i.id === token.id);
    // Using it is recorded, with the clock's time.
    expect(mine).toMatchObject({
      name: 'Billing integration',
      ownerEmail: 'agent@test.redress',
      lastUsedAt: t.now().toISOString(),
    });
    // Never the secret, nor its hash, after creation.
    expect(JSON.stringify(listed.data)).not.toContain(token.token);
    expect(Object.keys(mine ?? {}).sort()).toEqual(
      [
        'createdAt',
        'expiresAt',
        'id',
        'lastUsedAt',
        'name',
        'ownerEmail',
        'ownerName',
        'scope',
        'userId',
      ].sort(),
    );
    // Only the agent's own tokens.
    expect(listed.data?.items.every((i) => i.userId === t.users.agent.id)).toBe(true);

    const revoke = () => agent.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } });
    expect((await revoke()).response.status).toBe(204);
    const refused = await holder.GET('/api/v1/auth/me');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.code).toBe('unauthenticated');
    const after = await agent.GET('/api/v1/tokens');
    expect(after.data?.items.map((i) => i.id)).not.toContain(token.id);
    // Revoking again changes nothing.
    expect((await revoke()).response.status).toBe(204);
  });

  it('lets an admin list everyone’s tokens, one person’s, and revoke theirs, but not create one for them', async () => {
    const reviewerToken = await t.as('reviewer').post('/tokens', { name: 'Reporting' });
    expect(reviewerToken.status).toBe(201);

    const all = await t.as('admin').get('/tokens');
    expect(all.status).toBe(200);
    const owners = new Set(all.body.items.map((i: { userId: string }) => i.userId));
    expect(owners).toContain(t.users.reviewer.id);
    expect(owners).toContain(t.users.admin.id);

    // A token acts as its holder: one made for someone else would let the admin act as them.
    const tokensBefore = all.body.items.length;
    const forReviewer = await t
      .as('admin')
      .post('/tokens', { name: 'Impersonation', userId: t.users.reviewer.id });
    expect(forReviewer.status).toBe(400);
    expect(forReviewer.body.field).toBe('body.userId');
    expect(forReviewer.body.token).toBeUndefined();
    expect((await t.as('admin').get('/tokens')).body.items).toHaveLength(tokensBefore);
    // Even naming themselves: the field does not exist.
    const forSelf = await t.as('admin').post('/tokens', { name: 'Mine', userId: t.users.admin.id });
    expect(forSelf.status).toBe(400);
    expect(forSelf.body.field).toBe('body.userId');

    const reviewers = await t.as('admin').get(`/tokens?userId=${t.users.reviewer.id}`);
    expect(reviewers.body.items.map((i: { id: string }) => i.id)).toContain(reviewerToken.body.id);
    expect(reviewers.body.items.every((i: { userId: string }) => i.userId === t.users.reviewer.id)).toBe(
      true,
    );

    expect((await t.as(null).raw('/auth/me', bearer(reviewerToken.body.token))).status).toBe(200);
    const revoked = await t.as('admin').raw(`/tokens/${reviewerToken.body.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    expect((await t.as(null).raw('/auth/me', bearer(reviewerToken.body.token))).status).toBe(401);
  });

  it('keeps an agent away from other people’s tokens', async () => {
    const others = await t.as('reviewer').post('/tokens', { name: 'Reviewer script' });
    expect(others.status).toBe(201);

    const list = await t.as('agent').get(`/tokens?userId=${t.users.reviewer.id}`);
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('forbidden');
    const own = await t.as('agent').get('/tokens');
    expect(own.body.items.map((i: { id: string }) => i.id)).not.toContain(others.body.id);

    const revoke = await t.as('agent').raw(`/tokens/${others.body.id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(404);
    expect((await t.as(null).raw('/auth/me', bearer(others.body.token))).status).toBe(200);

    const create = await t.as('agent').post('/tokens', { name: 'Sneaky', userId: t.users.reviewer.id });
    expect(create.status).toBe(400);
    expect(create.body.field).toBe('body.userId');
  });

  it('refuses bad input with the field, and anyone not signed in', async () => {
    const blank = await t.as('agent').post('/tokens', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.field).toBe('body.name');
    const long = await t.as('agent').post('/tokens', { name: 'x'.repeat(101) });
    expect(long.body.field).toBe('body.name');
    const extra = await t.as('agent').post('/tokens', { name: 'ok', owner: 'someone else' });
    expect(extra.status).toBe(400);
    expect(extra.body.field).toBe('body.owner');
    expect((await t.as('agent').raw('/tokens/no-such-token', { method: 'DELETE' })).status).toBe(404);
    expect((await t.as(null).get('/tokens')).status).toBe(401);
    expect((await t.as(null).post('/tokens', { name: 'ok' })).status).toBe(401);
  });
});
