/**
 * A ZIP written as it is built: each file is handed to fflate's streaming `Zip` and its compressed bytes go
 * out through a Node stream at once, so a subject access export of any size holds one document in memory at
 * a time, never the whole archive. `add` waits while the reader is behind (backpressure), so a slow download
 * does not pile the archive up in memory either.
 */
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Text is deflated; documents (PDFs, photos, office files) are mostly compressed already and stored as is. */
const TEXT = /\.(eml|txt|json|md)$/;

export interface ZipStream {
  /** What to send or pipe: the archive's bytes as they are made. */
  readonly stream: Readable;
  /** Adds one file; resolves once the reader has room for more. */
  add(path: string, bytes: Uint8Array): Promise<void>;
  /** Writes the central directory and ends the stream. */
  finish(): void;
  /** Ends the stream with an error (a document that could not be read): the reader sees a failed download. */
  fail(error: Error): void;
}

/** A new streaming ZIP whose entries are all dated `at`. */
export function zipStream(at: Date): ZipStream {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  return {
    stream: out,
    async add(path, bytes) {
      const entry = TEXT.test(path) ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
      entry.mtime = at;
      zip.add(entry);
      entry.push(bytes, true);
      if (out.writableNeedDrain && !out.destroyed) await drained(out);
    },
    finish: () => zip.end(),
    fail: (error) => {
      zip.terminate();
      out.destroy(error);
    },
  };
}

/** Resolves when `out` can take more, or is gone (a download given up: the caller then stops at `add`). */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
