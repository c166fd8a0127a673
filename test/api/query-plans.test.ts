/**
 * The SQL and query plan of every list, count and sweep, on a database where most complaints are closed (as at
 * a national provider), kept as snapshots beside this file — in the spirit of immich's generated-SQL files: a
 * change to a query or an index shows up in review as a change to its plan. The test fails when a query reads
 * the whole of `complaints`, `attempts`, `audit_events` or `jobs` (a full table scan) instead of an index.
 *
 * The queries are captured from the use cases themselves (a Kysely plugin compiles each query they run), so a
 * query added to a queue or sweep is planned here without being listed.
 */

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anchorAuditTrail } from '../../src/app/anchor-audit-trail.ts';
import { auditAdrLetters } from '../../src/app/audit-adr-letters.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createImprovement } from '../../src/app/create-improvement.ts';
import { complaintExportPages } from '../../src/app/export-complaints.ts';
import { getComplaint } from '../../src/app/get-complaint.ts';
import { getImprovement } from '../../src/app/get-improvement.ts';
import { listComplaintImprovements } from '../../src/app/list-complaint-improvements.ts';
import { listComplaints } from '../../src/app/list-complaints.ts';
import { listImprovements } from '../../src/app/list-improvements.ts';
import { listImprovementsDone } from '../../src/app/list-improvements-done.ts';
import { pruneDoneJobs } from '../../src/app/prune-done-jobs.ts';
import { purgePersonalData } from '../../src/app/purge-personal-data.ts';
import { listQueues, QUEUE_IDS } from '../../src/app/queues.ts';
import { readInsight } from '../../src/app/read-insight.ts';
import { readOperationalGauges } from '../../src/app/read-operational-gauges.ts';
import { summariseImprovements } from '../../src/app/summarise-improvements.ts';
import { sweepAdrClock } from '../../src/app/sweep-adr-clock.ts';
import { getWorkload } from '../../src/app/workload.ts';
import { findCustomerAdrLettersOwed } from '../../src/db/complaints.ts';
import type { Dialect } from '../../src/db/database.ts';
import { findClosedWithRootCause } from '../../src/db/improvements.ts';
import { rebuildInsight } from '../../src/db/insight-rebuild.ts';
import { claimDue } from '../../src/db/jobs.ts';
import { listSystemAuditEventsAbout } from '../../src/db/personal-data.ts';
import { phoneComplaint, STAFF, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import {
  seedDoneJobs,
  seedSyntheticCorrespondence,
  seedSyntheticHistory,
} from '../support/synthetic-history.ts';

/** Synthetic complaints beside the real ones: 1 in 10 open, like a provider's history. */
const SYNTHETIC = 20_000;
const SYNTHETIC_JOBS = 20_000;
/** Tables that grow with the complaints: never read whole to answer a screen or a sweep. */
const BIG_TABLES = [
  'complaints',
  'customers',
  'attempts',
  'steps',
  'adr_letters',
  'remedies',
  'satisfaction_surveys',
  'contacts',
  'notes',
  'emails',
  'documents',
  'uploads',
  'audit_events',
  'jobs',
  'insight_facts',
  'insight_totals',
  'insight_owner_totals',
  'insight_rollups',
  'insight_owner_daily',
  'insight_owner_rollups',
];

class CaptureQueries implements KyselyPlugin {
  readonly captured = new Map<string, { sql: string; parameters: readonly unknown[] }>();
  constructor(
    private readonly compile: (node: RootOperationNode) => { sql: string; parameters: readonly unknown[] },
  ) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const compiled = this.compile(args.node);
    const key = oneList(compiled.sql);
    if (!this.captured.has(key)) this.captured.set(key, compiled);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describeEachDialect('query plans', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    // Real complaints of every kind, so each query has rows of its shape.
    const agent = t.as('agent');
    for (let i = 0; i < 6; i++) {
      const res = await agent.post('/complaints', phoneComplaint({ description: `Broadband fault ${i}` }));
      expect(res.status).toBe(201);
    }
    await seedHistory(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('answers every queue, count, sweep and audit from an index', async () => {
    const kysely = t.db.kysely;
    const capture = new CaptureQueries((node) =>
      kysely.getExecutor().compileQuery(node, { queryId: '' } as never),
    );
    const ctx: AppContext = { ...t.ctx, db: { ...t.ctx.db, kysely: kysely.withPlugin(capture) } };
    const director = { id: t.users.director.id, roles: [...STAFF.director] };

    await listQueues(ctx, director);
    for (const queue of QUEUE_IDS) {
      const first = await listComplaints(ctx, { queue, limit: 2 }, t.users.agent.id);
      if (first.nextCursor)
        await listComplaints(ctx, { queue, limit: 2, cursor: first.nextCursor }, t.users.agent.id);
    }
    await listComplaints(ctx, { category: ['billing'], open: true }, director.id);
    await listComplaints(ctx, { owner: t.users.agent.id, stage: ['attempt-2'] }, director.id);
    await listComplaints(ctx, { text: 'broadband' }, director.id);
    // The CSV export: two keyset pages of the closed history (it reads on to the end the same way).
    let exported = 0;
    for await (const _ of complaintExportPages(ctx, { open: false }, director.id, 2))
      if (++exported >= 2) break;
    await sweepAdrClock(ctx);
    await auditAdrLetters(ctx);
    await getWorkload(ctx);
    // The letters a customer's complaints owe once their type changed: their own complaints, by index.
    const customer = await kysely.selectFrom('customers').select('id').executeTakeFirstOrThrow();
    await findCustomerAdrLettersOwed(ctx.db.kysely, customer.id, '2026-11-02');
    // A customer's events on the system chain (erasure, subject access, the purge): by their index.
    await listSystemAuditEventsAbout(ctx.db.kysely, customer.id);
    await readInsight(ctx, { from: '2025-11-01', to: '2026-10-31' });
    await readInsight(ctx, {
      from: '2026-09-01',
      to: '2026-10-31',
      categories: ['billing'],
      channels: ['phone'],
    });
    await readInsight(ctx, { from: '2025-11-01', to: '2026-10-31', ownerId: t.users.agent.id });
    // Whole months, then whole weeks at the edges, from the rollups, the days left over from the daily
    // totals; a year filtered by customer type and stage reached (each value's rollups); 13 weeks by week.
    await readInsight(ctx, { from: '2025-11-15', to: '2026-10-20', categories: ['billing'] });
    await readInsight(ctx, { from: '2025-11-01', to: '2026-10-31', customerTypes: ['residential'] });
    await readInsight(ctx, {
      from: '2025-11-03',
      to: '2026-11-02',
      customerTypes: ['residential'],
      stagesReached: ['attempt-2', 'attempt-3', 'deadlock'],
    });
    await readInsight(ctx, { from: '2026-08-03', to: '2026-11-01' });
    const real = await kysely
      .selectFrom('complaints')
      .select('reference')
      .where('id', 'not like', 'syn-%')
      .executeTakeFirstOrThrow();
    await getComplaint(ctx, real.reference, { kind: 'staff', ...director });
    await listComplaints(ctx, { text: real.reference.slice(0, 9) }, director.id);
    await listComplaints(ctx, { text: 'broadband', sort: 'received' }, director.id);
    await claimDue(ctx.db.kysely, { owner: 'plans', now: t.now(), limit: 10, leaseMs: 60_000 });
    await pruneDoneJobs(ctx, { retentionDays: 30, maxBatches: 1 });
    await readOperationalGauges(ctx);
    await anchorAuditTrail(ctx);
    // The retention purge's candidates: a range of complaints_retention_idx (a dry run writes nothing).
    await purgePersonalData(ctx, { dryRun: true });
    // The improvement log: its list (each filter's index), an item, a complaint's items, the counts. Its
    // complaint is another than the one read above, whose plan its audit events would change.
    const [, other] = await kysely
      .selectFrom('complaints')
      .select('reference')
      .where('id', 'not like', 'syn-%')
      .orderBy('reference')
      .limit(2)
      .execute();
    if (!other) throw new Error('no second complaint');
    const item = await createImprovement(
      t.ctx,
      { kind: 'staff', ...director },
      {
        title: 'Plans',
        description: 'An item for the plans',
        ownerId: director.id,
        dueOn: '2026-12-01',
        source: 'complaint',
        sourceComplaint: other.reference,
      },
    );
    const page = await listImprovements(ctx, { limit: 1 });
    await listImprovements(ctx, { limit: 1, cursor: page.nextCursor ?? undefined });
    await listImprovements(ctx, { status: ['open'] });
    await listImprovements(ctx, { owner: director.id });
    await listImprovements(ctx, { rootCause: 'billing-error' });
    await listImprovements(ctx, { overdue: true, sort: 'due' });
    await getImprovement(ctx, item.reference);
    await listComplaintImprovements(ctx, other.reference);
    // An item raised from a root cause links the newest complaints closed with it in the period.
    await findClosedWithRootCause(
      ctx.db.kysely,
      ['billing-error'],
      { fromAt: '2025-11-01T00:00:00.000Z', toAt: '2026-11-01T00:00:00.000Z' },
      200,
    );
    await summariseImprovements(ctx);
    await listImprovementsDone(ctx, '2026-11');

    const dialect = harness.dialect;
    // PostgreSQL chooses between index-only, index and bitmap scans by the visibility map and the statistics,
    // which the writes above (sweep, claim, prune, anchor) and autovacuum change: so whether autovacuum had
    // run decided the plans, and the snapshot differed from run to run. VACUUM ANALYZE now, after the last
    // write, puts the tables in the state autovacuum keeps them in, the same every run.
    // The insight totals are written in the order of the complaints' random ids, so how well their physical
    // order follows the key (the `correlation` statistic) differed from run to run, and with it the choice
    // between an index scan and a bitmap scan and sort for a filtered year: laid out along the key first.
    if (dialect === 'postgres') {
      await sql`cluster insight_totals using insight_totals_pk`.execute(kysely);
      await sql`cluster insight_rollups using insight_rollups_pk`.execute(kysely);
      await sql`cluster insight_owner_daily using insight_owner_daily_pk`.execute(kysely);
      await sql`cluster insight_owner_rollups using insight_owner_rollups_pk`.execute(kysely);
      await sql`vacuum analyze`.execute(kysely);
    }
    const sections: string[] = [];
    const scans: string[] = [];
    for (const query of capture.captured.values()) {
      if (!/^\s*(select|with)/i.test(query.sql)) continue;
      const plan = await explain(t, dialect, query);
      const text = oneList(query.sql);
      sections.push(`## ${summary(text)}\n\n\`\`\`sql\n${text}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`);
      for (const table of fullScans(dialect, query.sql, plan)) scans.push(`${table} in: ${query.sql}`);
    }
    sections.sort();
    await expect(
      `# Query plans (${dialect})\n\nGenerated by test/api/query-plans.test.ts: run it with \`-u\` to update.\n\n${sections.join('\n')}`,
    ).toMatchFileSnapshot(`./query-plans/${dialect}.md`);
    expect(scans).toEqual([]);
  }, 120_000);
});

/** A list of values is one query however long it is (a page's ids). */
function oneList(text: string): string {
  return text.replace(/ in \((?:\?|\$\d+)(?:, (?:\?|\$\d+))*\)/g, ' in (…)');
}

/** A first line for the query's section: the tables it reads and what it does. */
function summary(text: string): string {
  const tables = [...new Set([...text.matchAll(/(?:from|join) "(\w+)"/g)].map((m) => m[1]))];
  const kind = /count\(\*\)/i.test(text) ? 'count' : 'select';
  return `${kind} ${tables.join(', ')} — ${text.replace(/\s+/g, ' ').slice(0, 90)}`;
}

async function explain(t: TestApi, dialect: Dialect, query: { sql: string; parameters: readonly unknown[] }) {
  const kysely = t.db.kysely;
  if (dialect === 'sqlite') {
    const { rows } = await kysely.executeQuery<{ id: number; parent: number; detail: string }>({
      sql: `explain query plan ${query.sql}`,
      parameters: query.parameters,
      query: { kind: 'RawNode' } as never,
      queryId: { queryId: '' } as never,
    });
    const depth = new Map<number, number>();
    return rows
      .map((r) => {
        const d = (depth.get(r.parent) ?? -1) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      })
      .join('\n');
  }
  // With sequential scans priced out, PostgreSQL still scans only where no index can answer: what this test
  // is about (on a test-sized table it would rightly prefer a scan to an index anyway).
  const rows = await kysely.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>({
      sql: `explain (costs off) ${query.sql}`,
      parameters: query.parameters,
      query: { kind: 'RawNode' } as never,
      queryId: { queryId: '' } as never,
    });
    return result.rows;
  });
  // PostgreSQL plans for the values given: name them by placeholder, as ids differ from run to run.
  return (
    query.parameters
      .reduce<string>(
        (plan, value, i) => (typeof value === 'string' ? plan.replaceAll(`'${value}'`, `$${i + 1}`) : plan),
        rows.map((r) => r['QUERY PLAN']).join('\n'),
      )
      .replace(/'\{[^}]*\}'::text\[\]/g, "'{…}'::text[]")
      // The planner writes a join's equality either way round from run to run: one way, for the snapshot.
      .replace(/\(([\w.]+) = ([\w.]+)\)/g, (_, a: string, b: string) =>
        a < b ? `(${a} = ${b})` : `(${b} = ${a})`,
      )
  );
}

