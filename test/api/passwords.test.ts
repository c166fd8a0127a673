/** One-time passwords (the first admin's, any an admin sets) must be changed before anything else. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/create-api-token.ts';
import { ensureFirstAdmin } from '../../src/app/ensure-first-admin.ts';
import { findUserByEmail } from '../../src/db/users.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('changing passwords', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  async function signIn(email: string, password: string): Promise<string> {
    const login = await t.as(null).post('/auth/login', { email, password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  const as = (cookie: string, path: string, body?: unknown) =>
    t.as(null).raw(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('gives the first admin a password that must be changed', async () => {
    const empty = await harness.freshDb();
    const admin = await ensureFirstAdmin({ ...t.ctx, db: empty });
    expect(admin?.email).toBe('admin@localhost');
    const stored = await findUserByEmail(empty.kysely, 'admin@localhost');
    expect(stored?.user.mustChangePassword).toBe(true);
  });

  it('lets a one-time password do nothing but choose a new one, then lets the user in', async () => {
    const added = await t.as('admin').post('/users', {
      email: 'una@test.redress',
      name: 'Una Once',
      roles: ['agent'],
      password: 'set by the admin',
    });
    expect(added.body.mustChangePassword).toBe(true);
    const cookie = await signIn('una@test.redress', 'set by the admin');
    const blocked = await as(cookie, '/complaints');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password-change-required');
    expect((await as(cookie, '/tokens', { name: 'sneaky' })).body.code).toBe('password-change-required');
    const me = await as(cookie, '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);

    const changed = await as(cookie, '/auth/password', {
      currentPassword: 'set by the admin',
      newPassword: 'my very own secret',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await as(cookie, '/complaints')).status).toBe(200);
    expect(
      (await t.as(null).post('/auth/login', { email: 'una@test.redress', password: 'set by the admin' }))
        .status,
    ).toBe(401);
    await signIn('una@test.redress', 'my very own secret');

    // An admin's reset is one-time again.
    await t.as('admin').patch(`/users/${added.body.id}`, { password: 'reset by the admin' });
    const again = await signIn('una@test.redress', 'reset by the admin');
    expect((await as(again, '/complaints')).body.code).toBe('password-change-required');
  });

  it('changes one’s own password, ends every other session, and audits it without the password', async () => {
    await t.as('admin').post('/users', {
      email: 'cal@test.redress',
      name: 'Cal Change',
      roles: ['reviewer'],
      password: 'temporary password',
    });
    const first = await signIn('cal@test.redress', 'temporary password');
    await as(first, '/auth/password', {
      currentPassword: 'temporary password',
      newPassword: 'first own password',
    });
    const here = await signIn('cal@test.redress', 'first own password');
    const elsewhere = await signIn('cal@test.redress', 'first own password');
    const before = await t.db.kysely.selectFrom('audit_events').select('seq').execute();

    const refusals: [unknown, number, string][] = [
      [{ currentPassword: 'wrong', newPassword: 'a fine new password' }, 400, 'currentPassword'],
      [{ currentPassword: 'first own password', newPassword: 'short' }, 400, 'body.newPassword'],
      [{ currentPassword: 'first own password', newPassword: 'CAL@test.redress' }, 400, 'newPassword'],
      [{ currentPassword: 'first own password' }, 400, 'body.newPassword'],
    ];
    for (const [body, status, field] of refusals) {
      const refused = await as(here, '/auth/password', body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(refused.body.field).toBe(field);
    }
    expect(await t.db.kysely.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);

    const changed = await as(here, '/auth/password', {
      currentPassword: 'first own password',
      newPassword: 'second own password',
    });
    expect(changed.status).toBe(200);
    expect((await as(here, '/auth/me')).status).toBe(200);
    expect((await as(elsewhere, '/auth/me')).status).toBe(401);
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'password-changed')
      .where('actor', '=', changed.body.id)
      .execute();
    expect(audit).toHaveLength(2);
    const text = JSON.stringify(audit);
    for (const secret of ['temporary password', 'first own password', 'second own password']) {
      expect(text).not.toContain(secret);
    }
    expect(
      (await t.as(null).post('/auth/password', { currentPassword: 'x', newPassword: 'y'.repeat(12) })).status,
    ).toBe(401);
  });

  it('refuses a common or guessable password, or one with the user’s own name or email in it, saying why', async () => {
    const add = (password: string) =>
      t.as('admin').post('/users', {
        email: 'pat.weak@test.redress',
        name: 'Patricia Weakling',
        roles: ['agent'],
        password,
      });
    for (const [password, why] of [
      ['password1234', /too easy to guess\. This is similar to a commonly used password\./],
      ['qwertyuiop12', /too easy to guess\. \w/],
      ['aaaaaaaaaaaaaaaa', /too easy to guess\. \w/],
      ['patricia-rules-ok', /must not contain the name or email address/],
      ['my weakling days are over', /must not contain the name or email address/],
      ['pat.weak.for.ever.and.ever', /must not contain the name or email address/],
    ] as const) {
      const refused = await add(password);
      expect(refused.status, password).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation', field: 'password' });
      expect(refused.body.detail, password).toMatch(why);
    }
    expect(await findUserByEmail(t.db.kysely, 'pat.weak@test.redress')).toBeUndefined();

    const added = await add('a sturdy lighthouse keeper');
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const reset = await t.as('admin').patch(`/users/${added.body.id}`, { password: 'letmein12345' });
    expect(reset.body).toMatchObject({ code: 'validation', field: 'password' });
    const cookie = await signIn('pat.weak@test.redress', 'a sturdy lighthouse keeper');
    const own = await as(cookie, '/auth/password', {
      currentPassword: 'a sturdy lighthouse keeper',
      newPassword: 'Weakling2026!',
    });
    expect(own.body).toMatchObject({ status: 400, field: 'newPassword' });
    expect(own.body.errors).toEqual([
      {
        field: 'newPassword',
        message: 'must not contain the name or email address of the person it belongs to',
      },
    ]);
  });

  it('does not hold back personal API tokens, which never came from the password', async () => {
    // The test's staff have tokens and no password; a token of a user with a one-time password still works.
    const added = await t.as('admin').post('/users', {
      email: 'tok@test.redress',
      name: 'Tok',
      roles: ['agent'],
      password: 'one time password',
    });
    const token = (await createApiToken(t.ctx, 'tok@test.redress')).token;
    const res = await t.as(null).raw('/complaints', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(added.body.mustChangePassword).toBe(true);
  });
});
