import { type Compilable, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import type { Db } from './database.ts';
import { claimDue, complete, enqueue } from './jobs.ts';
import { adrLettersDueQuery, jobBacklog, jobBacklogQuery } from './operational-gauges.ts';

const T0 = new Date('2026-05-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** The plan of a query as the database would run it (PostgreSQL told not to prefer a scan of a tiny table). */
async function planOf(db: Db, query: Compilable): Promise<string> {
  const compiled = query.compile();
  if (db.dialect === 'sqlite') {
    const result = await db.kysely.executeQuery<{ detail: string }>({
      ...compiled,
      sql: `explain query plan ${compiled.sql}`,
    });
    return result.rows.map((r) => r.detail).join('\n');
  }
  return db.kysely.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>({
      ...compiled,
      sql: `explain ${compiled.sql}`,
    });
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describeEachDialect('operational gauges', (t) => {
  it('count due, running and failed jobs by kind, leaving out done jobs and timers not yet due', async () => {
    const db = await t.freshDb();
    await enqueue(db.kysely, { kind: 'email', payload: 1, runAt: at(-60_000) }, T0);
    await enqueue(db.kysely, { kind: 'email', payload: 2, runAt: at(-30_000) }, T0);
    await enqueue(db.kysely, { kind: 'email', payload: 3, runAt: at(3_600_000) }, T0);
    await enqueue(db.kysely, { kind: 'timer', payload: null, runAt: at(-1000) }, T0);
    const [running] = await claimDue(db, {
      owner: 'w',
      now: T0,
      limit: 1,
      leaseMs: 60_000,
      kinds: ['timer'],
    });
    await enqueue(db.kysely, { kind: 'done', payload: null, runAt: T0 }, T0);
    const [done] = await claimDue(db, { owner: 'w', now: T0, limit: 1, leaseMs: 60_000, kinds: ['done'] });
    if (done) await complete(db, done, T0);
    expect(running?.kind).toBe('timer');

    const rows = await jobBacklog(db.kysely, T0);
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'email', status: 'pending', count: 2, oldestRunAt: at(-60_000).toISOString() },
      { kind: 'timer', status: 'running', count: 1, oldestRunAt: at(-1000).toISOString() },
    ]);
  });

  it('read the job backlog and the ADR letters due from indexes, never a table scan', async () => {
    const db = await t.freshDb();
    const jobs = await planOf(db, jobBacklogQuery(db.kysely, T0));
    const adr = await planOf(db, adrLettersDueQuery(db.kysely, '2026-05-01', '2026-05-08'));
    if (t.dialect === 'sqlite') {
      expect(jobs).toMatch(/INDEX jobs_due_idx/);
      expect(jobs).not.toMatch(/SCAN jobs(?! USING)/);
      expect(adr).toMatch(
        /SEARCH c USING COVERING INDEX complaints_adr_watch_idx \(adr_watch_on>\? AND adr_watch_on<\?\)/,
      );
    } else {
      // On an empty table either (status, …) index is as cheap; with rows, run_at makes jobs_due_idx win.
      expect(jobs).toMatch(/Index (Only )?Scan (on|using) jobs_(due|completed)_idx/);
      expect(adr).toMatch(/complaints_adr_watch_idx/);
    }
    expect(`${jobs}\n${adr}`).not.toMatch(/Seq Scan on jobs|Seq Scan on complaints/);
  });
});
