/**
 * A page of the complaint export (export-complaints.ts) as CSV, made where its rows are read: on a SQLite
 * reader thread, so that a page crosses to the main thread as one string (db/encoded-read.ts), or on
 * the main thread for PostgreSQL. Plain JavaScript, so a reader thread loads it without tsx.
 *
 * London time is read with the same Intl formatter as domain/time.ts `londonWallClock` (which a thread
 * without tsx cannot import); complaint-export-csv.test.ts holds the two together across changes of the
 * clocks. Each cell is made spreadsheet-safe (see export-complaints.ts).
 */
import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet will not run as a formula. */
export function spreadsheetSafe(value) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
/** London's offset from UTC in each UTC hour met (it changes only on the hour), so a row costs no Intl call. */
const offsets = new Map();

function londonOffset(hour) {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = {};
    for (const part of london.formatToParts(new Date(hour * HOUR_MS))) p[part.type] = Number(part.value);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - hour * HOUR_MS;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** An instant (ISO-8601 text) as London wall-clock time, `YYYY-MM-DD HH:MM`, or '' for none. */
export function wallClock(instant) {
  if (!instant) return '';
  const ms = Date.parse(instant);
  const offset = londonOffset(Math.floor(ms / HOUR_MS));
  return new Date(ms + offset).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The rows as CSV lines (CRLF ends). `columns` names each row's values in order (the query's);
 * `stageNames` maps a stage to the name the procedure gives it.
 *
 * @param {unknown[][]} rows
 * @param {{ columns: readonly string[], stageNames: Record<string, string> }} options
 * @returns {string}
 */
export default function complaintExportCsv(rows, { columns, stageNames }) {
  const at = Object.fromEntries(columns.map((column, i) => [column, i]));
  const text = (row, column) => row[at[column]] ?? '';
  const lines = rows.map((row) => {
    const stage = row[at.stage];
    return [
      row[at.reference],
      wallClock(row[at.received_at]),
      wallClock(row[at.first_expressed_at]),
      row[at.channel],
      row[at.category],
      text(row, 'customer_type'),
      Object.hasOwn(stageNames, stage) ? stageNames[stage] : stage,
      text(row, 'owner_name'),
      row[at.adr_due_on],
      wallClock(row[at.closed_at]),
      text(row, 'closure_reason'),
      text(row, 'root_cause'),
    ].map(spreadsheetSafe);
  });
  return stringify(lines, { record_delimiter: 'windows' });
}
