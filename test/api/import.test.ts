/**
 * `redress import`: a 10,000-row file with 20 bad rows imports 9,980 and reports the 20 by line and reason; a
 * second run imports none twice. And what an imported complaint sets going: its ADR clock from the date the
 * customer first complained, no acknowledgement, and the ADR letter it is owed once past its limit.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importComplaints } from '../../src/app/import-complaints.ts';
import { sweepAdrClock } from '../../src/app/sweep-adr-clock.ts';
import { readImportMapping } from '../../src/config/import-mapping.ts';
import { IMPORT_COLUMN_NAMES, type ImportCells } from '../../src/domain/historical-complaint.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const NOW = '2026-11-02T10:00:00Z';

function csvOf(rows: ImportCells[], columns: readonly string[] = IMPORT_COLUMN_NAMES): Readable {
  return Readable.from([
    stringify(rows as Record<string, string>[], { header: true, columns: [...columns] }),
  ]);
}

/** A good row, varied by its number: closed, open and at deadlock; customers shared by ten rows. */
function goodRow(i: number): ImportCells {
  const day = String((i % 28) + 1).padStart(2, '0');
  const kind = i % 10;
  const base: ImportCells = {
    external_id: `T-${i}`,
    received_at: `2025-0${(i % 9) + 1}-${day} 09:30`,
    channel: ['phone', 'email', 'web', 'letter'][i % 4],
    category: ['billing', 'service-quality', 'contract', 'other'][i % 4],
    description: `Historical complaint number ${i}`,
    customer_id: `C-${Math.floor(i / 10)}`,
    customer_name: `Customer ${Math.floor(i / 10)}`,
    customer_email: `customer${Math.floor(i / 10)}@example.org`,
  };
  if (kind < 8) {
    return { ...base, closed_at: `2025-10-${day}`, closure_reason: 'resolved', root_cause: 'billing error' };
  }
  if (kind === 8) return { ...base, stage: 'deadlock', adr_letter_on: `2025-10-${day}` };
  return { ...base, stage: 'attempt-2', adr_letter_on: `2025-10-${day}`, adr_letter_trigger: 'time-limit' };
}

/** Twenty ways a row can be wrong. */
const BAD: [ImportCells, RegExp][] = [
  [{ external_id: '' }, /external_id is missing/],
  [{ received_at: '31/02/2025' }, /received_at "31\/02\/2025" is not a date/],
  [{ received_at: '2027-01-01' }, /received_at 2027-01-01 is in the future/],
  [{ channel: 'carrier pigeon' }, /channel "carrier pigeon" is not one of/],
  [{ category: 'weather' }, /category "weather" is not one of/],
  [{ description: '' }, /description is missing/],
  [{ customer_name: '' }, /customer_name is missing/],
  [{ customer_email: 'not an email' }, /customer_email "not an email" is not an email address/],
  [{ customer_phone: 'call me' }, /customer_phone "call me" is not a telephone number/],
  [{ customer_type: 'government' }, /customer_type "government" is not one of/],
  [{ stage: 'limbo', closed_at: '' }, /stage "limbo" is not one of/],
  [{ closure_reason: '' }, /closure_reason is missing/],
  [{ closure_reason: 'bored' }, /closure_reason "bored" is not one of/],
  [{ closed_at: '2024-01-01' }, /closed_at is before received_at/],
  [{ stage: 'attempt-1', closed_at: '', closure_reason: '', root_cause: 'x' }, /root_cause is given but/],
  [
    { stage: 'deadlock', closed_at: '', closure_reason: '', root_cause: '', adr_letter_on: '' },
    /adr_letter_on is missing/,
  ],
  [{ first_expressed_at: '2026-01-01' }, /first_expressed_at is after received_at/],
  [{ attempt: '4' }, /attempt "4" is not 1, 2 or 3/],
  [
    { owner_email: 'nobody@test.redress' },
    /owner_email nobody@test.redress is not an active member of staff/,
  ],
  [{ external_id: 'T-5' }, /external_id T-5 is also on line 7/],
];

