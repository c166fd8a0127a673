/**
 * The improvement log over HTTP: reviewers and directors raise items from a complaint, a root-cause trend or an
 * ombudsman decision, and link complaints to them (seen both ways, each link on the complaint's audit trail);
 * an item's owner moves it along; anyone on the staff reads it. An item is done only with the action taken,
 * overdue once past its date, and bad input is refused with the field's path and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { complaintAt } from '../support/factories.ts';

describeEachDialect('the improvement log', (harness) => {
  let t: TestApi;
  let first: string;
  let second: string;
  beforeAll(async () => {
    // Monday 2 November 2026, 10:00 GMT.
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    first = (await complaintAt(t, { at: 'attempt-2', owner: 'reviewer' })).reference;
    second = (await complaintAt(t, { at: 'attempt-1' })).reference;
  });
  afterAll(() => t.close());

  const item = (overrides: Record<string, unknown> = {}) => ({
    title: 'Second charges after a plan change',
    description: 'The billing run charges twice when a plan changes mid-month.',
    ownerId: t.users.agent.id,
    dueOn: '2026-11-20',
    source: 'complaint',
    sourceComplaint: first,
    ...overrides,
  });
  const audit = (type: string) =>
    t.db.kysely
      .selectFrom('audit_events')
      .select(['type', 'actor', 'complaint_id', 'payload'])
      .where('type', '=', type)
      .orderBy('seq')
      .execute();
  const complaintId = async (reference: string) =>
    (
      await t.db.kysely
        .selectFrom('complaints')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).id;
  const stored = async () => ({
    items: (await t.db.kysely.selectFrom('improvements').select('id').execute()).length,
    links: (await t.db.kysely.selectFrom('improvement_complaints').select('complaint_id').execute()).length,
    events: (
      await t.db.kysely
        .selectFrom('audit_events')
        .select('id')
        .where('type', 'like', 'improvement%')
        .execute()
    ).length,
  });

  describe('raising and linking', () => {
    let reference: string;

    it('lets a reviewer raise an item from a complaint: numbered, linked to it, audited on both trails', async () => {
      const created = await t.as('reviewer').post('/improvements', item());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        reference: 'IMP-0001',
        title: 'Second charges after a plan change',
        owner: { id: t.users.agent.id, name: 'Test agent' },
        dueOn: '2026-11-20',
        status: 'open',
        overdue: false,
        actionTaken: null,
        source: 'complaint',
        sourceComplaint: first,
        createdBy: t.users.reviewer.id,
        createdAt: '2026-11-02T10:00:00.000Z',
        closedAt: null,
      });
      reference = created.body.reference;

      const got = await t.as('agent').get(`/improvements/${reference}`);
      expect(got.status).toBe(200);
      expect(got.body.complaints).toEqual([
        expect.objectContaining({
          reference: first,
          stage: 'attempt-2',
          linkedBy: expect.objectContaining({ id: t.users.reviewer.id }),
        }),
      ]);
      const ofComplaint = await t.as('agent').get(`/complaints/${first}/improvements`);
      expect(ofComplaint.body.items.map((i: { reference: string }) => i.reference)).toEqual([reference]);

      expect(await audit('improvement-created')).toEqual([
        expect.objectContaining({ complaint_id: null, actor: t.users.reviewer.id }),
      ]);
      expect(await audit('improvement-linked')).toEqual([
        expect.objectContaining({ complaint_id: await complaintId(first), actor: t.users.reviewer.id }),
      ]);
      // The complaint's own timeline says so.
      const complaint = await t.as('reviewer').get(`/complaints/${first}`);
      expect(complaint.body.timeline.map((e: { type: string }) => e.type)).toContain('improvement-linked');
    });

    it('links a further complaint both ways, once, and unlinks it with an audit event on that complaint', async () => {
      const linked = await t
        .as('director')
        .post(`/improvements/${reference}/complaints`, { reference: second });
      expect(linked.status).toBe(200);
      expect(linked.body.complaints.map((c: { reference: string }) => c.reference)).toEqual([first, second]);
      const again = await t
        .as('director')
        .post(`/improvements/${reference}/complaints`, { reference: second });
      expect(again.status).toBe(200);
      expect(again.body.complaints).toHaveLength(2);
      const list = await t.as('agent').get('/improvements');
      expect(list.body.items[0]).toMatchObject({ reference, complaintCount: 2 });
      const ofSecond = await t.as('agent').get(`/complaints/${second}/improvements`);
      expect(ofSecond.body.items.map((i: { reference: string }) => i.reference)).toEqual([reference]);
      expect((await audit('improvement-linked')).filter((e) => e.complaint_id === null)).toEqual([]);
      expect(await audit('improvement-linked')).toHaveLength(2);

      const unlinked = await t
        .as('director')
        .raw(`/improvements/${reference}/complaints/${second}`, { method: 'DELETE' });
      expect(unlinked.status).toBe(200);
      expect(unlinked.body.complaints.map((c: { reference: string }) => c.reference)).toEqual([first]);
      expect((await t.as('agent').get(`/complaints/${second}/improvements`)).body.items).toEqual([]);
      expect(await audit('improvement-unlinked')).toEqual([
        expect.objectContaining({ complaint_id: await complaintId(second), actor: t.users.director.id }),
      ]);
      const notThere = await t
        .as('director')
        .raw(`/improvements/${reference}/complaints/${second}`, { method: 'DELETE' });
      expect(notThere.status).toBe(404);
    });

    it('raises an item from a root-cause trend with further complaints, and from an ombudsman decision', async () => {
      const trend = await t.as('director').post(
        '/improvements',
        item({
          source: 'root-cause-trend',
          sourceComplaint: undefined,
          rootCause: 'billing-error',
          complaints: [first, second],
        }),
      );
      expect(trend.status).toBe(201);
      expect(trend.body).toMatchObject({
        source: 'root-cause-trend',
        rootCause: 'billing-error',
        sourceComplaint: null,
      });
      expect((await t.as('agent').get(`/improvements/${trend.body.reference}`)).body.complaints).toHaveLength(
        2,
      );

      const undecided = await t.as('director').post('/improvements', item({ source: 'ombudsman-decision' }));
      expect(undecided.status).toBe(400);
      expect(undecided.body).toMatchObject({ code: 'validation', field: 'sourceComplaint' });

      const deadlocked = await complaintAt(t, { at: 'deadlock', owner: 'director' });
      await t.command('agent', deadlocked.reference, 'record-referral', {
        schemeCaseReference: 'CO-1',
        referredOn: '2026-11-02',
      });
      await t.command('reviewer', deadlocked.reference, 'record-ombudsman-outcome', {
        outcome: 'upheld',
        decidedOn: '2026-11-02',
        remedy: { apology: true, explanation: false, action: 'Refund', awardPence: 5_000 },
        customerAccepted: true,
      });
      const decided = await t
        .as('director')
        .post('/improvements', item({ source: 'ombudsman-decision', sourceComplaint: deadlocked.reference }));
      expect(decided.status).toBe(201);
      expect(decided.body.sourceComplaint).toBe(deadlocked.reference);
    });
  });

  describe('who may do what', () => {
    let reference: string;
    beforeAll(async () => {
      reference = (await t.as('reviewer').post('/improvements', item({ title: 'Permissions' }))).body
        .reference;
    });

    it('refuses an agent raising, editing or linking, and writes nothing', async () => {
      const before = await stored();
      expect((await t.as('agent').post('/improvements', item())).body).toMatchObject({
        status: 403,
        code: 'forbidden',
      });
      expect(
        (await t.as('agent2').patch(`/improvements/${reference}`, { status: 'in-progress' })).status,
      ).toBe(403);
      expect(
        (await t.as('agent').post(`/improvements/${reference}/complaints`, { reference: second })).status,
      ).toBe(403);
      expect((await t.as('admin').post('/improvements', item())).status).toBe(403);
      expect(await stored()).toEqual(before);
    });

    it('lets the owner move the item along and record the action, but nothing else', async () => {
      const moved = await t.as('agent').patch(`/improvements/${reference}`, { status: 'in-progress' });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe('in-progress');
      const retitled = await t.as('agent').patch(`/improvements/${reference}`, { title: 'Mine now' });
      expect(retitled.status).toBe(403);
      expect(retitled.body.detail).toContain('title');
      expect((await t.as('agent').get(`/improvements/${reference}`)).body.title).toBe('Permissions');
    });

    it('lets a reviewer change what it says and who owns it, audited with before and after', async () => {
      const changed = await t
        .as('reviewer')
        .patch(`/improvements/${reference}`, { title: 'Permissions, again', ownerId: t.users.agent2.id });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Permissions, again', owner: { id: t.users.agent2.id } });
      const updated = (await audit('improvement-updated')).at(-1);
      expect(JSON.parse(updated?.payload ?? '{}')).toMatchObject({
        improvement: reference,
        before: { title: 'Permissions', ownerId: t.users.agent.id },
        after: { title: 'Permissions, again', ownerId: t.users.agent2.id },
      });
    });
  });

  describe('due dates and done', () => {
    let reference: string;
    beforeAll(async () => {
      t.setNow('2026-11-02T10:00:00Z');
      reference = (
        await t.as('reviewer').post('/improvements', item({ title: 'Due soon', dueOn: '2026-11-10' }))
      ).body.reference;
    });
    afterAll(() => t.setNow('2026-11-02T10:00:00Z'));

    it('is overdue the day after its due date, in the list, the filter and the summary', async () => {
      t.setNow('2026-11-10T23:30:00Z'); // still 10 November in London
      expect((await t.as('agent').get(`/improvements/${reference}`)).body.overdue).toBe(false);
      const before = (await t.as('agent').get('/improvements/summary')).body;
      t.setNow('2026-11-11T09:00:00Z');
      expect((await t.as('agent').get(`/improvements/${reference}`)).body.overdue).toBe(true);
      const overdue = await t.as('agent').get('/improvements?overdue=true');
      expect(overdue.body.items.map((i: { reference: string }) => i.reference)).toEqual([reference]);
      const after = (await t.as('agent').get('/improvements/summary')).body;
      expect(after).toEqual({ open: before.open, overdue: before.overdue + 1 });
    });

    it('will not be done without the action taken; done, it is closed and no longer overdue', async () => {
      const events = (await audit('improvement-updated')).length;
      const refused = await t.as('agent').patch(`/improvements/${reference}`, { status: 'done' });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'validation', field: 'actionTaken' });
      expect((await t.as('agent').get(`/improvements/${reference}`)).body.status).toBe('open');
      expect(await audit('improvement-updated')).toHaveLength(events);

      const done = await t
        .as('agent')
        .patch(`/improvements/${reference}`, { status: 'done', actionTaken: 'Billing run fixed and re-run' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'done',
        overdue: false,
        closedAt: '2026-11-11T09:00:00.000Z',
      });
      expect((await t.as('agent').get('/improvements?overdue=true')).body.items).toEqual([]);
      const fixed = await t.as('agent').get('/improvements/done?month=2026-11');
      expect(fixed.body.items).toEqual([
        expect.objectContaining({
          reference,
          actionTaken: 'Billing run fixed and re-run',
          complaints: [first],
        }),
      ]);
      expect((await t.as('agent').get('/improvements/done?month=2026-10')).body.items).toEqual([]);

      const reopened = await t
        .as('reviewer')
        .patch(`/improvements/${reference}`, { status: 'open', dueOn: '2026-11-30' });
      expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    });
  });

  describe('what was fixed in a month', () => {
    afterAll(() => t.setNow('2026-11-02T10:00:00Z'));
    it('counts an item in the month it was done in UK time, not UTC', async () => {
      // 23:30 UTC on 31 July is 00:30 on 1 August in London (BST).
      t.setNow('2026-07-31T23:30:00Z');
      const raised = await t
        .as('reviewer')
        .post('/improvements', item({ title: 'Summer', dueOn: '2026-08-10' }));
      const done = await t.as('agent').patch(`/improvements/${raised.body.reference}`, {
        status: 'done',
        actionTaken: 'Fixed at midnight',
      });
      expect(done.body.closedAt).toBe('2026-07-31T23:30:00.000Z');
      const titles = async (month: string) =>
        (await t.as('agent').get(`/improvements/done?month=${month}`)).body.items.map(
          (i: { title: string }) => i.title,
        );
      expect(await titles('2026-07')).toEqual([]);
      expect(await titles('2026-08')).toEqual(['Summer']);
      expect((await t.as('agent').get('/improvements/done?month=2026-13')).body).toMatchObject({
        status: 400,
        field: 'querystring.month',
      });
    });
  });

  describe('lists', () => {
    it('pages newest first with a cursor, and filters by status, owner and root cause', async () => {
      t.setNow('2026-11-03T09:00:00Z');
      const newest = (await t.as('reviewer').post('/improvements', item({ title: 'Newest' }))).body.reference;
      const all: string[] = [];
      const created: string[] = [];
      let cursor: string | null = null;
      do {
        const page: {
          body: { items: { reference: string; createdAt: string }[]; nextCursor: string | null };
        } = await t.as('agent').get(`/improvements?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        all.push(...page.body.items.map((i) => i.reference));
        created.push(...page.body.items.map((i) => i.createdAt));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all[0]).toBe(newest);
      const count = (await t.db.kysely.selectFrom('improvements').select('reference').execute()).length;
      expect(all).toHaveLength(count);
      expect(new Set(all).size).toBe(count);
      expect(created).toEqual([...created].sort().reverse());

      const mine = await t.as('agent2').get('/improvements?owner=me');
      expect(mine.body.items.map((i: { title: string }) => i.title)).toEqual(['Permissions, again']);
      const inProgress = await t.as('agent').get('/improvements?status=in-progress');
      expect(inProgress.body.items.map((i: { status: string }) => i.status)).toEqual(['in-progress']);
      const billing = await t.as('agent').get('/improvements?rootCause=billing-error');
      expect(billing.body.items).toHaveLength(1);
      const byDue = await t.as('agent').get('/improvements?sort=due&status=open,in-progress');
      const due = byDue.body.items.map((i: { dueOn: string }) => i.dueOn);
      expect(due).toEqual([...due].sort());
    });
  });

  describe('bad input', () => {
    const refusals: [string, () => Record<string, unknown>, string][] = [
      ['a date that is not one', () => ({ dueOn: '2026-13-01' }), 'body.dueOn'],
      ['a due date in the past', () => ({ dueOn: '2026-11-01' }), 'dueOn'],
      ['an owner who is not staff', () => ({ ownerId: 'nobody' }), 'ownerId'],
      ['an empty title', () => ({ title: '  ' }), 'body.title'],
      ['an unknown source', () => ({ source: 'rumour' }), 'body.source'],
      ['a complaint source without the complaint', () => ({ sourceComplaint: undefined }), 'sourceComplaint'],
      [
        'a source complaint that does not exist',
        () => ({ sourceComplaint: 'MISO-26-999999-Z' }),
        'sourceComplaint',
      ],
      [
        'a further complaint that is not a reference',
        () => ({ complaints: [second, 'nonsense'] }),
        'complaints.1',
      ],
      ['a field the endpoint does not take', () => ({ priority: 'high' }), 'body.priority'],
    ];
    it.each(refusals)(
      'refuses %s with problem+json naming the field, writing nothing',
      async (_, change, field) => {
        const before = await stored();
        const sequence = await t.db.kysely
          .selectFrom('sequences')
          .selectAll()
          .where('name', '=', 'improvements')
          .executeTakeFirst();
        const res = await t.as('reviewer').post('/improvements', item(change()));
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body).toMatchObject({ code: 'validation', field });
        expect(await stored()).toEqual(before);
        expect(
          await t.db.kysely
            .selectFrom('sequences')
            .selectAll()
            .where('name', '=', 'improvements')
            .executeTakeFirst(),
        ).toEqual(sequence);
      },
    );

    it('answers 404 for an item that does not exist and 400 for a reference that is not one', async () => {
      expect((await t.as('agent').get('/improvements/IMP-9999')).status).toBe(404);
      const bad = await t.as('agent').get('/improvements/ninety');
      expect(bad).toMatchObject({ status: 400, body: { field: 'reference' } });
    });
  });

  describe('with a root-cause tree in the procedure', () => {
    let withTree: TestApi;
    beforeAll(async () => {
      const procedure = {
        ...MISO_PROCEDURE,
        rootCauses: [
          {
            code: 'billing',
            label: 'Billing error',
            children: [{ code: 'billing-double', label: 'Charged twice' }],
          },
          { code: 'other', label: 'Other' },
        ],
      };
      withTree = await startApi(harness, { now: '2026-11-02T10:00:00Z', procedure });
    });
    afterAll(() => withTree.close());

    it('takes a code of the tree, at any depth, and refuses any other', async () => {
      const body = {
        title: 'Double charges',
        description: 'Seen in a trend',
        ownerId: withTree.users.reviewer.id,
        dueOn: '2026-12-01',
        source: 'root-cause-trend',
      };
      const ok = await withTree
        .as('reviewer')
        .post('/improvements', { ...body, rootCause: 'billing-double' });
      expect(ok.status).toBe(201);
      const refused = await withTree.as('reviewer').post('/improvements', { ...body, rootCause: 'gremlins' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ field: 'rootCause' });
      expect(refused.body.detail).toContain('billing-double');
    });
  });
});
