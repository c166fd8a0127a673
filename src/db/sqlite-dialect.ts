/**
 * Kysely's SQLite dialect with one change: transactions start with `BEGIN IMMEDIATE`.
 *
 * A plain (deferred) `BEGIN` takes the write lock only at the first write. When two processes (say the web
 * server and `redress jobs run`) both read and then write, the second to upgrade fails at once with
 * SQLITE_BUSY, because waiting could deadlock and SQLite will not wait. `BEGIN IMMEDIATE` takes the write
 * lock up front, so the second writer waits up to `busy_timeout` instead of failing. Every transaction is
 * therefore a write transaction; plain reads outside a transaction are not affected (WAL readers never block).
 *
 * And one addition: SQLite's DDL is transactional, but Kysely's adapter says otherwise, which makes its
 * Migrator run migrations unlocked and outside a transaction. Saying so lets two processes that start at once
 * migrate safely: the second waits for the first's transaction and then finds nothing left to do.
 *
 * One process must use one connection (one `Db`): with two in the same thread, the second `BEGIN IMMEDIATE`
 * would block the thread in SQLite's busy handler while the first transaction waits for that same thread.
 */
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** How many prepared statements to keep; Redress issues a few hundred distinct queries at most. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, preparing each distinct SQL text once. Kysely prepares every query anew,
 * and better-sqlite3's `prepare` was 7–14% of the server's CPU in the benchmark. Reusing a statement is safe
 * here: Kysely runs one query at a time on the single connection and never streams.
 */
function withStatementCache(database: BetterSqliteDatabase): SqliteDatabase {
  const cache = new Map<string, ReturnType<BetterSqliteDatabase['prepare']>>();
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

/** A SQLite dialect over one better-sqlite3 connection whose transactions take the write lock at `BEGIN`. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #cached: SqliteDatabase;

  constructor(database: BetterSqliteDatabase) {
    const cached = withStatementCache(database);
    super({ database: cached });
    this.#cached = cached;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#cached });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
