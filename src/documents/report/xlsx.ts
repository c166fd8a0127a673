/**
 * The monthly management report as a spreadsheet (exceljs): a sheet per section of model.ts, the figures as
 * numbers (money as pounds, shares as percentages, formatted by the cell, not turned into text), so a
 * director can chart or sum them as they like. The first sheet says what the report is and when it was made.
 */
import ExcelJS from 'exceljs';
import { type Cell, type MonthlyReportInput, reportSections } from './model.ts';

/** The report as .xlsx bytes. */
export async function monthlyReportXlsx(report: MonthlyReportInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = report.procedure.company.tradingName;
  book.created = new Date(report.generatedAt);
  book.modified = new Date(report.generatedAt);
  book.title = `Complaints management report, ${report.monthName}`;
  const about = book.addWorksheet('About');
  about.columns = [{ width: 34 }, { width: 60 }];
  about.addRows([
    ['Complaints management report', report.monthName],
    ['Provider', report.procedure.company.name],
    ['From', report.current.from],
    ['To', report.current.to],
    ['Compared with', `${report.previousMonthName} (${report.previous.from} to ${report.previous.to})`],
    ['Made', report.generatedAt],
    ['Month complete', report.partial ? 'No: the month so far' : 'Yes'],
  ]);
  about.getColumn(1).font = { bold: true };
  for (const section of reportSections(report)) {
    const sheet = book.addWorksheet(section.sheet);
    sheet.addRow([section.title]).font = { bold: true, size: 13 };
    if (section.warning) sheet.addRow([section.warning]).font = { bold: true, color: { argb: 'FFB3261E' } };
    sheet.addRow([section.note]);
    sheet.addRow([]);
    const header = sheet.addRow(section.table.columns);
    header.font = { bold: true };
    for (const cells of section.table.rows) {
      const row = sheet.addRow(cells.map(value));
      cells.forEach((cell, i) => {
        const format = numberFormat(cell);
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 44 : 18;
    });
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function value(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('pence' in cell) return cell.pence / 100;
  return cell.share;
}

function numberFormat(cell: Cell): string | undefined {
  if (cell === null || typeof cell !== 'object') return undefined;
  return 'pence' in cell ? '"£"#,##0.00' : '0.0%';
}
