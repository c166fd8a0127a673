/**
 * A read whose rows are turned into text by an encoder (a plain JavaScript module, see `Encoding` in
 * sqlite-readers.ts) where they are read: on SQLite's reader threads when the query runs there, so that a
 * page crosses to the main thread as one string instead of a thousand objects; otherwise
 * (PostgreSQL, SQLite without readers or in a transaction) here, from the rows as Kysely gives them, by the
 * same encoder on the same arrays, so the bytes are the same either way.
 *
 * The query goes through Kysely as any other (plugins, the transaction or connection it is given); the
 * SQLite driver finds the encoding by the compiled query object, and leaves the encoded rows here for it.
 */
import type { CompiledQuery } from 'kysely';
import type { Executor } from './database.ts';
import type { EncodedRows, Encoding } from './sqlite-readers.ts';

export type { EncodedRows, Encoding };

const asked = new WeakMap<CompiledQuery, Encoding>();
const answered = new WeakMap<CompiledQuery, EncodedRows>();

/** For the SQLite driver: the encoding asked for this query, if any. */
export function encodingOf(query: CompiledQuery): Encoding | undefined {
  return asked.get(query);
}

/** For the SQLite driver: the query's rows, encoded on a reader thread. */
export function answerEncoded(query: CompiledQuery, rows: EncodedRows): void {
  answered.set(query, rows);
}

type Encode = (rows: unknown[][], options: unknown) => string;
const encoders = new Map<string, Encode>();

/**
 * Runs `query` and encodes its rows. `columns` names the query's columns in the order it selects them: the
 * arrays the encoder is given, whichever way the rows are read.
 */
export async function readEncoded(
  executor: Executor,
  query: CompiledQuery,
  columns: readonly string[],
  encoding: Encoding,
): Promise<EncodedRows> {
  asked.set(query, encoding);
  let rows: Record<string, unknown>[];
  let encoded: EncodedRows | undefined;
  try {
    ({ rows } = await executor.executeQuery<Record<string, unknown>>(query));
    encoded = answered.get(query);
  } finally {
    asked.delete(query);
    answered.delete(query);
  }
  if (encoded) return encoded;
  const arrays = rows.map((row) => columns.map((column) => row[column]));
  let encode = encoders.get(encoding.encoder);
  if (!encode) {
    encode = ((await import(encoding.encoder)) as { default: Encode }).default;
    encoders.set(encoding.encoder, encode);
  }
  return { text: encode(arrays, encoding.options), count: arrays.length, last: arrays.at(-1) };
}
