/**
 * Kysely's SQLite dialect with one change: transactions start with `BEGIN IMMEDIATE`; and reads outside
 * transactions off the main thread (below).
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
 * One process must use one writer connection (one `Db`): with two in the same thread, the second `BEGIN
 * IMMEDIATE` would block the thread in SQLite's busy handler while the first transaction waits for that same
 * thread. Its holder is a transaction for its whole length, or one statement outside a transaction
 * (`WriterLock`), so a write outside a transaction can never land inside someone else's.
 *
 * Reads outside a transaction need not wait for it. Given reader threads (sqlite-readers.ts), a statement
 * that better-sqlite3 says is read-only and returns rows runs there on a connection of its own, while the
 * writer goes on; WAL gives it the last committed state, never a transaction's uncommitted writes. So a slow
 * report no longer blocks the event loop (a `/queues` count over a million complaints froze every user's
 * screen for 17 s). PRAGMAs and streams stay on the writer; inside a transaction everything does. Without
 * readers (one-off commands), every statement runs on the writer in turn, as before.
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
  createQueryId,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  IdentifierNode,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';
import { answerEncoded, encodingOf } from './encoded-read.ts';
import { databaseFailure } from './errors.ts';
import type { WalSync } from './sqlite-group-commit.ts';
import type { SqliteReaders } from './sqlite-readers.ts';
import { type StatementCache, withStatementCache } from './sqlite-statements.ts';

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

/** How many SQL texts to remember the kind of (read-only or not); forgotten all at once beyond that. */
const KINDS_KEPT = 1000;

/** One holder of the writer connection at a time: a transaction for its whole length, or one statement. */
class WriterLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    // Handed straight to the next in line, so nobody can slip in between.
    if (next) next();
    else this.#held = false;
  }
}

/** What Kysely holds while it runs a query or a transaction; whether it holds the writer is known here. */
class SqliteLease implements DatabaseConnection {
  holdsWriter = false;

  constructor(readonly driver: ImmediateSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream<R>(this, query, chunkSize);
  }
}

class ImmediateSqliteDriver implements Driver {
  readonly #database: BetterSqliteDatabase;
  readonly #cached: StatementCache;
  readonly #health: WriteHealth;
  readonly #readers: SqliteReaders | undefined;
  readonly #walSync: WalSync | undefined;
  readonly #writer = new WriterLock();
  /** Per SQL text: whether it may run on a reader thread (a read-only statement that returns rows). */
  readonly #offThread = new Map<string, boolean>();

  constructor(options: DriverOptions) {
    this.#database = options.database;
    this.#cached = options.cached;
    this.#health = options.health;
    this.#readers = options.readers;
    this.#walSync = options.walSync;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // No lock here: reads from many requests run at once on the readers; writes take the writer below.
    return new SqliteLease(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    if (lease.holdsWriter) {
      lease.holdsWriter = false;
      this.#writer.release();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    await this.#writer.acquire();
    lease.holdsWriter = true;
    // Released by releaseConnection, which Kysely calls whatever happens (even if BEGIN itself fails).
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.#health.failure = undefined;
    if (this.#walSync) {
      // Committed: the next transaction may start while this one's commit is made durable (group commit).
      const lease = connection as SqliteLease;
      lease.holdsWriter = false;
      this.#writer.release();
      await this.#walSync.flush();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite already rolled back (SQLITE_FULL, SQLITE_IOERR, ...): a ROLLBACK would fail and mask the cause.
    // And once committed (a failed flush after COMMIT), the writer may already be someone else's transaction.
    if (!(connection as SqliteLease).holdsWriter || !this.#database.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await connection.executeQuery(compile(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointCommand('release', name), createQueryId()));
  }

  async destroy(): Promise<void> {
    // Readers first, so the writer is the last connection and its close checkpoints the WAL into the file.
    await this.#readers?.close();
    this.#database.close();
    await this.#walSync?.close();
  }

  async execute<R>(lease: SqliteLease, query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      if (lease.holdsWriter) return this.#onWriter<R>(query);
      if (this.#readers && this.#mayRunOffThread(query.sql)) {
        const encoding = encodingOf(query);
        if (!encoding) return { rows: (await this.#readers.read(query.sql, query.parameters)) as R[] };
        answerEncoded(query, await this.#readers.readEncoded(query.sql, query.parameters, encoding));
        return { rows: [] };
      }
      await this.#writer.acquire();
      let result: QueryResult<R>;
      try {
        result = this.#onWriter<R>(query);
      } finally {
        this.#writer.release();
      }
      // A write outside a transaction committed by itself: answered once durable, as a transaction is.
      if (result.numAffectedRows !== undefined) await this.#walSync?.flush();
      return result;
    } catch (error) {
      if (databaseFailure(error) === 'storage-full') this.#health.failure = error as Error;
      throw error;
    }
  }

  async *stream<R>(
    lease: SqliteLease,
    query: CompiledQuery,
    _chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    // Not from the cache: a statement being iterated cannot run again until it is done.
    const statement = this.#database.prepare(query.sql);
    if (!statement.reader) throw new Error('SQLite streams only queries that return rows');
    const locked = !lease.holdsWriter;
    if (locked) await this.#writer.acquire();
    try {
      for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
    } finally {
      if (locked) this.#writer.release();
    }
  }

  #mayRunOffThread(sql: string): boolean {
    let offThread = this.#offThread.get(sql);
    if (offThread === undefined) {
      const statement = this.#cached.prepare(sql);
      // PRAGMAs stay on the writer: some read its own state, and a reader runs with query_only on.
      offThread = statement.reader && statement.readonly && !/^\s*pragma\b/i.test(sql);
      // Bounded like the statement cache: lists `in (?, ?, …)` of every length are each a new text.
      if (this.#offThread.size >= KINDS_KEPT) this.#offThread.clear();
      this.#offThread.set(sql, offThread);
    }
    return offThread;
  }

  #onWriter<R>(query: CompiledQuery): QueryResult<R> {
    const statement = this.#cached.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}

function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

interface DriverOptions {
  database: BetterSqliteDatabase;
  cached: StatementCache;
  health: WriteHealth;
  readers: SqliteReaders | undefined;
  walSync: WalSync | undefined;
}

export interface ImmediateSqliteOptions {
  /** Told of a write that fails for want of space; see `WriteHealth`. */
  health?: WriteHealth | undefined;
  /** Reader threads for read-only statements outside transactions; without them every query runs here. */
  readers?: SqliteReaders | undefined;
  /**
   * Group commit (sqlite-group-commit.ts), for a connection with `synchronous = NORMAL`: each write is
   * answered once an fdatasync of the WAL after it returns. Without it the connection's own `synchronous`
   * setting is all the durability there is.
   */
  walSync?: WalSync | undefined;
}

/**
 * A SQLite dialect over one better-sqlite3 writer connection whose transactions take the write lock at
 * `BEGIN`, with reads outside transactions on reader threads when given some.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqliteDatabase;
  readonly #cached: StatementCache;
  readonly #health: WriteHealth;
  readonly #readers: SqliteReaders | undefined;
  readonly #walSync: WalSync | undefined;

  constructor(database: BetterSqliteDatabase, options: ImmediateSqliteOptions = {}) {
    const cached = withStatementCache(database);
    super({ database: cached });
    this.#database = database;
    this.#cached = cached;
    this.#health = options.health ?? new WriteHealth();
    this.#readers = options.readers;
    this.#walSync = options.walSync;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({
      database: this.#database,
      cached: this.#cached,
      health: this.#health,
      readers: this.#readers,
      walSync: this.#walSync,
    });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
