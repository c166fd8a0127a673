/**
 * The CSV export of a complaint list: the list's filters and order, every page of it, no customer's personal
 * details, cells a spreadsheet will not run as formulas, a byte-order mark for Excel, staff only.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { complaintExportPages } from '../../src/app/export-complaints.ts';
import { issueCommand } from '../../src/app/issue-command.ts';
import { updateUser } from '../../src/app/update-user.ts';
import { command, newComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('complaint export', (harness) => {
  let t: TestApi;
  const refs: string[] = [];
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    const agent = t.typed('agent');
    for (const [i, category] of (
      ['billing', 'billing', 'service-quality', 'billing', 'other'] as const
    ).entries()) {
      t.setNow(`2026-11-02T1${i}:00:00Z`);
      const { data } = await agent.POST('/api/v1/complaints', {
        body: newComplaint({
          category,
          customer: {
            name: `${['Ada', 'Bea', 'Cyrus', 'Dee', 'Eve'][i]} Quintero`,
            email: `c${i}@example.org`,
            phone: '01632 960 123',
          },
          description: `=HYPERLINK("http://evil.example","Complaint ${i}")`,
        }),
      });
      if (!data) throw new Error('not raised');
      refs.push(data.reference);
    }
    // The first one resolved, with its root cause.
    const first = refs[0] ?? '';
    const staff = { kind: 'staff', id: t.users.agent.id, roles: ['agent'] } as const;
    const proposed = await command(agent, first, 'propose', {
      summary: 'Refund',
      steps: [{ description: 'Refund the charge', ownerId: t.users.agent.id, dueOn: '2026-11-20' }],
    });
    await command(agent, first, 'record-response', { outcome: 'agreed' });
    const stepId = proposed.attempts[0]?.proposal?.steps[0]?.id ?? '';
    await command(agent, first, 'complete-step', { stepId });
    await issueCommand(
      t.ctx,
      first,
      {
        type: 'record-follow-up',
        outcome: 'satisfied',
        rootCause: 'billing-wrong-charge',
      },
      staff,
    );
  });
  afterAll(() => t?.close());

  const exportCsv = async (query: string) => {
    const res = await t.as('agent').bytes(`/complaints/export.csv${query}`);
    expect(res.status, res.bytes.toString()).toBe(200);
    return res;
  };

  it('streams every complaint the filters list, in the list’s order, with a BOM for Excel', async () => {
    const res = await exportCsv('?category=billing');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="complaints-2026-11-02\.csv"/,
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(res.bytes.subarray(3));
    expect(rows[0]).toEqual([
      'Reference',
      'Received',
      'First expressed',
      'Channel',
      'Category',
      'Customer type',
      'Stage',
      'Owner',
      'ADR due',
      'Closed',
      'Closure reason',
      'Root cause',
    ]);
    // Newest first, as the list; only billing.
    expect(rows.slice(1).map((r) => r[0])).toEqual([refs[3], refs[1], refs[0]]);
    const list = await t.as('agent').get('/complaints?category=billing');
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      list.body.items.map((c: { reference: string }) => c.reference),
    );
    // London time (GMT in November); the owner by name; the stage by its name.
    expect(rows[1]).toEqual([
      refs[3],
      '2026-11-02 13:00',
      '2026-11-02 13:00',
      'phone',
      'billing',
      'residential',
      'Resolution Attempt 1',
      'Test agent',
      '2026-12-14',
      '',
      '',
      '',
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula, and holds no customer’s name or words', async () => {
    // A member of staff's name is the one free text the export carries: make it read as a formula.
    await updateUser(t.ctx, t.users.agent.id, { name: '+44 Test agent' });
    const res = await exportCsv('?open=false');
    await updateUser(t.ctx, t.users.agent.id, { name: 'Test agent' });
    const rows: string[][] = parse(res.bytes.subarray(3));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe(refs[0]);
    expect(rows[1]?.[7]).toBe("'+44 Test agent");
    expect(rows[1]?.[10]).toBe('resolved');
    expect(rows[1]?.[11]).toBe('billing-wrong-charge');
    const text = res.bytes.toString('utf8');
    expect(text).not.toContain('Quintero');
    expect(text).not.toContain('HYPERLINK');
    expect(text).not.toContain('example.org');
  });

  it('takes the list’s queues, sorts and searches', async () => {
    const all = parse((await exportCsv('?sort=reference&order=asc')).bytes.subarray(3)) as string[][];
    expect(all.slice(1).map((r) => r[0])).toEqual([...refs]);
    const open = parse((await exportCsv('?queue=attempt-1')).bytes.subarray(3)) as string[][];
    expect(open.slice(1).map((r) => r[0])).toEqual([refs[4], refs[3], refs[2], refs[1]]);
    const none = parse((await exportCsv('?queue=mine&owner=none')).bytes.subarray(3)) as string[][];
    expect(none).toHaveLength(1);
    const words = parse((await exportCsv('?q=Cyrus')).bytes.subarray(3)) as string[][];
    expect(words.slice(1).map((r) => r[0])).toEqual([refs[2]]);
  });

  it('reads page after page to the end (keyset)', async () => {
    const pages: string[][][] = [];
    for await (const page of complaintExportPages(t.ctx, { sort: 'reference' }, t.users.agent.id, 2))
      pages.push(parse(page));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((l) => l[0])).toEqual([...refs]);
  });

  it('is for staff only, and refuses a filter the list would refuse', async () => {
    expect((await t.as(null).get('/complaints/export.csv')).status).toBe(401);
    expect((await t.as('agent').get('/complaints/export.csv?limit=5')).status).toBe(400);
    expect((await t.as('agent').get('/complaints/export.csv?stage=nowhere')).status).toBe(400);
  });
});
