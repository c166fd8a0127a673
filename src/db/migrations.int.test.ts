import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runContenders } from '../../test/support/contenders.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { BACKUP_TABLES, tableKey } from './backup-tables.ts';
import type { Db } from './database.ts';
import { migrate, migrateTo } from './migrations/index.ts';

/** Every migration, in the order they run: written out, so a new one is a change to this test too. */
const ALL = [
  '0001-complaints',
  '0002-auth',
  '0003-infrastructure',
  '0004-portal',
  '0005-mail',
  '0006-documents',
  '0007-routing',
  '0008-uploads',
  '0009-customers',
  '0010-templates',
  '0011-staff-files',
  '0012-job-pruning',
  '0013-upload-customer',
  '0014-open-work',
  '0015-audit-chains',
  '0016-documents-out',
  '0017-search',
  '0018-process-heartbeats',
  '0019-screen-indexes',
  '0020-insight-records',
  '0022-improvements',
  '0023-imports',
  '0024-insight-facts',
  '0025-insight-panels',
  '0026-insight-month-totals',
  '0027-audit-keys',
  '0028-sessions-and-sso',
  '0029-access',
  '0030-privacy',
  '0031-team-counts',
  '0032-second-factor',
  '0033-insight-rollups',
  '0034-audit-user-chains',
  '0035-insight-owner-totals',
  '0036-audit-customer-events',
];

const TABLES = [
  'adr_letters',
  'api_tokens',
  'attempts',
  'audit_anchor_heads',
  'audit_anchors',
  'audit_chains',
  'audit_checkpoints',
  'audit_customer_events',
  'audit_events',
  'complaints',
  'contacts',
  'customers',
  'documents',
  'email_attachments',
  'emails',
  'idempotency_keys',
  'imported_complaints',
  'improvement_complaints',
  'improvements',
  'insight_facts',
  'insight_owner_daily',
  'insight_owner_rollups',
  'insight_owner_totals',
  'insight_rollups',
  'insight_totals',
  'jobs',
  'notes',
  'pending_sign_ins',
  'portal_links',
  'portal_sessions',
  'process_heartbeats',
  'rate_limit_hits',
  'remedies',
  'satisfaction_surveys',
  'sequences',
  'sessions',
  'sign_in_failures',
  'staff_recovery_codes',
  'staff_second_factors',
  'steps',
  'templates',
  'uploads',
  'users',
];

