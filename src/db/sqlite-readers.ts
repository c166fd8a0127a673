/**
 * Where SQLite reads run outside transactions: a pool of worker threads, each with its own read-only
 * connection to the same file, and for point reads one read-only connection on the main thread.
 *
 * better-sqlite3 is synchronous: on the main thread, one slow query (a queue count over a million
 * complaints took 17 s) stops every other request for its whole length. Read on a worker thread, it only
 * keeps that thread busy; the event loop goes on answering. WAL lets readers and the one writer run at once,
 * and each statement starts a fresh snapshot, so a read sees every transaction committed before it began.
 * A point read (sqlite-point-reads.ts) is cheaper here than the trip to a thread, and cannot be slow.
 *
 * The worker (sqlite-reader-worker.mjs) is plain JavaScript so it loads without tsx. Rows come back by
 * structured clone, in which a Buffer becomes a plain Uint8Array; they are turned back into Buffers here, as
 * better-sqlite3 would have returned them. Errors come back with SQLite's `code`, as a `SqliteError`.
 */
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Piscina } from 'piscina';
import { takeAnswer } from '../threads/answer.ts';
import { isPointRead } from './sqlite-point-reads.ts';
import { withStatementCache } from './sqlite-statements.ts';

export interface SqliteReaders {
  /** The rows of one read-only statement: a point read on this thread, any other on a reader thread. */
  read(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  /** The rows of one read-only statement encoded on a reader thread (see `Encoding`). */
  readEncoded(sql: string, parameters: readonly unknown[], encoding: Encoding): Promise<EncodedRows>;
  /** Stops the threads (a read still running finishes first) and closes the connections. */
  close(): Promise<void>;
}

/**
 * Rows to be turned into text where they are read: `encoder` is the URL of a plain JavaScript module whose
 * default export takes the rows as arrays (columns in the statement's order) and `options`, and returns the
 * text.
 *
 * Why: rows read for the main thread are objects of strings there, and whatever is made of them more
 * garbage; a million of them (the CSV export) left ~140 MB of it for V8 to collect late, the server's peak
 * RSS 300–370 MB (docs/PERFORMANCE.md). Encoded on the reader thread, a page crosses as one string. Text, not
 * bytes: an ArrayBuffer that crosses (moved or copied) is freed only by a full collection, which V8 runs
 * when ~64 MB of them are waiting; a string dies young with the page.
 */
export interface Encoding {
  encoder: string;
  options: unknown;
}

/** What an encoded read gives: the text, how many rows it holds, and the last row (for a keyset). */
export interface EncodedRows {
  text: string;
  count: number;
  last: unknown[] | undefined;
}

type ReadResult =
  | { rows: Record<string, unknown>[]; blobs: boolean }
  | EncodedRows
  | { error: { message: string; code: string | undefined; name: string } };

const WORKER = fileURLToPath(new URL('./sqlite-reader-worker.mjs', import.meta.url));

/** How many SQL texts to remember the kind of (point read or not); forgotten all at once beyond that. */
const KINDS_KEPT = 1000;

/**
 * The longest a read may wait for a thread and run on it. A screen answers in milliseconds at a million
 * complaints (docs/PERFORMANCE.md); a read still going after this is a runaway — a search too broad, a pile of
 * them queued behind one another at 32 connections — and every other screen waits for a thread while it runs.
 * Past it the read fails with SQLITE_INTERRUPT (a 503 saying to retry or narrow it) and, if it had a thread,
 * the thread is replaced: SQLite's own call cannot be stopped midway, so the old thread finishes it and exits,
 * while the new one serves the screens waiting.
 */
export const READ_TIMEOUT_MS = 15_000;

/** Starts `count` reader threads (at least one) on the SQLite database at `file`, which must exist. */
export function startSqliteReaders(
  file: string,
  count: number,
  busyTimeoutMs: number,
  readTimeoutMs = READ_TIMEOUT_MS,
): SqliteReaders {
  const pool = new Piscina<
    { sql: string; parameters: readonly unknown[]; encoding?: Encoding | undefined },
    ReadResult
  >({
    filename: WORKER,
    minThreads: count,
    maxThreads: count,
    // Kept for the life of the pool: each thread holds an open connection and its prepared statements.
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: { file, busyTimeoutMs },
    // The thread needs only better-sqlite3; inheriting `--import tsx` made each one take seconds to start.
    execArgv: [],
  });
  const local = new BetterSqlite3(file, { fileMustExist: true });
  local.pragma('query_only = ON');
  local.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const statements = withStatementCache(local);
  const pointReads = new Map<string, boolean>();

  async function runOnThread(
    sql: string,
    parameters: readonly unknown[],
    encoding?: Encoding,
  ): Promise<Exclude<ReadResult, { error: unknown }>> {
    let result: ReadResult;
    try {
      result = await pool.run({ sql, parameters, encoding }, { signal: AbortSignal.timeout(readTimeoutMs) });
    } catch (error) {
      if ((error as { name?: unknown }).name !== 'AbortError') throw error;
      throw new BetterSqlite3.SqliteError(
        `the read did not finish within ${readTimeoutMs} ms and was abandoned`,
        'SQLITE_INTERRUPT',
      );
    }
    if ('error' in result) {
      const { message, code } = result.error;
      throw new BetterSqlite3.SqliteError(message, code ?? 'SQLITE_ERROR');
    }
    return takeAnswer(result);
  }

  async function onThread(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    const result = await runOnThread(sql, parameters);
    if (!('rows' in result)) throw new Error('a reader thread answered a read with encoded rows');
    if (result.blobs) for (const row of result.rows) restoreBuffers(row);
    return result.rows;
  }

  return {
    async read(sql, parameters) {
      let point = pointReads.get(sql);
      if (point === undefined) {
        point = isPointRead(local, sql, parameters);
        if (pointReads.size >= KINDS_KEPT) pointReads.clear();
        pointReads.set(sql, point);
      }
      if (point) return statements.prepare(sql).all(parameters as unknown[]);
      return onThread(sql, parameters);
    },
    async readEncoded(sql, parameters, encoding) {
      const result = await runOnThread(sql, parameters, encoding);
      if (!('text' in result)) throw new Error('a reader thread answered an encoded read with rows');
      return result;
    },
    async close() {
      await pool.destroy();
      local.close();
    },
  };
}

function restoreBuffers(row: Record<string, unknown>): void {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
}
