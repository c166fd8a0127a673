/** Types of complaint-export-csv.mjs (plain JavaScript, so that a reader thread loads it without tsx). */

/** A cell a spreadsheet will not run as a formula. */
export function spreadsheetSafe(value: string): string;

/** An instant (ISO-8601 text) as London wall-clock time, `YYYY-MM-DD HH:MM`, or '' for none. */
export function wallClock(instant: string | null): string;

/** A page of the export's rows (arrays of `columns`) as CSV lines with CRLF ends. */
export default function complaintExportCsv(
  rows: unknown[][],
  options: { columns: readonly string[]; stageNames: Record<string, string> },
): string;
