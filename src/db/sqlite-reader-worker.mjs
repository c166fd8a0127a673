/**
 * One SQLite reader thread of the pool in sqlite-readers.ts: its own connection to the database file, read
 * only (`query_only`), its own statement cache. Each task is one read-only statement; in WAL mode it starts
 * a fresh read snapshot, so it sees every transaction committed before it began, while the writer goes on.
 *
 * Plain JavaScript so the thread loads without tsx: it needs only better-sqlite3. Errors come back as values
 * with SQLite's `code` (a structured clone of an Error would drop it), so errors.ts still classifies them.
 */
import { workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const STATEMENT_CACHE_SIZE = 500;

/** @type {import('better-sqlite3').Database | undefined} */
let database;
/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();

function open() {
  const connection = new BetterSqlite3(workerData.file, { fileMustExist: true });
  // Never writes, whatever it is sent; the writer's pragmas (WAL, synchronous) are the file's, not ours.
  connection.pragma('query_only = ON');
  connection.pragma(`busy_timeout = ${workerData.busyTimeoutMs}`);
  return connection;
}

function prepare(sql) {
  database ??= open();
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = database.prepare(sql);
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, statement);
  return statement;
}

// Blobs arrive as Uint8Array (structured clone keeps no Buffer), and better-sqlite3 binds only Buffers.
function bindable(parameters) {
  return parameters.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value,
  );
}

// Whether any value is a blob, so the main thread restores Buffers only when there are some to restore.
function hasBlobs(rows) {
  for (const row of rows) {
    for (const key in row) if (row[key] instanceof Uint8Array) return true;
  }
  return false;
}

/** Runs one read: `{ rows, blobs }`, or `{ error: { message, code } }` when SQLite refuses or fails. */
export default function read({ sql, parameters }) {
  try {
    const rows = prepare(sql).all(bindable(parameters));
    return { rows, blobs: hasBlobs(rows) };
  } catch (error) {
    return { error: { message: error.message, code: error.code, name: error.name } };
  }
}
