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
import type { Schema } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Schema>;
  dialect: Dialect;
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
}

/** Whether a database URL selects PostgreSQL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Opens (but does not migrate) the database the options select. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  return isPostgresUrl(options.databaseUrl)
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openSqlite(options.dataDir);
}

/** Opens a SQLite file the way Redress keeps its data (exported so the benchmark's baseline matches it). */
export function openSqliteFile(file: string): BetterSqlite3.Database {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not just a process crash (NORMAL's guarantee in WAL).
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return database;
}

function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const database = openSqliteFile(join(dataDir, 'redress.sqlite'));
  const kysely = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(database) });
  return { kysely, dialect: 'sqlite', close: closeOnce(kysely) };
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
  const pool = new pg.Pool({ connectionString, max, types: pgTypes });
  // The pool replaces an idle connection the server cuts (restart, failover); unheard, the error would crash us.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: closeOnce(kysely) };
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
