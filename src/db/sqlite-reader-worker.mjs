/**
 * One SQLite reader thread of the pool in sqlite-readers.ts: its own connection to the database file, read
 * only (`query_only`), its own statement cache. Each task is one read-only statement; in WAL mode it starts
 * a fresh read snapshot, so it sees every transaction committed before it began, while the writer goes on.
 *
 * A task may name an encoder (a module whose default export turns rows, as arrays, into text): the rows are
 * then read as arrays and encoded here, and only the text goes back (see `Encoding` in sqlite-readers.ts).
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

/** Each encoder module's default export, by URL, loaded at its first use. */
const encoders = new Map();

async function encoderAt(url) {
  let encode = encoders.get(url);
  if (!encode) {
    encode = (await import(url)).default;
    encoders.set(url, encode);
  }
  return encode;
}

/** The rows as arrays (columns in the statement's order), encoded. */
async function readEncoded(sql, parameters, { encoder, options }) {
  const encode = await encoderAt(encoder);
  const statement = prepare(sql);
  let rows;
  statement.raw(true);
  try {
    rows = statement.all(bindable(parameters));
  } finally {
    statement.raw(false);
  }
  return { text: encode(rows, options), count: rows.length, last: rows.at(-1) };
}

/**
 * Runs one read: `{ rows, blobs }` (or, with an encoder, `{ text, count, last }`), or
 * `{ error: { message, code } }` when SQLite refuses or fails.
 */
export default async function read({ sql, parameters, encoding }) {
  try {
    if (encoding) return await readEncoded(sql, parameters, encoding);
    const rows = prepare(sql).all(bindable(parameters));
    return { rows, blobs: hasBlobs(rows) };
  } catch (error) {
    return { error: { message: error.message, code: error.code, name: error.name } };
  }
}
