/**
 * 2-step verification for password sign-ins (TOTP): set up with a QR code and confirmed with a code, the
 * secret sealed in the database; sign-in in two steps with a one-use ticket; a code never accepted twice;
 * wrong codes counting towards the lockout; recovery codes working once; a role that requires it held to
 * setting it up first; an admin's reset ending the sessions — each audited.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { resetSecondFactorOf } from '../../src/app/reset-second-factor.ts';
import { auditKeyring } from '../../src/db/audit-keys.ts';
import { confirmSecondFactor, spendSecondFactorStep } from '../../src/db/second-factors.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const PASSWORD = 'a quiet harbour at low tide';
/** The key test/support/api.ts seals with. */
const TEST_SEALING_KEY = 'test sealing key, only ever used by test harnesses';

describeEachDialect('2-step verification', (harness) => {
  let t: TestApi;
  let tess: { id: string };
  let dora: { id: string };
  let ada: { id: string };
  let secret = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-12-07T09:00:00Z' });
    for (const [email, name, role] of [
      ['tess@test.redress', 'Tess Totp', 'agent'],
      ['dora@test.redress', 'Dora Director', 'director'],
      ['ada@test.redress', 'Ada Admin', 'admin'],
    ] as const) {
      const user = await addUser(t.ctx, {
        email,
        name,
        roles: [role],
        password: PASSWORD,
        mustChangePassword: false,
      });
      if (role === 'agent') tess = user;
      else if (role === 'director') dora = user;
      else ada = user;
    }
  });
  afterAll(() => t.close());

  const later = (seconds: number) => t.setNow(new Date(t.now().getTime() + seconds * 1000));
  const codeFor = (base32: string, offsetSeconds = 0) =>
    new TOTP({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
      timestamp: t.now().getTime() + offsetSeconds * 1000,
    });
  const login = (email: string) => t.as(null).post('/auth/login', { email, password: PASSWORD });
  const cookieOf = (reply: { headers: Headers }) =>
    (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const withCookie = (cookie: string, method: string, path: string, body?: unknown) =>
    t.as(null).raw(path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const secondStep = (ticket: string, code: string) =>
    t.as(null).post('/auth/login/second-step', { ticket, code });
  const auditOf = async (type: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_events')
        .select(['actor', 'payload'])
        .where('type', '=', type)
        .orderBy('seq')
        .execute()
    ).map((e) => ({ actor: e.actor, payload: JSON.parse(e.payload) }));

  /** Signs in with a password and, if asked, a code; returns the session cookie. */
  async function signInFully(email: string, base32: string): Promise<string> {
    later(30);
    const first = await login(email);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await secondStep(first.body.secondStep.ticket, codeFor(base32));
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    return cookieOf(second);
  }

  /** Sets up and confirms an authenticator on the session's account; returns its secret and recovery codes. */
  async function setUp(cookie: string) {
    const setup = await withCookie(cookie, 'POST', '/auth/second-factor/setup');
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const confirmed = await withCookie(cookie, 'POST', '/auth/second-factor/confirm', {
      code: codeFor(setup.body.secret),
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    return { secret: setup.body.secret as string, codes: confirmed.body.recoveryCodes as string[] };
  }

  it('sets up an authenticator from a QR code, confirmed with a code; the secret is sealed in the database', async () => {
    const cookie = cookieOf(await login('tess@test.redress'));
    expect((await withCookie(cookie, 'GET', '/auth/second-factor')).body).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const setup = await withCookie(cookie, 'POST', '/auth/second-factor/setup');
    expect(setup.status).toBe(200);
    secret = setup.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.uri).toContain(`secret=${secret}`);
    expect(setup.body.uri).toContain('tess%40test.redress');
    expect(
      Buffer.from(setup.body.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString(),
    ).toMatch(/^<svg /);
    // Not on until confirmed: sign-in still opens a session at once.
    const elsewhere = await login('tess@test.redress');
    expect(elsewhere.body.user.id).toBe(tess.id);

    const stored = await t.db.kysely.selectFrom('staff_second_factors').selectAll().executeTakeFirstOrThrow();
    expect(stored.sealed_secret).not.toContain(secret);
    expect(stored.key_id).toBe(auditKeyring([Buffer.from(TEST_SEALING_KEY)]).current.id);
    expect(stored.confirmed_at).toBeNull();

    const wrong = await withCookie(cookie, 'POST', '/auth/second-factor/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('body.code');
    const confirmed = await withCookie(cookie, 'POST', '/auth/second-factor/confirm', {
      code: codeFor(secret),
    });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    // The session opened with the password alone ends; the one that confirmed stays.
    expect((await withCookie(cookieOf(elsewhere), 'GET', '/auth/me')).status).toBe(401);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await withCookie(cookie, 'GET', '/auth/second-factor')).body).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    const hashes = await t.db.kysely.selectFrom('staff_recovery_codes').select('code_hash').execute();
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]?.slice(0, 5));
    // A second setup while on is refused.
    expect((await withCookie(cookie, 'POST', '/auth/second-factor/setup')).status).toBe(409);
    expect((await auditOf('second-factor-enrolled')).map((e) => e.payload.userId)).toEqual([tess.id]);
    expect(
      (await auditOf('second-factor-confirmed')).map((e) => [e.actor, e.payload.otherSessionsEnded]),
    ).toEqual([[tess.id, [expect.any(String)]]]);
    expect((await auditOf('second-factor-failed')).map((e) => e.payload)).toEqual([
      { userId: tess.id, use: 'set-up', ip: '127.0.0.1' },
    ]);
    // On her own chain, beside her sign-ins.
    const chains = await t.db.kysely
      .selectFrom('audit_events')
      .select('chain_id')
      .where('type', 'like', 'second-factor-%')
      .distinct()
      .execute();
    expect(chains.map((c) => c.chain_id)).toEqual([`user:${tess.id}`]);
  });

  it('signs in in two steps with a one-use ticket, and never accepts a code twice', async () => {
    later(30);
    const first = await login('tess@test.redress');
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(first.body).toEqual({
      secondStep: { ticket: expect.any(String), expiresAt: '2026-12-07T09:05:30.000Z' },
    });
    const code = codeFor(secret);
    const second = await secondStep(first.body.secondStep.ticket, code);
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(tess.id);
    const cookie = cookieOf(second);
    expect((await withCookie(cookie, 'GET', '/auth/me')).status).toBe(200);
    // The ticket was used up.
    expect((await secondStep(first.body.secondStep.ticket, codeFor(secret, 30))).status).toBe(401);

    const again = await login('tess@test.redress');
    const replay = await secondStep(again.body.secondStep.ticket, code);
    expect(replay.status).toBe(400);
    expect(replay.body.field).toBe('body.code');
    later(30);
    // Typed with a dash, as some apps show it.
    const dashed = codeFor(secret).replace(/^(\d{3})/, '$1-');
    expect((await secondStep(again.body.secondStep.ticket, dashed)).status).toBe(200);

    // A ticket lasts five minutes.
    const slow = await login('tess@test.redress');
    later(301);
    expect((await secondStep(slow.body.secondStep.ticket, codeFor(secret))).status).toBe(401);
    // A second step must come from Redress's own page, like the sign-in.
    const crossSite = await t.as(null).raw('/auth/login/second-step', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ ticket: slow.body.secondStep.ticket, code: codeFor(secret) }),
    });
    expect(crossSite.status).toBe(403);
  });

  it('checks at most three codes per ticket and no more than the lockout allows, even sent at once', async () => {
    later(60);
    const checked = async () =>
      (await auditOf('second-factor-failed')).filter((e) => e.payload.use === 'sign-in').length;
    const before = await checked();
    const wrong = (i: number) => String((Number(codeFor(secret)) + 1 + i) % 1_000_000).padStart(6, '0');
    const { ticket } = (await login('tess@test.redress')).body.secondStep;
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => secondStep(ticket, wrong(i))));
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(3).fill(400), ...Array(9).fill(401)]);
    expect((await checked()) - before).toBe(3);
    // The ticket ended with its third code: the right one comes too late.
    expect((await secondStep(ticket, codeFor(secret))).status).toBe(401);

    // Three failures in a row so far: of twelve codes at once on two new tickets, only one more is checked
    // before the fifth failure locks the account out.
    const tickets = [await login('tess@test.redress'), await login('tess@test.redress')].map(
      (r) => r.body.secondStep.ticket as string,
    );
    const locking = await Promise.all(
      Array.from({ length: 12 }, (_, i) => secondStep(tickets[i % 2] ?? '', wrong(i))),
    );
    expect((await checked()) - before).toBe(4);
    expect(locking.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // Locked: not even the password is checked.
    expect((await login('tess@test.redress')).status).toBe(429);
    expect((await auditOf('sign-in-locked-out')).at(-1)?.payload.userId).toBe(tess.id);
    expect((await t.as('admin').post(`/users/${tess.id}/unlock`)).status).toBe(204);
  });

  it('signs in with a recovery code once, typed in any case and spacing', async () => {
    later(30);
    const code = recoveryCodes[0] ?? '';
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const first = await login('tess@test.redress');
    expect((await secondStep(first.body.secondStep.ticket, typed)).status).toBe(200);
    const again = await login('tess@test.redress');
    const reused = await secondStep(again.body.secondStep.ticket, code);
    expect(reused.status).toBe(400);
    const methods = (await auditOf('session-started')).slice(-2).map((e) => e.payload.method);
    expect(methods).toEqual(['password+totp', 'password+recovery-code']);
    const used = await auditOf('second-factor-recovery-code-used');
    expect(used.map((e) => e.payload)).toEqual([{ userId: tess.id, use: 'sign-in', left: 9 }]);
  });

  it('spends only the winning code when a recovery code and an authenticator code come at once on one ticket', async () => {
    later(30);
    const lastStep = async () =>
      (
        await t.db.kysely
          .selectFrom('staff_second_factors')
          .select('last_step')
          .where('user_id', '=', tess.id)
          .executeTakeFirstOrThrow()
      ).last_step;
    const stepBefore = await lastStep();
    const recoveryUsed = async () => (await auditOf('second-factor-recovery-code-used')).length;
    const usedBefore = await recoveryUsed();
    const { ticket } = (await login('tess@test.redress')).body.secondStep;
    const recovery = recoveryCodes[2] ?? '';
    const [byApp, byRecovery] = await Promise.all([
      secondStep(ticket, codeFor(secret)),
      secondStep(ticket, recovery),
    ]);
    expect([byApp.status, byRecovery.status].sort()).toEqual([200, 401]);
    if (byApp.status === 200) {
      expect(await recoveryUsed()).toBe(usedBefore);
      // Still good: it was never spent.
      const again = await login('tess@test.redress');
      expect((await secondStep(again.body.secondStep.ticket, recovery)).status).toBe(200);
    } else {
      expect(await lastStep()).toEqual(stepBefore);
      expect(await recoveryUsed()).toBe(usedBefore + 1);
    }
  });

  it('replaces the recovery codes given a current code, and turns off only with the password and a code', async () => {
    // The audit key is rotated: the secret sealed with the old key still opens, and is resealed with the new.
    const rotated = auditKeyring([
      Buffer.from(TEST_SEALING_KEY),
      Buffer.from('a newer key, after redress audit rotate-key'),
    ]);
    t.ctx.sealingKeys = rotated;
    const cookie = await signInFully('tess@test.redress', secret);
    const resealed = await t.db.kysely
      .selectFrom('staff_second_factors')
      .select('key_id')
      .where('user_id', '=', tess.id)
      .executeTakeFirstOrThrow();
    expect(resealed.key_id).toBe(rotated.current.id);
    expect((await withCookie(cookie, 'GET', '/auth/second-factor')).body.recoveryCodesLeft).toBe(8);
    expect(
      (await withCookie(cookie, 'POST', '/auth/second-factor/recovery-codes', { code: '111111' })).status,
    ).toBe(400);
    later(30);
    const fresh = await withCookie(cookie, 'POST', '/auth/second-factor/recovery-codes', {
      code: codeFor(secret),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect((await withCookie(cookie, 'GET', '/auth/second-factor')).body.recoveryCodesLeft).toBe(10);

    const noPassword = await withCookie(cookie, 'POST', '/auth/second-factor/turn-off', {
      password: 'not my password',
      code: fresh.body.recoveryCodes[0],
    });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.field).toBe('body.password');
    // An old recovery code stopped working when the new ones came.
    const oldCode = await withCookie(cookie, 'POST', '/auth/second-factor/turn-off', {
      password: PASSWORD,
      code: recoveryCodes[1],
    });
    expect(oldCode.status).toBe(400);
    expect(oldCode.body.field).toBe('body.code');
    const off = await withCookie(cookie, 'POST', '/auth/second-factor/turn-off', {
      password: PASSWORD,
      code: fresh.body.recoveryCodes[0],
    });
    expect(off.status).toBe(204);
    expect((await login('tess@test.redress')).body.user.id).toBe(tess.id);
    expect(await t.db.kysely.selectFrom('staff_recovery_codes').selectAll().execute()).toEqual([]);
    expect((await auditOf('second-factor-turned-off')).map((e) => e.actor)).toEqual([tess.id]);
  });

  it('holds a role that requires it to setting it up before anything else, and forbids turning it off', async () => {
    t.ctx.staffSignIn = { localPasswords: true, oidc: undefined, mfaRequiredRoles: ['director', 'admin'] };
    try {
      // Ada, an admin, holds a role that requires it too: she sets hers up to act.
      const adaCookie = cookieOf(await login('ada@test.redress'));
      later(30);
      await setUp(adaCookie);
      const login1 = await login('dora@test.redress');
      expect(login1.status).toBe(200);
      const cookie = cookieOf(login1);
      expect((await withCookie(cookie, 'GET', '/auth/me')).body.secondFactorSetUpRequired).toBe(true);
      const held = await withCookie(cookie, 'GET', '/complaints');
      expect(held.status).toBe(403);
      expect(held.body.code).toBe('second-factor-required');
      // Its own sessions it may see and end: that is part of securing the account.
      const mine = await withCookie(cookie, 'GET', '/auth/sessions');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((s: { current: boolean }) => s.current)).toEqual([true]);
      expect((await withCookie(cookie, 'GET', '/auth/second-factor')).body.required).toBe(true);
      // Tokens are not held back (an operator made them), nor is an agent.
      expect((await t.as('director').get('/complaints')).status).toBe(200);

      later(30);
      const dorasFactor = await setUp(cookie);
      expect((await withCookie(cookie, 'GET', '/complaints')).status).toBe(200);
      expect((await withCookie(cookie, 'GET', '/auth/me')).body.secondFactorSetUpRequired).toBe(false);
      later(30);
      const refused = await withCookie(cookie, 'POST', '/auth/second-factor/turn-off', {
        password: PASSWORD,
        code: codeFor(dorasFactor.secret),
      });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('your role requires 2-step verification');

      // An admin sees who has it on, and resets Dora's: her sessions end, and she must set it up again.
      const users = (await t.as('admin').get('/users')).body.items as {
        id: string;
        twoStep: boolean | null;
      }[];
      expect(users.find((u) => u.id === dora.id)?.twoStep).toBe(true);
      expect(users.find((u) => u.id === tess.id)?.twoStep).toBe(false);
      const asAgent = (await t.as('agent').get('/users')).body.items as { twoStep: boolean | null }[];
      expect(asAgent.every((u) => u.twoStep === null)).toBe(true);
      expect((await t.as('director').post(`/users/${dora.id}/second-factor/reset`)).status).toBe(403);
      // Not her own: that is turned off with her password and a code.
      const own = await withCookie(adaCookie, 'POST', `/users/${ada.id}/second-factor/reset`);
      expect(own.status).toBe(403);
      expect(own.body.detail).toContain('turn it off on your account page');
      const byToken = await t.as('admin').post(`/users/${dora.id}/second-factor/reset`);
      expect(byToken.status).toBe(403);
      expect(byToken.body.detail).toContain('an API token cannot do it');
      expect((await withCookie(adaCookie, 'POST', `/users/${dora.id}/second-factor/reset`)).status).toBe(204);
      expect((await withCookie(cookie, 'GET', '/auth/me')).status).toBe(401);
      const reset = await auditOf('second-factor-reset');
      expect(reset).toEqual([
        {
          actor: ada.id,
          payload: { userId: dora.id, hadSecondFactor: true, sessionsEnded: [expect.any(String)] },
        },
      ]);
      const afterReset = await login('dora@test.redress');
      expect(afterReset.body.user.id).toBe(dora.id);
      expect((await withCookie(cookieOf(afterReset), 'GET', '/auth/me')).body.secondFactorSetUpRequired).toBe(
        true,
      );
      // An operator's reset (redress user reset-2-step), for when no other admin can: audited with no actor.
      expect(await resetSecondFactorOf(t.ctx, 'DORA@test.redress')).toEqual({ hadSecondFactor: false });
      expect((await auditOf('second-factor-reset')).at(-1)?.actor).toBeNull();
      expect((await withCookie(cookieOf(afterReset), 'GET', '/auth/me')).status).toBe(401);
    } finally {
      t.ctx.staffSignIn = undefined;
    }
  });

  it('refuses an API token the 2-step routes: a leaked token cannot enrol another authenticator', async () => {
    for (const [method, path] of [
      ['get', '/auth/second-factor'],
      ['post', '/auth/second-factor/setup'],
    ] as const) {
      const refused = await t.as('agent')[method](path);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('an API token cannot do it');
    }
    expect(
      await t.db.kysely.selectFrom('staff_second_factors').select('user_id').execute(),
    ).not.toContainEqual({ user_id: t.users.agent.id });
  });
  it('confirms only the authenticator whose code it checked, even with a new setup racing it', async () => {
    const cara = await addUser(t.ctx, {
      email: 'cara@test.redress',
      name: 'Cara Confirm',
      roles: ['agent'],
      password: PASSWORD,
      mustChangePassword: false,
    });
    const cookie = cookieOf(await login('cara@test.redress'));
    const first = (await withCookie(cookie, 'POST', '/auth/second-factor/setup')).body.secret as string;
    later(30);
    const [confirmed, again] = await Promise.all([
      withCookie(cookie, 'POST', '/auth/second-factor/confirm', { code: codeFor(first) }),
      withCookie(cookie, 'POST', '/auth/second-factor/setup'),
    ]);
    const stored = await t.db.kysely
      .selectFrom('staff_second_factors')
      .select(['confirmed_at', 'enrolled_at'])
      .where('user_id', '=', cara.id)
      .executeTakeFirstOrThrow();
    if (confirmed.status === 200) {
      // The new setup came second and was refused: what is on is the secret the code came from.
      expect(again.status).toBe(409);
      expect(stored.confirmed_at).not.toBeNull();
    } else {
      // The new secret replaced the first before it was confirmed: nothing is on.
      expect([400, 409]).toContain(confirmed.status);
      expect(again.status).toBe(200);
      expect(stored.confirmed_at).toBeNull();
    }
    // Asked directly: the authenticator set up before is neither confirmed nor spent once replaced.
    const at = t.now().toISOString();
    const old = { userId: cara.id, enrolledAt: '2026-01-01T00:00:00.000Z' };
    await t.db.kysely.transaction().execute(async (trx) => {
      expect(await confirmSecondFactor(trx, old, at)).toBe(false);
      expect(await spendSecondFactorStep(trx, old, 99_999_999)).toBe(false);
    });
  });

  it('ends a sign-in waiting for its code when the password changes, or passwords are turned off', async () => {
    const pia = await addUser(t.ctx, {
      email: 'pia@test.redress',
      name: 'Pia Pending',
      roles: ['agent'],
      password: PASSWORD,
      mustChangePassword: false,
    });
    later(30);
    const { secret: piasSecret } = await setUp(cookieOf(await login('pia@test.redress')));
    const before = (await login('pia@test.redress')).body.secondStep.ticket;
    t.ctx.staffSignIn = { localPasswords: false, oidc: undefined, mfaRequiredRoles: [] };
    try {
      const off = await secondStep(before, codeFor(piasSecret, 30));
      expect(off.status).toBe(403);
      expect(off.body.code).toBe('password-sign-in-off');
    } finally {
      t.ctx.staffSignIn = undefined;
    }
    const reset = await t.as('admin').patch(`/users/${pia.id}`, {
      password: 'marmalade skylines over the old quarry',
    });
    expect(reset.status).toBe(200);
    later(30);
    expect((await secondStep(before, codeFor(piasSecret))).status).toBe(401);
  });
});
