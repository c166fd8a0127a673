/** The case file's ZIP. Every entry carries the same date, the file's own, so equal input gives equal bytes. */
import { type Zippable, zipSync } from 'fflate';

/**
 * Text (emails, letters as text, the JSON, the README) is deflated; everything else, mostly PDFs, photos
 * and office files that are compressed already, is stored as it is: deflating it again saves next to
 * nothing and was most of the time taken to build a file with many attachments.
 */
const TEXT = /\.(eml|txt|json)$/;

/** Zips `files` (path → bytes) in the order given, each dated `at`. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>, at: string): Buffer {
  const mtime = new Date(at);
  const entries: Zippable = {};
  for (const [path, bytes] of files) entries[path] = [bytes, { mtime, level: TEXT.test(path) ? 6 : 0 }];
  return Buffer.from(zipSync(entries));
}
