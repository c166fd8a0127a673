/**
 * Whether a read is a point read: one that SQLite's own query plan says finds its rows by equality on a whole
 * primary key or unique index (a complaint by id, a user by email), so it reads a handful of rows whatever the
 * size of the database. Such a read takes tens of microseconds on the main thread; sent to a reader thread it
 * cost the main thread about 40–60 µs more (post, clone, wake-up), more than the read itself, and a GET makes
 * several of them. Everything else (any scan, range, non-unique index, sort) goes to the reader threads, where
 * its length cannot hold up anyone else.
 */
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';

// "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH c USING [COVERING ]INDEX name (a=? AND b=?)".
const SEARCH = /^SEARCH \S+ USING (?:INTEGER PRIMARY KEY|(?:COVERING )?INDEX (\S+)) \((.*)\)$/;
// Plan rows that read nothing by themselves: the subquery's own rows follow and are judged on their own.
const NEUTRAL = /^(SCAN CONSTANT ROW|(CORRELATED )?SCALAR SUBQUERY \d+)$/;

/** Whether `sql` (with these parameters, as the plan may depend on them) is a point read; see above. */
export function isPointRead(
  database: BetterSqliteDatabase,
  sql: string,
  parameters: readonly unknown[],
): boolean {
  // An EXPLAIN (the plan tests run them) or anything else that is no query has no plan of its own.
  if (!/^\s*(select|with)\b/i.test(sql)) return false;
  const plan = database.prepare(`explain query plan ${sql}`).all(parameters as unknown[]) as {
    detail: string;
  }[];
  return plan.every(({ detail }) => NEUTRAL.test(detail) || isUniqueLookup(database, detail));
}

function isUniqueLookup(database: BetterSqliteDatabase, detail: string): boolean {
  const match = SEARCH.exec(detail);
  if (!match) return false;
  const [, index, constraints = ''] = match;
  const terms = constraints.split(' AND ');
  if (!terms.every((term) => /^\w+=\?$/.test(term))) return false;
  if (index === undefined) return true; // the rowid, by equality
  return isUnique(database, index) && indexColumns(database, index) === terms.length;
}

function isUnique(database: BetterSqliteDatabase, index: string): boolean {
  // SQLite's own indexes back a PRIMARY KEY or UNIQUE constraint, so they are unique; they have no SQL.
  if (index.startsWith('sqlite_autoindex_')) return true;
  const row = database
    .prepare("select sql from sqlite_master where type = 'index' and name = ?")
    .get(index) as { sql: string | null } | undefined;
  return /^\s*create\s+unique\s/i.test(row?.sql ?? '');
}

function indexColumns(database: BetterSqliteDatabase, index: string): number {
  return database.prepare('select count(*) as n from pragma_index_info(?)').pluck().get(index) as number;
}
