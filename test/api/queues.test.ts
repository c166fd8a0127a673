/** The staff queues: each count agrees with its list, and `queue=` combines with the other filters. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEmail } from '../../src/db/emails.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('queues', (harness) => {
  let t: TestApi;
  const refs: Record<string, string> = {};
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    const agent = t.as('agent');
    const raise = async (name: string, overrides: Record<string, unknown> = {}) => {
      const res = await agent.post('/complaints', phoneComplaint(overrides));
      expect(res.status).toBe(201);
      refs[name] = res.body.reference;
      return res.body.reference as string;
    };
    const run = async (reference: string, command: string, body: unknown, as = agent) => {
      const res = await as.post(`/complaints/${reference}/${command}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    // Mine, with a step that will be overdue.
    const mine = await raise('mine');
    await run(mine, 'assign', { ownerId: t.users.agent.id });
    await run(mine, 'propose', {
      summary: 'Refund',
      steps: [{ description: 'Refund', ownerId: t.users.agent.id, dueOn: '2026-11-05' }],
    });
    await run(mine, 'record-response', { outcome: 'agreed' });
    // Unassigned, first complained about 40 days ago: the ADR letter is due within a week.
    const old = await raise('old', {
      firstExpressedAt: '2026-09-25T09:00:00Z',
      description: 'Broadband down for weeks',
    });
    await run(old, 'assign', { ownerId: null });
    // Deadlocked at attempt 3, after the director-level review.
    const dead = await raise('dead');
    await run(dead, 'not-practical', { reason: 'Needs investigation' });
    await run(dead, 'escalate', { reason: 'Customer asked' }, t.as('reviewer'));
    await run(dead, 'record-review', { findings: 'Looked again' }, t.as('director'));
    await run(dead, 'declare-deadlock', { reason: 'Nothing more we can do' }, t.as('director'));
    // Waiting at attempt 2 for a reviewer: the agent said immediate action was not practical.
    await run(await raise('waiting'), 'not-practical', { reason: 'Needs a detailed review' });
    t.setNow('2026-11-09T10:00:00Z');
  });
  afterAll(() => t.close());

  async function queue(id: string, query = '') {
    const res = await t.as('agent').get(`/complaints?queue=${id}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as { reference: string }[]).map((i) => i.reference).sort();
  }

  it('lists each queue, and each count matches its list', async () => {
    const res = await t.as('agent').get('/queues');
    expect(res.status).toBe(200);
    const counts = Object.fromEntries(
      (res.body.items as { id: string; count: number | null }[]).map((q) => [q.id, q.count]),
    );
    expect(await queue('mine')).toEqual([refs.mine]);
    expect(await queue('overdue')).toEqual([refs.mine]);
    expect(await queue('adr-soon')).toEqual([refs.old]);
    expect(await queue('awaiting-referral')).toEqual([refs.dead]);
    // Escalation hands the complaint to the next level: nobody owns it until someone takes it. At deadlock
    // the director who declared it owns it, to track the referral.
    expect(await queue('unassigned')).toEqual([refs.old, refs.waiting].sort());
    expect(await queue('waiting-attempt-2')).toEqual([refs.waiting]);
    expect(await queue('waiting-attempt-1')).toEqual([refs.old]);
    expect(await queue('waiting-attempt-3')).toEqual([]);
    for (const id of [
      'mine',
      'unassigned',
      'waiting-attempt-1',
      'waiting-attempt-2',
      'waiting-attempt-3',
      'attempt-1',
      'attempt-2',
      'attempt-3',
      'overdue',
      'adr-soon',
      'email-failed',
    ]) {
      expect(counts[id], id).toBe((await queue(id)).length);
    }
    expect(counts['awaiting-referral']).toBe(1);
    expect(counts.all).toBeNull();
    // "Mine" is the caller's: the reviewer owns nothing.
    const reviewers = await t.as('reviewer').get('/queues');
    expect(reviewers.body.items.find((q: { id: string }) => q.id === 'mine').count).toBe(0);
    expect(reviewers.body.items.find((q: { id: string }) => q.id === 'waiting-attempt-2').name).toBe(
      'Resolution Attempt 2 · needs a reviewer',
    );
  });

  it('starts each person on the queue of work waiting for their role, else on their own, never on an empty “mine”', async () => {
    const landing = async (who: Parameters<TestApi['as']>[0]) =>
      (await t.as(who).get('/queues')).body.landing;
    // A complaint waits at attempt 1 for an agent: that comes before the agent's own list.
    expect(await landing('agent')).toBe('waiting-attempt-1');
    // The reviewer owns nothing; a complaint waits for a reviewer at attempt 2.
    expect(await landing('reviewer')).toBe('waiting-attempt-2');
    // The director tracks the deadlocked complaint and nothing waits at attempt 3: their own list.
    expect(await landing('director')).toBe('mine');
    // The other director owns nothing and nothing waits at attempt 3: their stage's queue all the same.
    expect(await landing('director2')).toBe('waiting-attempt-3');
    expect(await landing('admin')).toBe('all');
  });

  it('narrows a queue with the other filters, and refuses an unknown queue', async () => {
    expect(await queue('unassigned', '&q=broadband')).toEqual([refs.old]);
    expect(await queue('all', '&stage=deadlock')).toEqual([refs.dead]);
    // Narrowing never widens: a closed stage inside an attempt queue, or someone else's complaints in "mine".
    expect(await queue('attempt-1', '&stage=closed')).toEqual([]);
    expect(await queue('mine', `&owner=${t.users.reviewer.id}`)).toEqual([]);
    expect(await queue('adr-soon', '&adrDueWithinDays=30')).toEqual([refs.old]);
    const bad = await t.as('agent').get('/complaints?queue=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('querystring.queue');
  });

  it('lists complaints with an undelivered email', async () => {
    expect(await queue('email-failed')).toEqual([]);
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'customer_id'])
      .where('reference', '=', refs.old ?? '')
      .executeTakeFirstOrThrow();
    await insertEmail(t.db.kysely, {
      id: 'email-failed-1',
      complaintId: complaint.id,
      customerId: complaint.customer_id,
      direction: 'out',
      kind: 'acknowledgement',
      status: 'failed',
      messageId: '<email-failed-1@test.redress>',
      inReplyTo: null,
      references: [],
      from: 'complaints@test.redress',
      to: 'jo@example.org',
      subject: `[${refs.old}] We have your complaint`,
      text: 'We have your complaint.',
      html: null,
      note: null,
      sizeBytes: null,
      createdAt: t.now().toISOString(),
    });
    expect(await queue('email-failed')).toEqual([refs.old]);

    // An email still unsent a day after it was queued counts too, whatever stopped it.
    const mine = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'customer_id'])
      .where('reference', '=', refs.mine ?? '')
      .executeTakeFirstOrThrow();
    await insertEmail(t.db.kysely, {
      id: 'email-stuck-1',
      complaintId: mine.id,
      customerId: mine.customer_id,
      direction: 'out',
      kind: 'proposal',
      status: 'queued',
      messageId: '<email-stuck-1@test.redress>',
      inReplyTo: null,
      references: [],
      from: 'complaints@test.redress',
      to: 'jo@example.org',
      subject: `[${refs.mine}] Our proposal`,
      text: 'Our proposal.',
      html: null,
      note: null,
      sizeBytes: null,
      createdAt: t.now().toISOString(),
    });
    expect(await queue('email-failed')).toEqual([refs.old]);
    t.setNow(new Date(t.now().getTime() + 25 * 60 * 60 * 1000));
    expect(await queue('email-failed')).toEqual([refs.mine, refs.old].sort());
  });

  it('takes the referral out of "awaiting referral"', async () => {
    const res = await t.as('agent').post(`/complaints/${refs.dead}/record-referral`, {
      schemeCaseReference: 'CO-123',
      referredOn: '2026-11-09',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await queue('awaiting-referral')).toEqual([]);
  });
});
