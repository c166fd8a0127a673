/** Prepared statements kept per SQLite connection (see `withStatementCache`). */
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';

export type Statement = ReturnType<BetterSqliteDatabase['prepare']>;

/** A connection that prepares each distinct SQL text once. */
export interface StatementCache {
  close(): void;
  prepare(sql: string): Statement;
}

/** How many prepared statements to keep; Redress issues a few hundred distinct queries at most. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, preparing each distinct SQL text once. Kysely prepares every query anew,
 * and better-sqlite3's `prepare` was 7–14% of the server's CPU in the benchmark. Reusing a statement is safe
 * here: each connection runs one statement at a time (the writer under its lock, a reader thread one task at a
 * time), and streams use statements of their own.
 */
export function withStatementCache(database: BetterSqliteDatabase): StatementCache {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Refresh its place, so the least recently used is evicted first.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
