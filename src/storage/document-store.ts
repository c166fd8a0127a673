/**
 * Where the bytes of letters, email attachments and uploads live: outside the database, named by their
 * sha256 ("the database holds records, not files"). A row names a document by its hash; the bytes are
 * written, and durable, before the transaction that names them commits, so a committed row never names bytes
 * that a crash could lose. Content-addressed, so the same bytes are stored once and a retried write is free.
 * Nothing is ever overwritten with different bytes, and every read checks the bytes against their name.
 */
import { createHash } from 'node:crypto';

/** What a row keeps of a document put in the store. Only `put` makes one: bytes first, then the row. */
export interface StoredBlob {
  /** Hex sha256 of the bytes: their name in the store. */
  sha256: string;
  sizeBytes: number;
}

export interface DocumentStore {
  /** Where the documents are, for logs and `redress documents` (`file:/srv/redress/documents`, `s3://…`). */
  readonly location: string;
  /** Stores the bytes durably (fsynced, or acknowledged by the object store) and says what they are. */
  put(bytes: Buffer): Promise<StoredBlob>;
  /** The bytes named `sha256`, checked against it; a DocumentStoreError when missing or not those bytes. */
  get(sha256: string): Promise<Buffer>;
  /** Whether bytes of that name are stored (not read, so not checked). */
  has(sha256: string): Promise<boolean>;
  /**
   * Deletes the bytes of that name, if stored. Only the retention purge and an erasure call it, and only
   * for bytes no row names any more (documents are otherwise never deleted or changed).
   */
  remove(sha256: string): Promise<void>;
}

export type DocumentStoreErrorCode = 'document-missing' | 'document-corrupt';

/** A document a row names cannot be served: it is not in the store, or the store holds other bytes. */
export class DocumentStoreError extends Error {
  constructor(
    readonly code: DocumentStoreErrorCode,
    readonly sha256: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocumentStoreError';
  }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Refuses anything but a lower-case hex sha256 before it becomes a path or an object key. */
export function checkedName(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256 document name: ${JSON.stringify(sha256)}`);
  return sha256;
}

/** `ab/cd/abcd…`: two levels of 256 folders keep any one folder small at millions of documents. */
export function documentPath(sha256: string): string {
  const name = checkedName(sha256);
  return `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`;
}

/** The bytes, if they are the ones named; otherwise a `document-corrupt` error naming where they came from. */
export function verified(sha256: string, bytes: Buffer, where: string): Buffer {
  const actual = sha256Hex(bytes);
  if (actual !== sha256) {
    throw new DocumentStoreError(
      'document-corrupt',
      sha256,
      `document ${sha256} in ${where} is corrupt: its bytes hash to ${actual}`,
    );
  }
  return bytes;
}

export function missing(sha256: string, where: string, cause?: unknown): DocumentStoreError {
  return new DocumentStoreError('document-missing', sha256, `document ${sha256} is missing from ${where}`, {
    cause,
  });
}

/** sha256 of no bytes: an empty file needs no store to be read. */
export const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0));

/**
 * The bytes a row names: from the row itself while they have not been moved out yet (rows written before
 * migration 0016, until `redress documents move-out`), else from the store. Checked against the hash either way.
 */
export async function contentOf(
  store: DocumentStore,
  sha256: string,
  inRow: Uint8Array | null | undefined,
): Promise<Buffer> {
  if (inRow && inRow.length > 0) return verified(sha256, Buffer.from(inRow), 'its database row');
  if (sha256 === EMPTY_SHA256) return Buffer.alloc(0);
  return store.get(sha256);
}
