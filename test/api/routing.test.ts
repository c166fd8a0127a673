/**
 * Work finds the person who can act on it: escalation sends a complaint to the next stage's queue, someone
 * with the role takes it, a workload view shows who holds what, bulk assignment, routing in turn, and the
 * letters name a person even when nobody owns the complaint yet.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const DAY = 86_400_000;

describeEachDialect('routing and ownership', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, {
      now: '2026-11-02T10:00:00Z',
      procedure: {
        ...MISO_PROCEDURE,
        routing: { assignment: 'queue', responsibleDirector: 'director2@test.redress' },
      },
    });
  });
  afterAll(() => t.close());

  const raise = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.as('agent').post('/complaints', phoneComplaint(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.reference as string;
  };
  const view = async (reference: string) => (await t.as('agent').get(`/complaints/${reference}`)).body;
  const queue = async (id: string, who: Parameters<TestApi['as']>[0] = 'agent') =>
    ((await t.as(who).get(`/complaints?queue=${id}`)).body.items as { reference: string }[]).map(
      (i) => i.reference,
    );

  it('sends an escalated complaint to the reviewers’ queue, where a reviewer takes it and completes attempt 2', async () => {
    const reference = await raise();
    expect((await view(reference)).owner.id).toBe(t.users.agent.id);
    await t.command('agent', reference, 'not-practical', { reason: 'Needs the billing records' });

    const waiting = await view(reference);
    expect(waiting.stage).toBe('attempt-2');
    expect(waiting.owner).toBeNull();
    expect(waiting.needs).toBe('reviewer');
    expect(await queue('waiting-attempt-2')).toContain(reference);
    // The agent can no longer act on it; nobody can take it but someone with the role.
    expect(waiting.nextActions).not.toContain('take');
    const agentTakes = await t.as('agent').post(`/complaints/${reference}/take`, {});
    expect(agentTakes.status).toBe(403);
    expect((await t.as('reviewer').get('/queues')).body.landing).toBe('waiting-attempt-2');

    const reviewerView = (await t.as('reviewer').get(`/complaints/${reference}`)).body;
    expect(reviewerView.nextActions).toContain('take');
    await t.command('reviewer', reference, 'take');
    const taken = await view(reference);
    expect(taken.owner.id).toBe(t.users.reviewer.id);
    expect(taken.needs).toBeNull();
    expect(await queue('waiting-attempt-2')).not.toContain(reference);
    expect(await queue('mine', 'reviewer')).toContain(reference);
    // Taking twice: it is someone's now.
    expect((await t.as('director').post(`/complaints/${reference}/take`, {})).status).toBe(409);

    await t.command('reviewer', reference, 'record-review', { findings: 'Charged twice by a billing fault' });
    const proposed = await t.command('reviewer', reference, 'propose', {
      summary: 'Refund the second charge',
      steps: [{ description: 'Refund £30', ownerId: t.users.reviewer.id }],
    });
    await t.command('reviewer', reference, 'record-response', { outcome: 'agreed' });
    const stepId = proposed.attempts[1].proposal.steps[0].id;
    await t.command('reviewer', reference, 'complete-step', { stepId });
    const closed = await t.command('reviewer', reference, 'record-follow-up', {
      outcome: 'satisfied',
      rootCause: 'billing-wrong-charge',
    });
    expect(closed.stage).toBe('closed');
    const assigned = closed.timeline.filter((e: { type: string }) => e.type === 'assigned');
    expect(assigned.map((e: { details: unknown }) => e.details)).toEqual([
      { type: 'assigned', ownerId: null, routed: 'queue' },
      { type: 'assigned', ownerId: t.users.reviewer.id },
    ]);
  });

  it('refuses to assign a complaint to someone whose role does not fit its stage', async () => {
    const reference = await raise();
    await t.command('agent', reference, 'not-practical', { reason: 'Needs a review' });
    const res = await t
      .as('reviewer')
      .post(`/complaints/${reference}/assign`, { ownerId: t.users.agent2.id });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('ownerId');
    expect(res.body.detail).toContain('reviewer or director');
    expect((await view(reference)).owner).toBeNull();
  });

  it('assigns in bulk from a queue, reporting the ones that cannot go to that person', async () => {
    const first = await raise();
    const second = await raise();
    const third = await raise();
    for (const reference of [first, second, third])
      await t.command('agent', reference, 'assign', { ownerId: null });
    await t.command('agent', third, 'not-practical', { reason: 'Needs a review' });
    const res = await t.as('reviewer').post('/complaints/assign', {
      references: [first, second, third],
      ownerId: t.users.agent2.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results).toEqual([
      { reference: first, ok: true },
      { reference: second, ok: true },
      {
        reference: third,
        ok: false,
        problem: {
          code: 'validation',
          message: expect.stringContaining('needs the role reviewer or director'),
        },
      },
    ]);
    expect(await queue('mine', 'agent2')).toEqual(expect.arrayContaining([first, second]));
    // Back to the queue, in one go.
    const back = await t
      .as('reviewer')
      .post('/complaints/assign', { references: [first, second], ownerId: null });
    expect(back.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(await queue('mine', 'agent2')).toEqual([]);
    const bad = await t.as('reviewer').post('/complaints/assign', { references: [], ownerId: null });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('body.references');
  });

  it('shows the workload per person and stage, nearest ADR limit first, to managers only', async () => {
    const urgent = await raise({ firstExpressedAt: new Date(t.now().getTime() - 38 * DAY).toISOString() });
    await t.command('agent', urgent, 'assign', { ownerId: t.users.agent2.id });
    // A larger business cannot go to ADR: its older limit does not count.
    const business = await raise({
      firstExpressedAt: new Date(t.now().getTime() - 41 * DAY).toISOString(),
      customer: { name: 'Big Co Ltd', email: 'big@example.org', type: 'large-business' },
    });
    await t.command('agent', business, 'assign', { ownerId: t.users.agent.id });
    const res = await t.as('director').get('/workload');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.rows as {
      person: { id: string } | null;
      byStage: Record<string, number>;
      open: number;
      nextAdrDueOn: string | null;
    }[];
    expect(rows[0]?.person?.id).toBe(t.users.agent2.id);
    expect(rows[0]?.nextAdrDueOn).toBe('2026-11-06');
    const agentRow = rows.find((r) => r.person?.id === t.users.agent.id);
    expect(agentRow?.nextAdrDueOn === null || (agentRow?.nextAdrDueOn ?? '') > '2026-11-06').toBe(true);
    const unassigned = rows.find((r) => r.person === null);
    expect(unassigned?.byStage['attempt-2']).toBe(2);
    const open = Number(
      (
        await t.db.kysely
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('stage', '!=', 'closed')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(rows.reduce((sum, r) => sum + r.open, 0)).toBe(open);
    expect((await t.as('agent').get('/workload')).status).toBe(403);
  });

  it('gives a complaint to whoever logs it unless asked for nobody (ownerId null)', async () => {
    expect((await view(await raise())).owner.id).toBe(t.users.agent.id);
    const unowned = await view(await raise({ ownerId: null }));
    expect([unowned.owner, unowned.needs]).toEqual([null, 'agent']);
  });

  it('signs a time-limit letter on a complaint nobody owns with the responsible director’s name', async () => {
    // Due tomorrow; unowned by then (a complaint logged past its limit gets its letter at once, signed by
    // whoever logged it).
    const today = t.now();
    const reference = await raise({ firstExpressedAt: new Date(today.getTime() - 41 * DAY).toISOString() });
    await t.command('agent', reference, 'assign', { ownerId: null });
    t.setNow(new Date(today.getTime() + DAY));
    await t.runJobs();
    t.setNow(today);
    const letter = (await view(reference)).documents.find(
      (d: { kind: string }) => d.kind === 'adr-letter-time-limit',
    );
    const text = await t.as('agent').bytes(`/complaints/${reference}/letters/${letter.id}?format=text`);
    expect(text.bytes.toString()).toContain('Test director2 is handling your complaint');
    expect(text.bytes.toString()).not.toContain('The Complaints Team');
  });

  it('lets only a director other than the attempt-2 handler end attempt 3 in deadlock, after the review', async () => {
    const reference = await raise();
    await t.command('agent', reference, 'not-practical', { reason: 'Needs a review' });
    await t.command('director', reference, 'take');
    await t.command('director', reference, 'record-review', { findings: 'Looked into it' });
    await t.command('director', reference, 'escalate', { reason: 'Customer wants a director' });
    // Attempt 3 goes to the directors' queue; the one who handled attempt 2 may not decide it.
    expect((await view(reference)).needs).toBe('director');
    const early = await t.as('director2').post(`/complaints/${reference}/declare-deadlock`, { reason: 'x' });
    expect(early.status).toBe(409);
    await t.command('director2', reference, 'record-review', {
      findings: 'Fresh eyes: nothing more to offer',
    });
    const own = await t.as('director').post(`/complaints/${reference}/declare-deadlock`, { reason: 'Final' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('objectivity');
    const dead = await t.command('director2', reference, 'declare-deadlock', {
      reason: 'Our final position',
    });
    expect(dead.stage).toBe('deadlock');
    // Deadlocked complaints keep an owner, who tracks the referral.
    expect(dead.owner.id).toBe(t.users.director2.id);
  });
});

describeEachDialect('routing in turn', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, {
      procedure: { ...MISO_PROCEDURE, routing: { assignment: 'round-robin', responsibleDirector: null } },
    });
  });
  afterAll(() => t.close());

  it('gives each escalated complaint to the next reviewer in turn', async () => {
    await t
      .as('admin')
      .post('/users', { email: 'rev2@test.redress', name: 'Second reviewer', roles: ['reviewer'] });
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.as('agent').post('/complaints', phoneComplaint());
      const reference = res.body.reference as string;
      const after = await t.command('agent', reference, 'not-practical', { reason: 'Needs a review' });
      owners.push(after.owner.name);
      t.setNow(new Date(t.now().getTime() + 60_000));
    }
    // Both have waited equally long at first: either may go first, and then they take turns.
    expect(new Set(owners.slice(0, 2))).toEqual(new Set(['Test reviewer', 'Second reviewer']));
    expect(owners.slice(2)).toEqual(owners.slice(0, 2));
  });
});
