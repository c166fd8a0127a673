/** Recognising the database's own refusals and failures, the same way on both dialects. */

/** A UNIQUE or PRIMARY KEY constraint refused the write (PostgreSQL 23505; SQLite's constraint codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Why the database itself (not the request) failed: `unavailable` when it cannot be reached or is shutting
 * down or starting up, and is worth retrying shortly; `storage-full` when it has no room to write; `timed-out`
 * when a read ran past its time (sqlite-readers.ts READ_TIMEOUT_MS; PostgreSQL 57014, a statement_timeout).
 */
export type DatabaseFailure = 'unavailable' | 'storage-full' | 'timed-out';

// Socket errors from the driver (Node's own codes), for a server that is down, unreachable or cut us off.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: 57P01 admin_shutdown (smart/fast/immediate stop), 57P02 crash_shutdown (another
// backend crashed), 57P03 cannot_connect_now (starting up, in recovery), 53300 too_many_connections.
// Class 08 (connection exception) is matched as a class below.
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);

// What pg and pg-pool say, without a code, when the socket goes (these messages are their API in practice),
// and Kysely's refusal to reuse a connection whose ROLLBACK failed because the socket had gone.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Postgres connection has been discarded/,
];

function classifyOne(error: object): DatabaseFailure | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLite's SQLITE_FULL is what a full disk (or max_page_count) gives; PostgreSQL 53100 is disk_full;
    // ENOSPC is the operating system's word for it (the document store writes files beside the database).
    if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'storage-full';
    if (code === 'SQLITE_INTERRUPT' || code === '57014') return 'timed-out';
    if (SOCKET_CODES.has(code) || POSTGRES_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return 'unavailable';
    }
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) {
    return 'unavailable';
  }
  return undefined;
}

/**
 * Whether `error` is a failure of the database rather than of the request, and which. Looks through `cause`
 * and an AggregateError's `errors` (Node reports a refused connection to each address of a host that way).
 */
export function databaseFailure(error: unknown, depth = 0): DatabaseFailure | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const own = classifyOne(error);
  if (own) return own;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  const found = databaseFailure(cause, depth + 1);
  if (found) return found;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const failure = databaseFailure(inner, depth + 1);
      if (failure) return failure;
    }
  }
  return undefined;
}
