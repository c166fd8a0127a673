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
import { stringify } from 'csv-stringify/sync';
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

/** London's offset from UTC in each UTC hour met (it changes only on the hour), so a row costs no Intl call. */
const offsets = new Map<number, number>();
const HOUR_MS = 3_600_000;

/** An instant as London wall-clock time, `YYYY-MM-DD HH:MM`, or '' for none. */
function wallClock(instant: string | null): string {
  if (!instant) return '';
  const ms = Date.parse(instant);
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const wall = londonWallClock(new Date(hour * HOUR_MS));
    offset = Date.parse(`${wall}:00Z`) - hour * HOUR_MS;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return new Date(ms + offset).toISOString().slice(0, 16).replace('T', ' ');
}

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
  for await (const page of complaintExportPages(ctx, given, userId, pageSize)) yield* page;
}

/** The same, a page of lines at a time. */
export async function* complaintExportPages(
  ctx: AppContext,
  given: ExportFilter,
  userId: string,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<string[][]> {
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
    yield rows.map((r) =>
      [
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
      ].map(spreadsheetSafe),
    );
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = { value: last[column], id: last.id };
  }
}

/**
 * The export as a byte stream (UTF-8 with a byte-order mark, CRLF line ends as RFC 4180 says): a page of
 * rows becomes one chunk of CSV, and the next page is read only when the consumer has taken it.
 */
export function exportComplaintsCsv(ctx: AppContext, filter: ExportFilter, userId: string): Readable {
  return Readable.from(csvChunks(complaintExportPages(ctx, filter, userId)), {
    objectMode: false,
    highWaterMark: 1,
  });
}

async function* csvChunks(pages: AsyncGenerator<string[][]>): AsyncGenerator<string> {
  yield `\ufeff${stringify([[...EXPORT_COLUMNS]], { record_delimiter: 'windows' })}`;
  for await (const page of pages) yield stringify(page, { record_delimiter: 'windows' });
}