/** The big tables the plan reads whole: SQLite's `SCAN t` without an index, PostgreSQL's `Seq Scan on t`. */
function fullScans(dialect: Dialect, text: string, plan: string): string[] {
  const names = new Map<string, string>();
  for (const table of BIG_TABLES) {
    names.set(table, table);
    for (const m of text.matchAll(new RegExp(`"${table}" as "(\\w+)"`, 'g'))) names.set(m[1] ?? table, table);
  }
  const found: string[] = [];
  for (const line of plan.split('\n')) {
    const m =
      dialect === 'sqlite'
        ? /^\s*SCAN (\w+)(?! USING)\s*$/.exec(line)
        : /Seq Scan on (\w+)(?: (\w+))?/.exec(line);
    if (!m) continue;
    const name = dialect === 'sqlite' ? m[1] : (m[2] ?? m[1]);
    const table = names.get(name ?? '') ?? (BIG_TABLES.includes(m[1] ?? '') ? m[1] : undefined);
    if (table) found.push(table);
  }
  return found;
}

/** The synthetic history, then statistics for the planner. */
async function seedHistory(t: TestApi) {
  const db = t.db.kysely;
  const customer = await db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
  const owners = [t.users.agent.id, t.users.agent2.id, t.users.reviewer.id, t.users.director.id];
  await seedSyntheticHistory(db, {
    from: 1,
    to: SYNTHETIC,
    customerId: customer.id,
    owners,
    procedure: t.ctx.procedure,
  });
  await seedSyntheticCorrespondence(db, { from: 1, to: SYNTHETIC, every: 10 });
  await seedDoneJobs(db, SYNTHETIC_JOBS);
  // The history is written by SQL, past the change path: its insight facts as the migration makes them.
  await rebuildInsight(db);
  await sql`analyze`.execute(db);
}
