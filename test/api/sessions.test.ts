/**
 * Staff sessions: a fresh secret at every sign-in (the browser's old session ended), an idle and an absolute
 * timeout, last use recorded at most once a minute, the list of one's own sessions with "end this one" and
 * "sign out everywhere" (API tokens untouched), an admin's deactivation or password reset ending them, the
 * housekeeping pruning the ended ones, LOCAL_PASSWORDS=off refusing passwords — each audited, on the
 * person's own audit chain.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { keepHouse } from '../../src/app/keep-house.ts';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const PASSWORD = 'a long and unguessable staff passphrase';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describeEachDialect('staff sessions', (harness) => {
  let t: TestApi;
  let userId = '';
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-12-07T08:00:00Z' });
    const user = await addUser(t.ctx, {
      email: 'sol@test.redress',
      name: 'Sol Session',
      roles: ['agent'],
      password: PASSWORD,
      mustChangePassword: false,
    });
    userId = user.id;
  });
  afterAll(() => t.close());

  async function signIn(userAgent: string, oldCookie?: string): Promise<string> {
    const login = await t.as(null).raw('/auth/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': userAgent,
        ...(oldCookie ? { cookie: oldCookie } : {}),
      },
      body: JSON.stringify({ email: 'sol@test.redress', password: PASSWORD }),
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  const get = (cookie: string, path: string) => t.as(null).raw(path, { headers: { cookie } });
  const send = (cookie: string, method: string, path: string) =>
    t.as(null).raw(path, { method, headers: { cookie } });
  const auditOf = async (types: string[]) =>
    (
      await t.db.kysely
        .selectFrom('audit_events')
        .select(['type', 'actor', 'payload'])
        .where('type', 'in', types)
        .orderBy('seq')
        .execute()
    )
      .map((e) => ({ type: e.type, actor: e.actor, payload: JSON.parse(e.payload) }))
      .filter((e) => e.payload.userId === userId);
  const lastSeen = async (cookie: string) => {
    const sessions = (await get(cookie, '/auth/sessions')).body.items as {
      current: boolean;
      lastSeenAt: string;
    }[];
    return sessions.find((s) => s.current)?.lastSeenAt;
  };

  it('opens a new session at each sign-in, ends the browser’s old one, and lists them by device', async () => {
    t.setNow('2026-12-07T08:00:00Z');
    const laptop = await signIn(FIREFOX);
    const phone = await signIn(SAFARI);
    const again = await signIn(FIREFOX, laptop);
    expect(again).not.toBe(laptop);
    expect((await get(laptop, '/auth/me')).status).toBe(401);
    const listed = await get(again, '/auth/sessions');
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((s: { device: string; current: boolean; ip: string }) => [
        s.device,
        s.current,
        s.ip,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['Firefox on Windows', true, '127.0.0.1'],
        ['Safari on iOS', false, '127.0.0.1'],
      ]),
    );
    expect(listed.body.items).toHaveLength(2);
    const events = await auditOf(['session-started', 'session-ended']);
    expect(events.map((e) => [e.type, e.payload.reason ?? e.payload.method])).toEqual([
      ['session-started', 'password'],
      ['session-started', 'password'],
      ['session-ended', 'signed-in-again'],
      ['session-started', 'password'],
    ]);
    // Clean slate for the next cases.
    expect((await send(again, 'POST', '/auth/sign-out-everywhere')).status).toBe(200);
    expect((await get(phone, '/auth/me')).status).toBe(401);
  });

  it('ends a session after an hour unused and 12 hours after sign-in, recording use once a minute', async () => {
    t.setNow('2026-12-07T08:00:00Z');
    const cookie = await signIn(FIREFOX);
    t.setNow('2026-12-07T08:00:30Z');
    expect((await get(cookie, '/auth/me')).status).toBe(200);
    // Half a minute on: not recorded again (a read is not a write per request).
    expect(await lastSeen(cookie)).toBe('2026-12-07T08:00:00.000Z');
    t.setNow('2026-12-07T08:59:00Z');
    expect((await get(cookie, '/auth/me')).status).toBe(200);
    expect(await lastSeen(cookie)).toBe('2026-12-07T08:59:00.000Z');
    // Used every 50 minutes, it still ends 12 hours after sign-in.
    let at = Date.parse('2026-12-07T08:59:00Z');
    while (at + 50 * 60_000 < Date.parse('2026-12-07T20:00:00Z')) {
      at += 50 * 60_000;
      t.setNow(new Date(at));
      expect((await get(cookie, '/auth/me')).status).toBe(200);
    }
    t.setNow('2026-12-07T20:00:00Z');
    expect((await get(cookie, '/auth/me')).status).toBe(401);

    t.setNow('2026-12-08T08:00:00Z');
    const idle = await signIn(FIREFOX);
    t.setNow('2026-12-08T08:59:59Z');
    expect((await get(idle, '/auth/me')).status).toBe(200);
    t.setNow('2026-12-08T10:00:00Z');
    expect((await get(idle, '/auth/me')).status).toBe(401);
  });

  it('prunes ended sessions in the housekeeping, and keeps live ones', async () => {
    t.setNow('2026-12-09T08:00:00Z');
    const live = await signIn(FIREFOX);
    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', userId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBeGreaterThan(1);
    await keepHouse(t.ctx, { retentionDays: 30 });
    expect(await count()).toBe(1);
    expect((await get(live, '/auth/me')).status).toBe(200);
    expect((await send(live, 'POST', '/auth/logout')).status).toBe(204);
    expect(await count()).toBe(0);
  });

  it('ends one session of one’s own, not another person’s, and signs out everywhere but not the API tokens', async () => {
    t.setNow('2026-12-10T08:00:00Z');
    const laptop = await signIn(FIREFOX);
    const phone = await signIn(SAFARI);
    const phoneId = (await get(laptop, '/auth/sessions')).body.items.find(
      (s: { current: boolean }) => !s.current,
    ).id;
    // Another member of staff cannot end it, nor learn that it exists.
    const other = await t.as('agent').raw(`/auth/sessions/${phoneId}`, { method: 'DELETE' });
    expect(other.status).toBe(404);
    expect((await send(laptop, 'DELETE', `/auth/sessions/${phoneId}`)).status).toBe(204);
    expect((await get(phone, '/auth/me')).status).toBe(401);
    expect((await send(laptop, 'DELETE', `/auth/sessions/${phoneId}`)).status).toBe(404);

    const token = await t.as(null).raw('/tokens', {
      method: 'POST',
      headers: { cookie: laptop, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'script' }),
    });
    expect(token.status).toBe(201);
    await signIn(SAFARI);
    const everywhere = await send(laptop, 'POST', '/auth/sign-out-everywhere');
    expect(everywhere.body).toEqual({ ended: 2 });
    expect(everywhere.headers.get('set-cookie')).toContain('redress_session=;');
    expect((await get(laptop, '/auth/me')).status).toBe(401);
    const byToken = await t
      .as(null)
      .raw('/auth/me', { headers: { authorization: `Bearer ${token.body.token}` } });
    expect(byToken.status).toBe(200);
    const events = await auditOf(['session-ended', 'sessions-ended']);
    expect(events.slice(-2).map((e) => [e.type, e.payload.reason, e.payload.sessions?.length])).toEqual([
      ['session-ended', 'ended-by-owner', undefined],
      ['sessions-ended', 'signed-out-everywhere', 2],
    ]);
  });

  it('ends every session of someone an admin deactivates or gives a new password, audited', async () => {
    t.setNow('2026-12-11T08:00:00Z');
    const first = await signIn(FIREFOX);
    const reset = await t
      .as('admin')
      .patch(`/users/${userId}`, { password: 'an admin-chosen one-time phrase' });
    expect(reset.status).toBe(200);
    expect((await get(first, '/auth/me')).status).toBe(401);
    // The admin's one-time password is changed back so that the next sign-in works as before.
    const once = await t.as(null).raw('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sol@test.redress', password: 'an admin-chosen one-time phrase' }),
    });
    const cookie = (once.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const changed = await t.as(null).raw('/auth/password', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'an admin-chosen one-time phrase', newPassword: PASSWORD }),
    });
    expect(changed.status).toBe(200);
    expect((await get(cookie, '/auth/me')).status).toBe(200);
    const off = await t.as('admin').patch(`/users/${userId}`, { active: false });
    expect(off.status).toBe(200);
    expect((await get(cookie, '/auth/me')).status).toBe(401);
    const events = await auditOf(['user-updated']);
    expect(
      events.map((e) => [e.actor, e.payload.passwordReset, e.payload.active, e.payload.sessionsEnded.length]),
    ).toEqual([
      [t.users.admin.id, true, undefined, 1],
      [t.users.admin.id, false, false, 1],
    ]);
    await t.as('admin').patch(`/users/${userId}`, { active: true });
  });

  it('audits each person’s sign-ins and sign-outs on their own chain, and the trail verifies', async () => {
    t.setNow('2026-12-12T08:00:00Z');
    const other = await addUser(t.ctx, {
      email: 'sam@test.redress',
      name: 'Sam Second',
      roles: ['agent'],
      password: PASSWORD,
      mustChangePassword: false,
    });
    const sol = await signIn(FIREFOX);
    const sam = await t.as(null).post('/auth/login', { email: 'sam@test.redress', password: PASSWORD });
    expect(sam.status).toBe(200);
    expect((await send(sol, 'POST', '/auth/logout')).status).toBe(204);
    const rows = await t.db.kysely
      .selectFrom('audit_events')
      .select(['type', 'actor', 'complaint_id', 'chain_id', 'chain_seq'])
      .where('at', '>=', '2026-12-12T08:00:00.000Z')
      .where('type', 'in', ['session-started', 'session-ended'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.type, r.actor, r.complaint_id, r.chain_id])).toEqual([
      ['session-started', userId, null, `user:${userId}`],
      ['session-started', other.id, null, `user:${other.id}`],
      ['session-ended', userId, null, `user:${userId}`],
    ]);
    // Sam's first event starts Sam's chain; Sol's go on after Sol's earlier ones.
    expect(Number(rows[1]?.chain_seq)).toBe(1);
    expect(Number(rows[2]?.chain_seq)).toBe(Number(rows[0]?.chain_seq) + 1);
    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses passwords with a clear problem when they are turned off', async () => {
    const before = t.ctx.staffSignIn;
    t.ctx.staffSignIn = { localPasswords: false, oidc: undefined };
    try {
      const login = await t.as(null).post('/auth/login', { email: 'sol@test.redress', password: PASSWORD });
      expect(login.status).toBe(403);
      expect(login.body.code).toBe('password-sign-in-off');
      expect(login.headers.get('set-cookie')).toBeNull();
      const options = await t.as(null).get('/auth/options');
      expect(options.body).toEqual({ passwords: false, sso: null });
      const change = await t
        .as('agent')
        .post('/auth/password', { currentPassword: 'whatever it was', newPassword: 'a new long passphrase' });
      expect(change.body.code).toBe('password-sign-in-off');
    } finally {
      t.ctx.staffSignIn = before;
    }
  });
});
