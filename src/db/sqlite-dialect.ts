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

/** A SQLite dialect over one better-sqlite3 connection whose transactions take the write lock at `BEGIN`. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqliteDatabase;

  constructor(database: BetterSqliteDatabase) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