describeEachDialect('migrations', (t) => {
  it('create every table on an empty database, and running them again does nothing', async () => {
    const db = await t.emptyDb();
    const first = await migrate(db);
    expect(first.ran).toEqual(ALL);
    const second = await migrate(db);
    expect(second.ran).toEqual([]);
    // SQLite's full-text index is virtual tables (and their shadow tables), not part of the schema proper.
    const tables = (await db.kysely.introspection.getTables())
      .map((table) => table.name)
      .filter((name) => !/^complaint_(words|ids)/.test(name))
      .sort();
    expect(tables).toEqual(TABLES);
  });

  it('leave every table a unique key that `redress backup` pages it by (a key that is not unique skips rows)', async () => {
    const db = await t.emptyDb();
    await migrate(db);
    const keys = await uniqueKeys(db);
    for (const table of BACKUP_TABLES) {
      expect({ table, unique: keys.get(table)?.includes(tableKey(table).join(',')) }).toEqual({
        table,
        unique: true,
      });
    }
  });

  it('are safe to start from several processes at once: one runs them, the others find nothing to do', async () => {
    const db = await t.emptyDb();
    const ran = await runContenders<string[]>(3, { kind: 'migrate', options: db.options, at: '' });
    expect(ran.flat().sort()).toEqual(ALL);
    expect(ran.filter((r) => r.length > 0)).toHaveLength(1);
  });

  it('keep every free-text root cause (0020): a label becomes its code, other words go to the lessons under `other`', async () => {
    const db = await t.emptyDb();
    await migrateTo(db, '0019-screen-indexes');
    const at = '2026-05-01T09:00:00.000Z';
    await db.kysely
      .insertInto('customers')
      .values({ id: 'c1', name: 'A Customer', type: 'residential', created_at: at, updated_at: at } as never)
      .execute();
    const closed = (id: string, rootCause: string | null, lessons: string | null, decision?: unknown) =>
      db.kysely
        .insertInto('complaints')
        .values({
          id,
          reference: `MISO-2026-00000${id.slice(1)}`,
          customer_id: 'c1',
          channel: 'phone',
          category: 'billing',
          description: 'Charged twice',
          desired_outcome: null,
          formal: 1,
          first_expressed_at: at,
          received_at: at,
          acknowledge_by: '2026-05-06',
          stage: 'closed',
          owner_id: null,
          version: 9,
          adr_due_on: '2026-06-12',
          closure_reason: 'resolved',
          closed_at: at,
          root_cause: rootCause,
          lessons,
          scheme_case_reference: decision ? 'CO-1' : null,
          referred_on: decision ? '2026-06-20' : null,
          case_fee_pence: null,
          referral_decision: decision ? JSON.stringify(decision) : null,
          created_at: at,
          updated_at: at,
        } as never)
        .execute();
    await closed('k1', 'Duplicate billing run', 'Check the runs');
    await closed('k2', ' Billing Error ', null);
    await closed('k3', 'Engineer never came', null);
    await closed('k4', null, null, {
      outcome: 'upheld',
      decidedOn: '2026-07-01',
      remedy: { apology: true, explanation: false, action: 'Fix the bill', awardPence: 5_000 },
      customerAccepted: true,
      remedyDueOn: '2026-07-29',
    });
    await migrate(db);
    const rows = await db.kysely
      .selectFrom('complaints')
      .select(['id', 'root_cause', 'lessons'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'k1',
        root_cause: 'other',
        lessons: 'Root cause as first recorded: Duplicate billing run\n\nCheck the runs',
      },
      { id: 'k2', root_cause: 'billing-error', lessons: null },
      { id: 'k3', root_cause: 'other', lessons: 'Root cause as first recorded: Engineer never came' },
      { id: 'k4', root_cause: null, lessons: null },
    ]);
    const remedies = await db.kysely
      .selectFrom('remedies')
      .select(['complaint_id', 'source', 'type', 'amount_pence', 'accepted_at'])
      .orderBy('type')
      .execute();
    expect(remedies).toEqual([
      {
        complaint_id: 'k4',
        source: 'ombudsman',
        type: 'apology',
        amount_pence: null,
        accepted_at: '2026-07-01T12:00:00.000Z',
      },
      {
        complaint_id: 'k4',
        source: 'ombudsman',
        type: 'goodwill',
        amount_pence: 5_000,
        accepted_at: '2026-07-01T12:00:00.000Z',
      },
      {
        complaint_id: 'k4',
        source: 'ombudsman',
        type: 'practical-action',
        amount_pence: null,
        accepted_at: '2026-07-01T12:00:00.000Z',
      },
    ]);
    const customer = await db.kysely.selectFrom('customers').select('contact_opt_out').executeTakeFirst();
    expect(Number(customer?.contact_opt_out)).toBe(0);
  });

  it("index the system chain's events by the customers they name (0036), and only those", async () => {
    const db = await t.emptyDb();
    await migrateTo(db, '0035-insight-owner-totals');
    const at = '2026-05-01T09:00:00.000Z';
    const row = (id: string, payload: unknown, where: { complaint?: string; chain?: string } = {}) => ({
      id,
      complaint_id: where.complaint ?? null,
      type: 'event',
      actor: 'system',
      at,
      payload: JSON.stringify(payload),
      prev_hash: 'x',
      hash: `h-${id}`,
      chain_seq: 1,
      chain_id: where.chain ?? null,
      key_id: null,
    });
    // Raw rows (the chain's hashes are not what is tested): the system chain's, a staff chain's, a complaint's.
    await db.kysely
      .insertInto('audit_events')
      .values([
        row('e1', { customerId: 'c1', changes: { name: { from: 'A', to: 'B' } } }),
        row('e2', { mergedCustomerId: 'c2', intoCustomerId: 'c3', complaints: ['MISO-1'] }),
        row('e3', { templateIds: ['t1'] }),
        row('e4', { customerId: 'c1' }, { chain: 'user:u1' }),
        row('e5', { customerId: 'c1' }),
      ] as never)
      .execute();
    await migrate(db);
    const seqOf = new Map(
      (await db.kysely.selectFrom('audit_events').select(['id', 'seq']).execute()).map((r) => [
        r.id,
        Number(r.seq),
      ]),
    );
    const named = await db.kysely
      .selectFrom('audit_customer_events')
      .select(['customer_id', 'seq'])
      .orderBy('customer_id')
      .orderBy('seq')
      .execute();
    expect(named.map((r) => [r.customer_id, Number(r.seq)])).toEqual([
      ['c1', seqOf.get('e1')],
      ['c1', seqOf.get('e5')],
      ['c2', seqOf.get('e2')],
      ['c3', seqOf.get('e2')],
    ]);
  });

  describe('constraints', () => {
    it('allow only one time-limit ADR letter per complaint, but a deadlock letter beside it', async () => {
      const db = await t.freshDb();
      const at = '2026-05-01T09:00:00.000Z';
      await db.kysely
        .insertInto('customers')
        .values({
          id: 'c1',
          name: 'A Customer',
          type: 'residential',
          created_at: at,
          updated_at: at,
        } as never)
        .execute();
      await db.kysely
        .insertInto('complaints')
        .values({
          id: 'k1',
          reference: 'MISO-2026-000001',
          customer_id: 'c1',
          channel: 'phone',
          category: 'billing',
          description: 'Charged twice',
          desired_outcome: null,
          formal: 1,
          first_expressed_at: at,
          received_at: at,
          acknowledge_by: '2026-05-06',
          stage: 'attempt-1',
          owner_id: null,
          version: 1,
          adr_due_on: '2026-06-12',
          closure_reason: null,
          closed_at: null,
          root_cause: null,
          lessons: null,
          scheme_case_reference: null,
          referred_on: null,
          case_fee_pence: null,
          referral_decision: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const letter = (id: string, trigger: string) =>
        db.kysely
          .insertInto('adr_letters')
          .values({
            id,
            complaint_id: 'k1',
            trigger,
            issued_at: at,
            issued_on: '2026-06-12',
            window_ends_on: '2027-06-12',
          })
          .execute();
      await letter('l1', 'time-limit');
      await expect(letter('l2', 'time-limit')).rejects.toThrow(/unique/i);
      await letter('l3', 'deadlock');
      const count = await sql<{ n: number }>`select count(*) as n from adr_letters`.execute(db.kysely);
      expect(Number(count.rows[0]?.n)).toBe(2);
    });

    it('keep user emails lower-case', async () => {
      const db = await t.freshDb();
      const user = (id: string, email: string) =>
        db.kysely
          .insertInto('users')
          .values({
            id,
            email,
            name: 'N',
            roles: '["agent"]',
            password_hash: null,
            active: 1,
            created_at: 'x',
            must_change_password: 0,
          })
          .execute();
      await user('u1', 'ann@example.com');
      await expect(user('u2', 'Bob@example.com')).rejects.toThrow(/check/i);
      await expect(user('u3', 'ann@example.com')).rejects.toThrow(/unique/i);
    });
  });
});

/** Each table's primary key and unique indexes, as comma-joined column lists in their order. */
async function uniqueKeys(db: Db): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  const add = (table: string, columns: string) => keys.set(table, [...(keys.get(table) ?? []), columns]);
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ table: string; columns: string }>`
      select c.relname as table,
        string_agg(a.attname, ',' order by array_position(i.indkey::int2[], a.attnum)) as columns
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indisunique and i.indpred is null
      group by c.relname, i.indexrelid
    `.execute(db.kysely);
    for (const r of rows) add(r.table, r.columns);
    return keys;
  }
  for (const table of BACKUP_TABLES) {
    const pk = await sql<{ name: string }>`
      select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db.kysely);
    if (pk.rows.length > 0) add(table, pk.rows.map((r) => r.name).join(','));
    const indexes = await sql<{ name: string }>`
      select name from pragma_index_list(${table}) where "unique" = 1 and partial = 0`.execute(db.kysely);
    for (const index of indexes.rows) {
      const columns = await sql<{ name: string }>`
        select name from pragma_index_info(${index.name}) order by seqno`.execute(db.kysely);
      add(table, columns.rows.map((r) => r.name).join(','));
    }
  }
  return keys;
}
