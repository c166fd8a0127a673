/**
 * Opens the database: embedded SQLite under the data directory by default, PostgreSQL when given a
 * postgres URL. Both hold the same schema with the same stored representations, so nothing above this
 * module knows which one it talks to.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { type Channel, listenLocally, listenOnPostgres, type Unlisten } from './notifications.ts';
import type { Schema } from './schema.ts';
import { ImmediateSqliteDialect, WriteHealth } from './sqlite-dialect.ts';
import { WalSync } from './sqlite-group-commit.ts';
import { startSqliteReaders } from './sqlite-readers.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Schema>;
  dialect: Dialect;
  /**
   * Resolves when the database answers and, as far as we know, takes writes; otherwise throws the error that
   * says why (see `databaseFailure`). Cheap while all is well: one `select 1`.
   */
  checkReady(): Promise<void>;
  /**
   * Calls `onNews` whenever a transaction that called `notify(…, channel)` commits (see notifications.ts).
   * Resolves once listening.
   */
  listen(channel: Channel, onNews: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

/** Anything a repository function can run queries on: the database itself or an open transaction. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

export interface OpenDatabaseOptions {
  /** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else (or nothing) SQLite. */
  databaseUrl?: string | undefined;
  /** Where the SQLite file lives (`redress.sqlite`); created if missing. */
  dataDir: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number | undefined;
  /**
   * SQLite reader threads for reads outside transactions (default 0: every query on this thread, which suits
   * a short command; `redress serve` uses SQLITE_READERS). See sqlite-readers.ts.
   */
  sqliteReaders?: number | undefined;
}

/** Whether a database URL selects PostgreSQL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Opens (but does not migrate) the database the options select. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  return isPostgresUrl(options.databaseUrl)
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openSqlite(options.dataDir, options.sqliteReaders ?? 0);
}

/** How long a SQLite connection waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a SQLite file the way Redress keeps its data (exported so the benchmark's baseline matches it):
 * `synchronous = FULL`, every COMMIT fsynced before it returns. Redress's own writer then switches to NORMAL
 * and makes its commits durable by group commit instead (sqlite-group-commit.ts): the same guarantee.
 */
export function openSqliteFile(file: string): BetterSqlite3.Database {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not just a process crash (NORMAL's guarantee in WAL).
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return database;
}

function openSqlite(dataDir: string, readerCount: number): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'redress.sqlite');
  const database = openSqliteFile(file);
  // Durable all the same: a write is answered only after an fdatasync of the WAL that began after its commit.
  database.pragma('synchronous = NORMAL');
  const walSync = new WalSync(`${file}-wal`);
  const health = new WriteHealth();
  // Started after the writer has created the file and put it in WAL mode, which the readers rely on.
  const readers = readerCount > 0 ? startSqliteReaders(file, readerCount, BUSY_TIMEOUT_MS) : undefined;
  const kysely = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect(database, { health, readers, walSync }),
  });
  return {
    kysely,
    dialect: 'sqlite',
    async checkReady() {
      await sql`select 1`.execute(kysely);
      if (health.failure) await probeWrite(kysely);
    },
    listen: listenLocally,
    close: closeOnce(kysely),
  };
}

/**
 * Once a write has failed for want of space, readiness tries one small write that needs a new page (a table
 * created and dropped, committed), so the check clears by itself when space returns even if no one writes.
 * A successful commit forgets the failure; a failing one throws SQLITE_FULL again.
 */
async function probeWrite(kysely: Kysely<Schema>): Promise<void> {
  await kysely.transaction().execute(async (trx) => {
    await sql`create table redress_write_probe (x integer)`.execute(trx);
    await sql`drop table redress_write_probe`.execute(trx);
  });
}

// pg returns int8 (bigint, identity columns, count(*)) as strings to be safe beyond 2^53; our values
// (sequences, audit seq, counts) stay far below it, and SQLite gives numbers, so parse them as numbers.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function openPostgres(connectionString: string, max: number): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: pgTypes,
    // Without it a request waits for ever on a server that drops packets; with it, it fails as unavailable.
    connectionTimeoutMillis: 10_000,
  });
  // The pool replaces an idle connection the server cuts (restart, failover); unheard, the error would crash us.
  pool.on('error', () => undefined);
  // pg-pool only listens on idle clients. A client checked out (between two queries of a transaction) when
  // the server goes emits 'error' with no listener, which killed the process in 10 of 10 kills under load.
  // The query in flight, or the next one, fails with the same error and is answered 503; on release the pool
  // sees the client is no longer queryable and drops it, so new connections are made once the server is back.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    async checkReady() {
      await sql`select 1`.execute(kysely);
    },
    listen: (channel, onNews) => listenOnPostgres(connectionString, channel, onNews),
    close: closeOnce(kysely),
  };
}

// Closing twice is harmless (shutdown paths and test cleanup may both do it); pg's pool would throw.
function closeOnce(kysely: Kysely<Schema>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= kysely.destroy();
    return closing;
  };
}

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Given an executor
 * that is already a transaction, `fn` joins it, so a use case can compose repository calls that each
 * "need a transaction" without nesting. On SQLite the transaction holds the write lock from its start (see
 * sqlite-dialect.ts); on PostgreSQL it is READ COMMITTED, which `appendAuditEvent` relies on.
 */
export async function transaction<T>(
  db: Db | Executor,
  fn: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  const executor = 'kysely' in db ? db.kysely : db;
  if (executor.isTransaction) return fn(executor as Transaction<Schema>);
  return executor.transaction().execute(fn);
}

const dialects = new WeakMap<Executor, Dialect>();

/**
 * Which dialect an executor (database or transaction) speaks. Kysely keeps the adapter internal, so this
 * asks the public compiler instead: PostgreSQL numbers its placeholders (`$1`), SQLite does not (`?`).
 */
export function dialectOf(executor: Executor): Dialect {
  let dialect = dialects.get(executor);
  if (!dialect) {
    dialect = sql`${0}`.compile(executor).sql === '$1' ? 'postgres' : 'sqlite';
    dialects.set(executor, dialect);
  }
  return dialect;
}
