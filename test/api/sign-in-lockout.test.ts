/**
 * Failed password sign-ins lock the email address out with back-off: 429 `sign-in-locked` with Retry-After,
 * the same for an address nobody has; audited; an admin sees the lockout on the user and can lift it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const PASSWORD = 'a sturdy lighthouse keeper';

describeEachDialect('sign-in lockout', (harness) => {
  let t: TestApi;
  let una: { id: string };
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    una = await addUser(t.ctx, {
      email: 'una@test.redress',
      name: 'Una Locke',
      roles: ['agent'],
      password: PASSWORD,
      mustChangePassword: false,
    });
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) => t.as(null).post('/auth/login', { email, password });
  const auditOf = (type: string) =>
    t.db.kysely.selectFrom('audit_events').selectAll().where('type', '=', type).orderBy('seq').execute();

  it('locks a known and an unknown address out alike after five failures, doubling the wait', async () => {
    for (const email of ['Una@test.redress', 'nobody@test.redress']) {
      for (let i = 1; i <= 4; i++) {
        const failed = await signIn(email, 'wrong guess');
        expect(failed.status).toBe(401);
        expect(failed.body.code).toBe('unauthenticated');
      }
      const fifth = await signIn(email, 'wrong guess');
      expect(fifth.status).toBe(429);
      expect(fifth.body.code).toBe('sign-in-locked');
      expect(fifth.headers.get('retry-after')).toBe('60');
      expect(fifth.body.detail).toContain('try again in 1 minute');
    }
    // While locked, even the right password is refused, and the wait counts down.
    t.setNow('2026-11-02T10:00:30Z');
    const locked = await signIn('una@test.redress', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    // After the minute one more failure locks for two minutes.
    t.setNow('2026-11-02T10:01:00Z');
    const sixth = await signIn('una@test.redress', 'wrong again');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('120');
    const unknownSixth = await signIn('nobody@test.redress', 'wrong again');
    expect(unknownSixth.body).toEqual({ ...sixth.body });

    const failures = await auditOf('sign-in-failed');
    const lockouts = await auditOf('sign-in-locked-out');
    expect(failures.map((e) => (e.payload as string).includes(una.id))).toEqual([true, false, true, false]);
    expect(lockouts).toHaveLength(4);
    // The address typed is never in the audit trail, only its hash.
    expect(JSON.stringify([...failures, ...lockouts])).not.toContain('nobody@');
  });

  it('shows admins until when a user is locked out, and lets them lift it', async () => {
    const asAdmin = await t.as('admin').get('/users');
    expect(asAdmin.body.items.find((u: { id: string }) => u.id === una.id).lockedUntil).toBe(
      '2026-11-02T10:03:00.000Z',
    );
    const asAgent = await t.as('agent').get('/users');
    expect(asAgent.body.items.find((u: { id: string }) => u.id === una.id).lockedUntil).toBeNull();
    expect((await t.as('agent').post(`/users/${una.id}/unlock`)).status).toBe(403);

    expect((await t.as('admin').post(`/users/${una.id}/unlock`)).status).toBe(204);
    const unlocked = await auditOf('sign-in-unlocked');
    expect(unlocked).toHaveLength(1);
    expect(unlocked[0]?.actor).toBe(t.users.admin.id);
    expect((await signIn('una@test.redress', PASSWORD)).status).toBe(200);
    // The count started again: four failures are free once more.
    for (let i = 1; i <= 4; i++) expect((await signIn('una@test.redress', 'nope')).status).toBe(401);
    // And a success resets it.
    expect((await signIn('una@test.redress', PASSWORD)).status).toBe(200);
    expect((await signIn('una@test.redress', 'nope')).status).toBe(401);
  });
});
