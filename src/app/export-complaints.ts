/**
 * A complaint list as CSV, with the list's filters, streamed: rows are read in keyset pages (each page an
 * index walk and a read of its rows by key; on SQLite one statement on a reader thread, which also writes
 * the page's CSV there) and the next page is asked for only when the reader has taken the last one, so
 * memory stays flat however many rows there are.
 *
 * What it holds: the complaint's facts and where it stands — no customer name, contact details or words (the
 * list screen shows the name and the start of the description; a spreadsheet travels further). The owner is a
 * member of staff, named. Cells are made safe for spreadsheets: one that starts with = + - @ (or a tab or
 * carriage return) is read by Excel, LibreOffice and Sheets as a formula, so it is prefixed with `'`
 * (OWASP's advice for CSV injection); the file starts with a UTF-8 byte-order mark so Excel reads it as UTF-8.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_ROW_COLUMNS, findComplaintExportPage } from '../db/complaint-list.ts';
import type { AppContext } from './context.ts';
import { type ComplaintFilter, resolveFilter, SORT_COLUMN, toListQuery } from './list-complaints.ts';
import type { QueueId } from './queues.ts';

/**
 * Rows read from the database at a time. 500 (about 75 kB of CSV) rather than 1,000: the server's peak RSS
 * over a million rows was ~20 MB lower in repeated runs (324–326 MB against 341–346), at about the same
 * rows a second (docs/PERFORMANCE.md).
 */
export const EXPORT_PAGE = 500;

export const EXPORT_COLUMNS = [
  'Reference',
  'Received',
  'First expressed',
  'Channel',
  'Category',
  'Customer type',
  'Stage',
  'Owner',
  'ADR due',
  'Closed',
  'Closure reason',
  'Root cause',
] as const;

export type ExportFilter = Omit<ComplaintFilter, 'limit' | 'cursor'> & { queue?: QueueId | undefined };

/**
 * Makes each page's CSV from its rows (London times, stage names, spreadsheet-safe cells): plain JavaScript,
 * run where the rows are read — on SQLite, a reader thread (see complaint-export-csv.mjs).
 */
const PAGE_ENCODER = new URL('./complaint-export-csv.mjs', import.meta.url).href;

/**
 * The complaints matching the filter as CSV, a page of rows (CRLF-ended lines, no header) at a time,
 * in the list's order (a search is exported newest first: relevance ranks only the best matches, and pages by
 * position).
 */
export async function* complaintExportPages(
  ctx: AppContext,
  given: ExportFilter,
  userId: string,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<string> {
  const filter = resolveFilter(given, userId);
  if (!filter) return;
  const sort = !filter.sort || filter.sort === 'relevance' ? 'received' : filter.sort;
  const column = SORT_COLUMN[sort];
  const order = filter.order ?? (sort === 'received' ? 'desc' : 'asc');
  const query = toListQuery(filter, ctx.now());
  const stageNames: Record<string, string> = {};
  for (const [stage, { name }] of Object.entries(ctx.procedure.stages)) stageNames[stage] = name;
  const encoder = { encoder: PAGE_ENCODER, options: { columns: EXPORT_ROW_COLUMNS, stageNames } };
  let after: { value: string; id: string } | undefined;
  do {
    const page = await findComplaintExportPage(
      ctx.db.kysely,
      { ...query, sort: column, order, after, limit: pageSize },
      encoder,
    );
    if (page.count > 0) yield page.text;
    after = page.after;
  } while (after);
}

/**
 * The export as a stream of text (to be written as UTF-8, with a byte-order mark first; CRLF line ends as
 * RFC 4180 says): a page of rows becomes one chunk of CSV, and the next page is read only when the consumer
 * has taken it. Strings, not Buffers, from the reader thread to the socket: a page moved or copied across
 * as bytes is freed only by a full collection, which V8 ran only once ~50–64 MB of them were waiting.
 */
export function exportComplaintsCsv(ctx: AppContext, filter: ExportFilter, userId: string): Readable {
  return Readable.from(csvChunks(complaintExportPages(ctx, filter, userId)), {
    objectMode: true,
    highWaterMark: 1,
  });
}

async function* csvChunks(pages: AsyncGenerator<string>): AsyncGenerator<string> {
  yield `\ufeff${stringify([[...EXPORT_COLUMNS]], { record_delimiter: 'windows' })}`;
  yield* pages;
}
