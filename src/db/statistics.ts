/**
 * The query planner's statistics, kept current: `serve` at start and then hourly (the worker's
 * housekeeping), and `redress migrate` after a migration.
 *
 * SQLite plans from `sqlite_stat1`, which only ANALYZE writes, and nothing else runs ANALYZE: without it the
 * menu's counts took 883 ms at a million complaints instead of 17 (docs/PERFORMANCE.md, "Planner
 * statistics"): every index looked alike, and the small partial indexes over open complaints lost to the big
 * ones. `PRAGMA optimize=0x10002`
 * analyzes only the tables that need it (indexes never analyzed, or the table grown or shrunk tenfold since),
 * checking every table rather than only those this connection has queried (the writer's reads mostly go to
 * the reader threads). When nothing needs it, it costs a millisecond or two.
 *
 * Whole indexes, not a sample (`analysis_limit` 0). A sample of 1,000 entries per index was 2.7× quicker from
 * nothing at a million complaints (0.96 s against 2.6 s: ANALYZE counts every index's entries either way)
 * but judged a leading column with few values (stage, owner) from its first 1,000 entries, so the big stage
 * and owner indexes looked as selective as the partial ones: the menu took 95 ms instead of 17, and the
 * query-plan snapshot test, run on sampled statistics, found the ADR audit scanning customers. The cost of whole indexes
 * is paid when a table is first analyzed or has grown tenfold: at start (before the port opens) on a database
 * that has never been analyzed, and otherwise rarely, in an hourly run, where it holds the writer and the event
 * loop for as long as that one table takes (about 0.1 s per million index entries here).
 *
 * ANALYZE loads the new statistics into its own connection only, and changes the schema (which makes other
 * connections reload them) only when it creates `sqlite_stat1`. So when re-analysing changed them, a table is
 * created and dropped: every other connection — the reader threads, other `redress` processes — reloads the
 * schema, and the statistics with it, at its next statement, and re-prepares its cached statements.
 *
 * PostgreSQL: autovacuum's auto-analyze keeps `pg_statistic` current by itself (a table is analyzed once a
 * tenth of it has changed), so nothing is done here.
 */
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface StatisticsOptions {
  /**
   * Index entries ANALYZE reads per index: 0 (the default) for all of them. A sample is quicker but misleads
   * the planner on this schema (above); `npm run bench -- --screens N --analysis-limit L` measures one.
   */
  analysisLimit?: number | undefined;
}

export interface StatisticsKept {
  /** The tables analyzed now (none when the statistics were current, and always none on PostgreSQL). */
  analyzed: string[];
  /**
   * Whether the statistics changed. An empty table is analyzed at every run (it leaves no statistics, so it
   * always looks unanalyzed), which changes nothing.
   */
  changed: boolean;
}

/** Brings the planner's statistics up to date where they are missing or stale; see the header. */
export async function keepStatistics(db: Db, options: StatisticsOptions = {}): Promise<StatisticsKept> {
  if (db.dialect === 'postgres') return { analyzed: [], changed: false };
  const limit = Math.max(0, Math.trunc(options.analysisLimit ?? 0));
  await sql.raw(`pragma analysis_limit = ${limit}`).execute(db.kysely);
  // 0x10003 is 0x10002 (every table; analyze) with 0x1: say what would be analyzed, and do nothing.
  const due = await sql<Record<string, string>>`pragma optimize = 0x10003`.execute(db.kysely);
  const statements = due.rows.flatMap((row) => Object.values(row));
  if (statements.length === 0) return { analyzed: [], changed: false };
  const before = await statisticsNow(db);
  // One table at a time: the writer (and so the event loop) is held for one table, not all of them at once.
  for (const statement of statements) await sql.raw(statement).execute(db.kysely);
  const changed = (await statisticsNow(db)) !== before;
  // Creating sqlite_stat1 changed the schema already.
  if (changed && before !== undefined) await reloadSchemaEverywhere(db);
  return { analyzed: statements.map(tableOf), changed };
}

/** The whole of `sqlite_stat1` (a row per index: tens of rows), or undefined before the first ANALYZE. */
async function statisticsNow(db: Db): Promise<string | undefined> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_schema where type = 'table' and name = 'sqlite_stat1'
  `.execute(db.kysely);
  if (tables.length === 0) return undefined;
  const { rows } = await sql<{ tbl: string; idx: string | null; stat: string }>`
    select tbl, idx, stat from sqlite_stat1 order by tbl, idx
  `.execute(db.kysely);
  return JSON.stringify(rows);
}

/** A schema change, so that every connection reloads the schema and the statistics with it. */
async function reloadSchemaEverywhere(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`create table redress_statistics_reload (x integer)`.execute(trx);
    await sql`drop table redress_statistics_reload`.execute(trx);
  });
}

/** `ANALYZE "main"."complaints"` → `complaints`. */
function tableOf(statement: string): string {
  return /"([^"]+)"\s*$/.exec(statement)?.[1] ?? statement;
}
