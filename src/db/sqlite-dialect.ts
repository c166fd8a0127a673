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
 *
 * And two things for a full disk. When a write fails with SQLITE_FULL (or an I/O error) SQLite may roll the
 * transaction back by itself; Kysely's ROLLBACK then failed with "cannot rollback - no transaction is active"
 * and that error replaced the real one, so the log and the response hid the cause. A ROLLBACK is now only
 * sent while a transaction is open. And the connection remembers the last SQLITE_FULL until a transaction
 * commits, so `/readyz` can say writes fail without writing on every probe (see `WriteHealth`).
 */
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { databaseFailure } from './errors.ts';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Whether writes are failing for want of space: set by a write that fails with SQLITE_FULL, cleared by the
 * next transaction that commits. Kept rather than probed, so a readiness check costs nothing while all is well.
 */
export class WriteHealth {
  failure: Error | undefined;
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: BetterSqliteDatabase;
  readonly #health: WriteHealth;

  constructor(database: BetterSqliteDatabase, cached: SqliteDatabase, health: WriteHealth) {
    super({ database: cached });
    this.#database = database;
    this.#health = health;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    const health = this.#health;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          if (databaseFailure(error) === 'storage-full') health.failure = error as Error;
          throw error;
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    this.#health.failure = undefined;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite already rolled back (SQLITE_FULL, SQLITE_IOERR, ...): a ROLLBACK would fail and mask the cause.
    if (!this.#database.inTransaction) return;
    await super.rollbackTransaction(connection);
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
  readonly #database: BetterSqliteDatabase;
  readonly #cached: SqliteDatabase;
  readonly #health: WriteHealth;

  constructor(database: BetterSqliteDatabase, health: WriteHealth = new WriteHealth()) {
    const cached = withStatementCache(database);
    super({ database: cached });
    this.#database = database;
    this.#cached = cached;
    this.#health = health;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#database, this.#cached, this.#health);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
