import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { startApi, type TestApi } from '../../test/support/api.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { complaintAt } from '../../test/support/factories.ts';
import { seedSyntheticHistory } from '../../test/support/synthetic-history.ts';
import type { Db } from './database.ts';
import { keepStatistics } from './statistics.ts';

/** Complaints `syn-<from>`…`syn-<to>` of the first complaint's customer. */
async function addComplaints(t: TestApi, from: number, to: number) {
  const customer = await t.db.kysely.selectFrom('customers').select('id').executeTakeFirstOrThrow();
  await seedSyntheticHistory(t.db.kysely, {
    from,
    to,
    customerId: customer.id,
    owners: [t.users.agent.id, t.users.reviewer.id],
    procedure: t.ctx.procedure,
  });
}

async function complaintStatistics(db: Db) {
  const { rows } = await sql<{ idx: string; stat: string }>`
    select idx, stat from sqlite_stat1 where tbl = 'complaints' order by idx
  `.execute(db.kysely);
  return rows;
}

async function schemaVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ schema_version: number }>`pragma schema_version`.execute(db.kysely);
  return Number(rows[0]?.schema_version);
}

describeEachDialect('planner statistics', (harness) => {
  let t: TestApi | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  if (harness.dialect === 'postgres') {
    it('leaves PostgreSQL to autovacuum: nothing is analyzed', async () => {
      t = await startApi(harness);
      await complaintAt(t, { at: 'attempt-1' });
      await addComplaints(t, 1, 300);
      expect(await keepStatistics(t.db)).toEqual({ analyzed: [], changed: false });
      const { rows } = await sql<{ analyzed: number }>`
        select analyze_count as analyzed from pg_stat_user_tables where relname = 'complaints'
      `.execute(t.db.kysely);
      expect(rows).toEqual([{ analyzed: 0 }]);
    });
    return;
  }

  it("on SQLite, analyzes the complaints' indexes once they have rows, then only when grown tenfold", async () => {
    t = await startApi(harness);
    await complaintAt(t, { at: 'attempt-1' });
    await addComplaints(t, 1, 300);
    expect(await complaintStatistics(t.db).catch(() => [])).toEqual([]);

    const first = await keepStatistics(t.db);
    expect(first).toMatchObject({ analyzed: expect.arrayContaining(['complaints']), changed: true });
    const indexes = await sql<{ name: string }>`
      select name from sqlite_schema where type = 'index' and tbl_name = 'complaints' and sql not like '% where %'
    `.execute(t.db.kysely);
    const analyzed = (await complaintStatistics(t.db)).map((row) => row.idx);
    // Every index over all the complaints (a partial one has rows only when some complaint matches it).
    for (const { name } of indexes.rows) expect(analyzed).toContain(name);
    expect(
      (await complaintStatistics(t.db)).find((r) => r.idx === 'complaints_stage_received_id_idx'),
    ).toMatchObject({ stat: expect.stringMatching(/^301 /) });

    // Current: the hourly run changes nothing, and leaves every connection's prepared statements alone.
    const version = await schemaVersion(t.db);
    expect((await keepStatistics(t.db)).changed).toBe(false);
    expect(await schemaVersion(t.db)).toBe(version);

    // Tenfold: analyzed again, and the schema changed so that every other connection (the reader threads,
    // another process) reloads the statistics, which ANALYZE alone would not make it do.
    await addComplaints(t, 301, 3300);
    expect(await keepStatistics(t.db)).toMatchObject({
      analyzed: expect.arrayContaining(['complaints']),
      changed: true,
    });
    expect(
      (await complaintStatistics(t.db)).find((r) => r.idx === 'complaints_stage_received_id_idx'),
    ).toMatchObject({ stat: expect.stringMatching(/^3301 /) });
    expect(await schemaVersion(t.db)).toBeGreaterThan(version);
  });
});
