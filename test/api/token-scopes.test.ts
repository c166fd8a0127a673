/**
 * API tokens with an expiry and a scope: a read token only reads, a commands token issues only its commands
 * (and cannot mint itself a wider token), an expired token is 401 saying so, and admins see every token with
 * its scope, expiry and last use.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/create-api-token.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('API token scopes and expiry', (harness) => {
  let t: TestApi;
  let reference = '';
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
  });
  afterAll(() => t.close());

  const withToken = (token: string, method: string, path: string, body?: unknown) =>
    t.as(null).raw(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const contact = { channel: 'phone', direction: 'out', summary: 'Rang the customer back' };

  it('holds a read token to reading, and a commands token to reading and its commands', async () => {
    const read = await t.as('agent').post('/tokens', { name: 'Dashboard', scope: 'read' });
    expect(read.status).toBe(201);
    expect(read.body).toMatchObject({ scope: 'read', expiresAt: null });
    expect((await withToken(read.body.token, 'GET', `/complaints/${reference}`)).status).toBe(200);
    const refused = await withToken(read.body.token, 'POST', `/complaints/${reference}/log-contact`, contact);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('token-scope');
    expect(refused.body.detail).toContain('(read)');

    const logger = await t
      .as('agent')
      .post('/tokens', { name: 'Phone system', scope: 'commands:log-contact' });
    const token = logger.body.token;
    expect((await withToken(token, 'POST', `/complaints/${reference}/log-contact`, contact)).status).toBe(
      200,
    );
    expect((await withToken(token, 'GET', `/complaints/${reference}/audit`)).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', `/complaints/${reference}/add-note`, { text: 'not mine to add' }],
      ['POST', '/complaints', phoneComplaint()],
      ['POST', '/tokens', { name: 'A wider one' }],
      ['DELETE', `/tokens/${read.body.id}`, undefined],
    ] as const) {
      const res = await withToken(token, method, path, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'token-scope',
      });
    }
  });

  it('refuses a scope or an expiry it cannot honour, by field', async () => {
    const unknown = await t.as('agent').post('/tokens', { name: 'x', scope: 'commands:propose-resolution' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('scope');
    expect(unknown.body.detail).toContain('"propose-resolution"');
    const past = await t.as('agent').post('/tokens', { name: 'x', expiresAt: '2026-11-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.field).toBe('expiresAt');
    await expect(createApiToken(t.ctx, 'agent@test.redress', 'cli', { scope: 'write' })).rejects.toThrow(
      /scope must be full, read or commands:/,
    );
  });

  it('answers 401 to an expired token, and lets public endpoints ignore it', async () => {
    const created = await t
      .as('agent')
      .post('/tokens', { name: 'Until noon', expiresAt: '2026-11-02T12:00:00Z' });
    expect(created.body.expiresAt).toBe('2026-11-02T12:00:00.000Z');
    expect((await withToken(created.body.token, 'GET', '/complaints')).status).toBe(200);
    t.setNow('2026-11-02T12:00:00Z');
    const expired = await withToken(created.body.token, 'GET', '/complaints');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('expired at 2026-11-02T12:00:00.000Z');
    expect((await withToken(created.body.token, 'GET', '/procedure')).status).toBe(200);
  });

  it('shows admins every user’s tokens with scope, expiry and last use, and lets them revoke any', async () => {
    const listed = await t.as('admin').get('/tokens');
    const phone = listed.body.items.find((i: { name: string }) => i.name === 'Phone system');
    expect(phone).toMatchObject({
      ownerEmail: 'agent@test.redress',
      scope: 'commands:log-contact',
      expiresAt: null,
      lastUsedAt: '2026-11-02T10:00:00.000Z',
    });
    expect((await t.as('admin').raw(`/tokens/${phone.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.as('admin').get('/tokens');
    expect(gone.body.items.map((i: { id: string }) => i.id)).not.toContain(phone.id);
  });
});