describeEachDialect('import', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { now: NOW });
  });
  afterAll(() => t?.close());

  // The 10,000 rows on SQLite; PostgreSQL runs the same code on a tenth of them (the same 20 bad rows),
  // which keeps the suite's time down without losing the dialect.
  const size = harness.dialect === 'sqlite' ? 10_000 : 1_000;
  const good = size - 20;
  it(`imports ${good.toLocaleString('en-GB')} of ${size.toLocaleString('en-GB')} rows, reports the 20 bad ones by line and reason, and nothing twice`, async () => {
    const rows: ImportCells[] = [];
    const badAt = new Map<number, RegExp>();
    for (let i = 0; i < size; i++) {
      const bad = i % (size / 20) === size / 40 ? BAD[badAt.size] : undefined;
      // Line numbers: the header is line 1, row i is line i + 2.
      if (bad) badAt.set(i + 2, bad[1]);
      rows.push(bad ? { ...goodRow(i), ...bad[0] } : goodRow(i));
    }
    let started = Date.now();
    const first = await importComplaints(t.ctx, csvOf(rows), { source: 'legacy' });
    console.log(`first import ${Date.now() - started} ms`);
    expect(first.rows).toBe(size);
    expect(first.rejected.map((r) => r.line)).toEqual([...badAt.keys()]);
    for (const r of first.rejected) expect(r.reasons.join('; ')).toMatch(badAt.get(r.line) as RegExp);
    expect(first.imported).toBe(good);
    const count = async (table: 'complaints' | 'customers' | 'imported_complaints') =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('complaints')).toBe(good);
    expect(await count('imported_complaints')).toBe(good);
    // Ten rows a customer: one record each.
    expect(await count('customers')).toBe(size / 10);

    started = Date.now();
    const second = await importComplaints(t.ctx, csvOf(rows), { source: 'legacy' });
    console.log(`second import ${Date.now() - started} ms`);
    expect(second).toMatchObject({ rows: size, imported: 0, alreadyImported: good });
    expect(second.rejected).toHaveLength(20);
    expect(await count('complaints')).toBe(good);
    expect(await count('customers')).toBe(size / 10);

    // On the dashboard in the months they were received, closed ones with their root cause.
    const { data: figures } = await t.typed('director').GET('/api/v1/insight', {
      params: { query: { from: '2025-01-01', to: '2025-12-31' } },
    });
    expect(figures?.received).toBe(good);
    const withCause = await t.db.kysely
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('root_cause', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(withCause.n)).toBeGreaterThan(good / 2);
    expect(figures?.rootCauses.recorded).toBe(Number(withCause.n));

    // A complaint as imported: closed with its root cause, in the year it was received, and its trail.
    const one = await t.db.kysely
      .selectFrom('imported_complaints as i')
      .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
      .select(['c.reference', 'c.stage', 'c.root_cause', 'c.received_at', 'c.closed_at', 'c.id'])
      .where('i.external_id', '=', 'T-1')
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      stage: 'closed',
      root_cause: 'billing-error',
      received_at: '2025-02-02T09:30:00.000Z',
    });
    expect(one.reference).toMatch(/^MISO-25-/);
    const trail = await t.as('agent').get(`/complaints/${one.reference}`);
    expect(trail.status).toBe(200);
    expect(trail.body.timeline.map((e: { type: string }) => e.type)).toContain('complaint-imported');
  }, 120_000);

  it('starts the ADR clock from when the customer first complained, sends no acknowledgement, and issues an owed ADR letter', async () => {
    const file = csvOf([
      // First complained 10 weeks ago, still open with no ADR letter: past its 6-week limit.
      {
        external_id: 'OLD-1',
        received_at: '2026-08-24 10:00',
        channel: 'phone',
        description: 'Broadband down',
        customer_name: 'Late Customer',
        customer_email: 'late@example.org',
      },
      // Received a week ago: its letter is due in five weeks.
      {
        external_id: 'NEW-1',
        received_at: '26/10/2026 09:00',
        channel: 'email',
        description: 'Wrong bill',
        customer_name: 'Recent Customer',
        stage: 'attempt-2',
        owner_email: 'reviewer@test.redress',
      },
    ]);
    const result = await importComplaints(t.ctx, file, { source: 'adr-clock' });
    expect(result).toMatchObject({ imported: 2, rejected: [] });
    const rows = await t.db.kysely
      .selectFrom('imported_complaints as i')
      .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
      .select([
        'i.external_id',
        'c.id',
        'c.reference',
        'c.adr_due_on',
        'c.adr_watch_on',
        'c.stage',
        'c.owner_id',
      ])
      .where('i.source', '=', 'adr-clock')
      .orderBy('i.external_id')
      .execute();
    expect(rows.map((r) => [r.external_id, r.adr_due_on, r.adr_watch_on, r.stage])).toEqual([
      ['NEW-1', '2026-12-07', '2026-12-07', 'attempt-2'],
      ['OLD-1', '2026-10-05', '2026-10-05', 'attempt-1'],
    ]);
    expect(rows[0]?.owner_id).toBe(t.users.reviewer.id);
    const jobs = await t.db.kysely
      .selectFrom('jobs')
      .select(['kind', 'payload', 'run_at'])
      .where('payload', 'like', `%${rows[1]?.id}%`)
      .execute();
    // No acknowledgement, no warning of a limit already passed: only the time-limit check, due now.
    expect(jobs.map((j) => j.kind)).toEqual(['adr-time-limit']);
    await sweepAdrClock(t.ctx);
    const old = await t.as('agent').get(`/complaints/${rows[1]?.reference}`);
    expect(old.body.adr.letters).toHaveLength(1);
    expect(old.body.adr.letters[0].trigger).toBe('time-limit');
    const recent = await t.as('agent').get(`/complaints/${rows[0]?.reference}`);
    expect(recent.body.adr.letters).toHaveLength(0);
  });

  it('reads a Zendesk export through the shipped mapping', async () => {
    const mapping = await readImportMapping('zendesk');
    if (!mapping.ok) throw new Error(mapping.problems.join('\n'));
    const columns = [
      'Id',
      'Subject',
      'Requester',
      'Requester id',
      'Requester email',
      'Status',
      'Via',
      'Created at',
      'Solved at',
      'Priority',
    ];
    const file = Readable.from([
      stringify(
        [
          [
            '101',
            'Charged twice',
            'Ann Zen',
            '9001',
            'ann@example.org',
            'Solved',
            'Mail',
            '2026-03-02 10:00',
            '2026-03-09 12:00',
            'normal',
          ],
          [
            '102',
            'No dial tone',
            'Ann Zen',
            '9001',
            'ann@example.org',
            'Open',
            'Phone call (incoming)',
            '2026-10-20 08:15',
            '',
            'high',
          ],
          [
            '103',
            'Fax broken',
            'Bo Zen',
            '9002',
            'bo@example.org',
            'Pending',
            'Fax',
            '2026-10-21 08:15',
            '',
            'low',
          ],
        ],
        { header: true, columns },
      ),
    ]);
    const result = await importComplaints(t.ctx, file, { mapping: mapping.mapping });
    expect(result.source).toBe('zendesk');
    expect(result.imported).toBe(2);
    expect(result.rejected).toEqual([
      { line: 4, externalId: '103', reasons: [expect.stringMatching(/channel "Fax"/)] },
    ]);
    const imported = await t.db.kysely
      .selectFrom('imported_complaints as i')
      .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
      .select(['i.external_id', 'c.stage', 'c.channel', 'c.closure_reason', 'c.customer_id'])
      .where('i.source', '=', 'zendesk')
      .orderBy('i.external_id')
      .execute();
    expect(imported.map((r) => [r.external_id, r.stage, r.channel, r.closure_reason])).toEqual([
      ['101', 'closed', 'email', 'resolved'],
      ['102', 'attempt-1', 'phone', null],
    ]);
    expect(imported[0]?.customer_id).toBe(imported[1]?.customer_id);
  });

  it('writes nothing on a dry run, and refuses a file without the columns it needs', async () => {
    const before = await t.db.kysely
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const dry = await importComplaints(t.ctx, csvOf([goodRow(20_001)]), { source: 'dry', dryRun: true });
    expect(dry).toMatchObject({ imported: 1, dryRun: true });
    const after = await t.db.kysely
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await expect(
      importComplaints(t.ctx, csvOf([{ external_id: '1' }], ['external_id', 'channel']), { source: 'x' }),
    ).rejects.toThrow(/no column received_at, description, customer_name/);
  });
});
