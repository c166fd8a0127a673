/**
 * The staff queues: each count agrees with its list, and `queue=` combines with the other filters. Through
 * the client typed from the OpenAPI document: a queue renamed or a filter changed in the API fails `tsc`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEmail } from '../../src/db/emails.ts';
import {
  type ApiPaths,
  command,
  type NewComplaint,
  newComplaint,
  startApi,
  type TestApi,
} from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

type ListFilters = NonNullable<ApiPaths['/api/v1/complaints']['get']['parameters']['query']>;
type QueueId = NonNullable<ListFilters['queue']>;

describeEachDialect('queues', (harness) => {
  let t: TestApi;
  const refs: Record<string, string> = {};
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    const agent = t.typed('agent');
    const raise = async (name: string, overrides: Partial<NewComplaint> = {}) => {
      const { data, error } = await agent.POST('/api/v1/complaints', { body: newComplaint(overrides) });
      if (!data) throw new Error(`not raised: ${JSON.stringify(error)}`);
      refs[name] = data.reference;
      return data.reference;
    };
    // Mine, with a step that will be overdue.
    const mine = await raise('mine');
    await command(agent, mine, 'assign', { ownerId: t.users.agent.id });
    await command(agent, mine, 'propose', {
      summary: 'Refund',
      steps: [{ description: 'Refund', ownerId: t.users.agent.id, dueOn: '2026-11-05' }],
    });
    await command(agent, mine, 'record-response', { outcome: 'agreed' });
    // Unassigned, first complained about 40 days ago: the ADR letter is due within a week.
    const old = await raise('old', {
      firstExpressedAt: '2026-09-25T09:00:00Z',
      description: 'Broadband down for weeks',
    });
    await command(agent, old, 'assign', { ownerId: null });
    // Deadlocked at attempt 3, after the director-level review.
    const dead = await raise('dead');
    await command(agent, dead, 'not-practical', { reason: 'Needs investigation' });
    await command(t.typed('reviewer'), dead, 'escalate', { reason: 'Customer asked' });
    await command(t.typed('director'), dead, 'record-review', { findings: 'Looked again' });
    await command(t.typed('director'), dead, 'declare-deadlock', { reason: 'Nothing more we can do' });
    // Waiting at attempt 2 for a reviewer: the agent said immediate action was not practical.
    await command(agent, await raise('waiting'), 'not-practical', { reason: 'Needs a detailed review' });
    t.setNow('2026-11-09T10:00:00Z');
  });
  afterAll(() => t.close());

  async function queue(id: QueueId, filters: Omit<ListFilters, 'queue'> = {}) {
    const { data, error } = await t.typed('agent').GET('/api/v1/complaints', {
      params: { query: { queue: id, ...filters } },
    });
    if (!data) throw new Error(`queue ${id}: ${JSON.stringify(error)}`);
    return data.items.map((i) => i.reference).sort();
  }
  async function queues(who: Parameters<TestApi['typed']>[0]) {
    const { data, error } = await t.typed(who).GET('/api/v1/queues');
    if (!data) throw new Error(`queues: ${JSON.stringify(error)}`);
    return data;
  }

  it('lists each queue, and each count matches its list', async () => {
    const counts = Object.fromEntries((await queues('agent')).items.map((q) => [q.id, q.count]));
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
    ] as const) {
      expect(counts[id], id).toBe((await queue(id)).length);
    }
    expect(counts['awaiting-referral']).toBe(1);
    expect(counts.all).toBeNull();
    // "Mine" is the caller's: the reviewer owns nothing.
    const reviewers = (await queues('reviewer')).items;
    expect(reviewers.find((q) => q.id === 'mine')?.count).toBe(0);
    expect(reviewers.find((q) => q.id === 'waiting-attempt-2')?.name).toBe(
      'Resolution Attempt 2 · needs a reviewer',
    );
  });

  it('starts each person on the queue of work waiting for their role, else on their own, never on an empty “mine”', async () => {
    const landing = async (who: Parameters<TestApi['typed']>[0]) => (await queues(who)).landing;
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
    expect(await queue('unassigned', { q: 'broadband' })).toEqual([refs.old]);
    expect(await queue('all', { stage: 'deadlock' })).toEqual([refs.dead]);
    // Narrowing never widens: a closed stage inside an attempt queue, or someone else's complaints in "mine".
    expect(await queue('attempt-1', { stage: 'closed' })).toEqual([]);
    expect(await queue('mine', { owner: t.users.reviewer.id })).toEqual([]);
    expect(await queue('adr-soon', { adrDueWithinDays: 30 })).toEqual([refs.old]);
    // Not a queue: the typed client cannot even send it.
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
    await command(t.typed('agent'), refs.dead ?? '', 'record-referral', {
      schemeCaseReference: 'CO-123',
      referredOn: '2026-11-09',
    });
    expect(await queue('awaiting-referral')).toEqual([]);
  });
});
