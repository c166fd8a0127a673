/**
 * The monthly management report (issue 12; REGULATORY items 18–19, ISO 10002's management review): a month's
 * figures beside the month before's, as a PDF on the letters' letterhead and as a spreadsheet. The figures
 * are the dashboard's own (`readInsight`), so the report and the screen never disagree.
 */
import type { MonthlyReportInput } from '../documents/report/model.ts';
import { addDays, addMonths, type LocalDate, londonDate, startOfNextMonth } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';
import { listImprovementsDone } from './list-improvements-done.ts';
import { readInsight } from './read-insight.ts';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const monthName = (first: LocalDate) =>
  new Date(`${first}T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The first and last London days of `month` (`YYYY-MM`); a bad month is a validation error on `field`. */
export function monthRange(month: string, field = 'month'): { first: LocalDate; last: LocalDate } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw invalidField(field, 'must be a month written YYYY-MM, such as 2026-10');
  const first = `${month}-01`;
  return { first, last: addDays(startOfNextMonth(first), -1) };
}

/** The month before today's London month, `YYYY-MM`: the one a report on the 1st is about. */
export function lastMonth(now: Date): string {
  return addMonths(`${londonDate(now).slice(0, 7)}-01`, -1).slice(0, 7);
}

/** What the report for `month` is made from. The current month gives the figures so far; a later one is refused. */
export async function readMonthlyReport(ctx: AppContext, month: string): Promise<MonthlyReportInput> {
  const { first, last } = monthRange(month);
  const today = londonDate(ctx.now());
  if (first > today) throw invalidField('month', 'is still to come: a report covers a month that has begun');
  const partial = last >= today;
  const previousFirst = addMonths(first, -1);
  const [current, previous, improvementsDone] = await Promise.all([
    readInsight(ctx, { from: first, to: partial ? today : last }),
    readInsight(ctx, { from: previousFirst, to: addDays(first, -1) }),
    listImprovementsDone(ctx, month),
  ]);
  return {
    month,
    monthName: monthName(first),
    previousMonthName: monthName(previousFirst),
    partial,
    generatedAt: ctx.now().toISOString(),
    procedure: ctx.procedure,
    current,
    previous,
    improvementsDone,
  };
}

/** The report for `month` as a file: a PDF (rendered off the event loop when the server has render threads) or XLSX. */
export async function monthlyReportFile(
  ctx: AppContext,
  month: string,
  format: ReportFormat,
): Promise<ReportFile> {
  return reportFile(ctx, await readMonthlyReport(ctx, month), format);
}

/** A report already read, as a file of `format`. */
export async function reportFile(
  ctx: AppContext,
  report: MonthlyReportInput,
  format: ReportFormat,
): Promise<ReportFile> {
  // The renderers (exceljs is heavy) load on the first report, not with every process that could make one.
  let bytes: Buffer;
  if (format === 'xlsx')
    bytes = await (await import('../documents/report/xlsx.ts')).monthlyReportXlsx(report);
  else if (ctx.letters?.renderReport) bytes = await ctx.letters.renderReport(report);
  else bytes = await (await import('../documents/report/pdf.ts')).renderMonthlyReportPdf(report);
  return {
    fileName: `complaints-report-${report.month}.${format}`,
    mediaType: REPORT_MEDIA_TYPES[format],
    bytes,
  };
}
