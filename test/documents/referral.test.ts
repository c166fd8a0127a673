/**
 * After the ADR letter, on both databases: the referral tracked to its end (status, case fee, the decision,
 * the remedy's deadline and its reminders by email to the owner and the directors, the remedy recorded as
 * implemented by closing), the warnings before the ADR limit by email, and `redress adr audit`'s findings.
 */
import type { ParsedMail } from 'mailparser';
import { expect, it } from 'vitest';
import { auditAdrLetters } from '../../src/app/audit-adr-letters.ts';
import { sweepAdrClock } from '../../src/app/sweep-adr-clock.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { readPdf } from '../support/pdf.ts';

const DAY = 86_400_000;

import { useApiWithSink } from '../support/mail-api.ts';

describeEachDialect('referral and ADR alerts', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  const later = (days: number) => env.t.setNow(new Date(env.t.now().getTime() + days * DAY));
  async function raise(overrides: Record<string, unknown> = {}) {
    const res = await env.t.as('agent').post('/complaints', phoneComplaint(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.reference as string;
  }
  const toStaff = async (reference: string): Promise<ParsedMail[]> =>
    (await env.sink.parsed()).filter(
      (m) => m.subject?.includes(`[${reference}]`) && JSON.stringify(m.to).includes('@test.redress'),
    );
  const addresses = (m: ParsedMail | undefined) =>
    (m?.to && 'value' in m.to ? m.to.value.map((v) => v.address) : []).sort();

  it('tracks a referral to the remedy implemented, reminding the owner and directors before the deadline', async () => {
    env.t.setNow('2026-11-02T10:00:00Z');
    const reference = await raise();
    await env.t.command('agent', reference, 'assign', { ownerId: env.t.users.agent.id });
    await env.t.command('director', reference, 'declare-deadlock', { reason: 'Nothing more we can do.' });
    await env.t.runJobs();
    later(10);
    await env.t.command('agent', reference, 'record-referral', {
      schemeCaseReference: 'CO-123',
      referredOn: '2026-11-10',
    });
    expect((await env.t.as('agent').get(`/complaints/${reference}`)).body.referral).toMatchObject({
      status: 'referred',
      caseFeePence: null,
    });
    const fee = await env.t.command('reviewer', reference, 'record-case-fee', { caseFeePence: 35_000 });
    expect(fee.referral).toMatchObject({ caseFeePence: 35_000 });
    const decided = await env.t.command('reviewer', reference, 'record-ombudsman-outcome', {
      outcome: 'upheld',
      decidedOn: '2026-11-12',
      remedy: { apology: true, explanation: true, action: 'Correct the bill', awardPence: 5_000 },
      customerAccepted: true,
    });
    expect(decided.referral).toMatchObject({
      status: 'accepted',
      decision: { remedyDueOn: '2026-12-10', implementedOn: null },
    });

    later(21); // 3 December: 7 days before the deadline
    await env.t.runJobs();
    const [reminder] = await toStaff(reference);
    expect(reminder?.subject).toBe(`[${reference}] Ombudsman remedy due by 10 December 2026`);
    expect(addresses(reminder)).toEqual([
      'agent@test.redress',
      'director2@test.redress',
      'director@test.redress',
    ]);
    expect(reminder?.text).toContain(`http://localhost/staff/complaints/${reference}`);
    await env.t.runJobs();
    expect(await toStaff(reference)).toHaveLength(1);

    later(8); // 11 December: overdue
    await env.t.runJobs();
    expect((await toStaff(reference)).map((m) => m.subject).sort()).toEqual([
      `[${reference}] Ombudsman remedy due by 10 December 2026`,
      `[${reference}] Ombudsman remedy due by 10 December 2026`,
      `[${reference}] Ombudsman remedy overdue since 10 December 2026`,
    ]);

    const closed = await env.t.command('reviewer', reference, 'close', {
      reason: 'ombudsman-decision-implemented',
      rootCause: 'billing-error',
    });
    expect(closed.referral).toMatchObject({
      status: 'implemented',
      decision: { implementedOn: '2026-12-11' },
    });
    // A fee invoiced after the closure can still be recorded.
    await env.t.command('reviewer', reference, 'record-case-fee', { caseFeePence: 40_000 });
  });

  it('closes a deadlock never referred the day after the 12-month window ends, with a closure letter', async () => {
    env.t.setNow('2026-11-02T10:00:00Z');
    const reference = await raise();
    await env.t.command('director', reference, 'declare-deadlock', { reason: 'Final.' });
    // One deadlocked before its timer existed (or restored from a backup without it): the hourly sweep closes it.
    const untimed = await raise();
    await env.t.command('director', untimed, 'declare-deadlock', { reason: 'Final.' });
    await env.t.db.kysely
      .deleteFrom('jobs')
      .where('kind', '=', 'adr-window-end')
      .where('payload', 'like', `%${(await env.t.as('agent').get(`/complaints/${untimed}`)).body.id}%`)
      .execute();
    await env.t.runJobs();
    const windowEndsOn = (await env.t.as('agent').get(`/complaints/${reference}`)).body.adr.letters[0]
      .windowEndsOn;
    expect(windowEndsOn).toBe('2027-11-01');
    env.t.setNow('2027-11-01T22:00:00Z'); // the last day, in London
    await env.t.runJobs();
    expect((await env.t.as('agent').get(`/complaints/${reference}`)).body.stage).toBe('deadlock');
    env.t.setNow('2027-11-02T00:30:00Z');
    await env.t.runJobs();
    const closed = (await env.t.as('agent').get(`/complaints/${reference}`)).body;
    expect(closed.closure).toMatchObject({ reason: 'adr-window-expired' });
    expect(closed.documents.map((d: { kind: string }) => d.kind)).toContain('closure');
    expect((await env.t.as('agent').get(`/complaints/${untimed}`)).body.stage).toBe('deadlock');
    await sweepAdrClock(env.t.ctx);
    expect((await env.t.as('agent').get(`/complaints/${untimed}`)).body.closure).toMatchObject({
      reason: 'adr-window-expired',
    });
  });

  it('emails the ADR-limit warnings at weeks 4 and 5 to the owner and the directors', async () => {
    env.t.setNow('2026-09-01T09:00:00Z');
    const reference = await raise({ firstExpressedAt: '2026-09-01T08:00:00Z' });
    await env.t.command('agent', reference, 'assign', { ownerId: env.t.users.reviewer.id });
    env.t.setNow('2026-10-07T09:00:00Z');
    await env.t.runJobs();
    const warnings = await toStaff(reference);
    expect(warnings.map((m) => m.subject)).toEqual([
      `[${reference}] ADR time limit on 13 October 2026`,
      `[${reference}] ADR time limit on 13 October 2026`,
    ]);
    expect(addresses(warnings[0])).toEqual([
      'director2@test.redress',
      'director@test.redress',
      'reviewer@test.redress',
    ]);
  });

  it('tells a large business plainly that no scheme can take its complaint', async () => {
    const reference = await raise({
      customer: { name: 'Big Co Ltd', email: 'big@example.org', type: 'large-business' },
    });
    await env.t.command('director', reference, 'declare-deadlock', { reason: 'Our final position.' });
    await env.t.runJobs();
    const letters = (await env.t.as('agent').get(`/complaints/${reference}`)).body.documents;
    const letter = letters.find((l: { kind: string }) => l.kind === 'adr-letter-deadlock');
    const pdf = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${letter.id}`);
    const { text } = await readPdf(pdf.bytes);
    expect(text).toContain('Our final position.');
    expect(text).toMatch(/10 or fewer/);
    // The emails say the same: no scheme promised, none offered.
    const mail = (await env.sink.parsed()).filter((m) => m.subject?.includes(`[${reference}]`));
    const subject = (m: ParsedMail) => m.subject?.replace(`[${reference}] `, '');
    const ack = mail.find((m) => subject(m) === 'We have received your complaint');
    const final = mail.find((m) => subject(m) === 'Our final position on your complaint');
    expect(mail).toHaveLength(2);
    expect(ack?.text).not.toContain('ADR letter');
    expect(final?.text).toMatch(/10 or fewer/);
    expect(final?.text).not.toContain('You can now take your complaint');
  });

  it('finds missing, late and never-produced ADR letters, and nothing on a healthy database', async () => {
    await env.t.runJobs();
    expect(await auditAdrLetters(env.t.ctx)).toEqual([]);
    const about = async (reference: string) =>
      (await auditAdrLetters(env.t.ctx)).filter((f) => f.reference === reference);

    // The clock stops for months: the letter of a complaint whose limit passed meanwhile is late.
    const waiting = await raise({ firstExpressedAt: env.t.now().toISOString() });
    env.t.setNow('2027-02-01T09:00:00Z');
    // Logged after its limit had passed: due the day it was logged, and issued with it.
    const logged = await raise({ firstExpressedAt: '2026-12-01T09:00:00Z' });
    expect(await about(logged)).toEqual([]);
    // A letter found missing: its limit passed while the clock stood still and no job has run since.
    const stalled = await raise({ firstExpressedAt: '2027-02-01T08:00:00Z' });
    env.t.setNow('2027-03-20T09:00:00Z');
    expect(await about(stalled)).toEqual([
      { reference: stalled, kind: 'missing', detail: 'open, no ADR letter; the time limit was 2027-03-15' },
    ]);
    env.t.setNow('2027-02-01T09:00:00Z');
    await env.t.runJobs();
    expect(await about(logged)).toEqual([]);
    expect(await about(waiting)).toEqual([
      expect.objectContaining({
        reference: waiting,
        kind: 'late',
        detail: expect.stringMatching(/dated 2027-02-01/),
      }),
    ]);

    // A deadlock whose letter job never ran: reported an hour on, not before.
    const unsent = await raise();
    await env.t.command('director', unsent, 'declare-deadlock', { reason: 'Final.' });
    await env.t.db.kysely
      .updateTable('jobs')
      .set({ status: 'failed' })
      .where('status', '=', 'pending')
      .execute();
    expect(await about(unsent)).toEqual([]);
    env.t.setNow(new Date(env.t.now().getTime() + 2 * 3_600_000));
    expect(await about(unsent)).toEqual([expect.objectContaining({ reference: unsent, kind: 'not-sent' })]);
  });
});
