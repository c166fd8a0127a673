/**
 * A complaint list as CSV, with the list's filters, streamed: rows are read in keyset pages (each page an
 * index walk and one read of its rows; on SQLite on the reader threads) and the next page is asked for only
 * when the reader has taken the last one, so memory stays flat however many rows there are.
 *
 * What it holds: the complaint's facts and where it stands — no customer name, contact details or words (the
 * list screen shows the name and the start of the description; a spreadsheet travels further). The owner is a
 * member of staff, named. Cells are made safe for spreadsheets: one that starts with = + - @ (or a tab or
 * carriage return) is read by Excel, LibreOffice and Sheets as a formula, so it is prefixed with `'`
 * (OWASP's advice for CSV injection); the file starts with a UTF-8 byte-order mark so Excel reads it as UTF-8.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { findComplaintExportRows } from '../db/complaint-list.ts';
import type { Stage } from '../domain/procedure.ts';
import { londonWallClock } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { type ComplaintFilter, resolveFilter, SORT_COLUMN, toListQuery } from './list-complaints.ts';
import type { QueueId } from './queues.ts';

/** Rows read from the database at a time. */
export const EXPORT_PAGE = 1000;

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

/** A cell a spreadsheet will not run as a formula. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const wallClock = (instant: string | null) =>
  instant ? londonWallClock(new Date(instant)).replace('T', ' ') : '';

/**
 * The complaints matching the filter, one CSV line array at a time, in the list's order (a search is exported
 * newest first: relevance ranks only the best matches, and pages by position).
 */
export async function* complaintExportLines(
  ctx: AppContext,
  given: ExportFilter,
  userId: string,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<string[]> {
  const filter = resolveFilter(given, userId);
  if (!filter) return;
  const sort = !filter.sort || filter.sort === 'relevance' ? 'received' : filter.sort;
  const column = SORT_COLUMN[sort];
  const order = filter.order ?? (sort === 'received' ? 'desc' : 'asc');
  const query = toListQuery(filter, ctx.now());
  let after: { value: string; id: string } | undefined;
  for (;;) {
    const rows = await findComplaintExportRows(ctx.db.kysely, {
      ...query,
      sort: column,
      order,
      after,
      limit: pageSize,
    });
    for (const r of rows) {
      yield [
        r.reference,
        wallClock(r.received_at),
        wallClock(r.first_expressed_at),
        r.channel,
        r.category,
        r.customer_type ?? '',
        ctx.procedure.stages[r.stage as Stage]?.name ?? r.stage,
        r.owner_name ?? '',
        r.adr_due_on,
        wallClock(r.closed_at),
        r.closure_reason ?? '',
        r.root_cause ?? '',
      ].map(spreadsheetSafe);
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = { value: last[column], id: last.id };
  }
}

/**
 * The export as a byte stream (UTF-8 with a byte-order mark, CRLF line ends as RFC 4180 says), pulling a
 * page from the database only when the consumer has room for more.
 */
export function exportComplaintsCsv(ctx: AppContext, filter: ExportFilter, userId: string): Readable {
  const lines = Readable.from(complaintExportLines(ctx, filter, userId), {
    objectMode: true,
    highWaterMark: 1,
  });
  const csv = stringify({
    bom: true,
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
  });
  lines.on('error', (error) => csv.destroy(error));
  return lines.pipe(csv);
}
