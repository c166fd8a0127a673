/** An encoder for encoded reads (src/db/encoded-read.ts) in tests: the rows, the options and where it ran. */
import { isMainThread } from 'node:worker_threads';

export default function rowsAsJson(rows, options) {
  return JSON.stringify({ rows, options, onReaderThread: !isMainThread });
}
