/**
 * The monthly management report as a PDF: the letters' letterhead, then each section of model.ts with its
 * note, a bar chart where one helps, and its figures as a table. Tagged like the letters (tagged.ts): a
 * screen reader hears the headings, reads each table as a table (TH/TD), and hears a chart's description
 * rather than its bars; the same figures are in the table below every chart.
 */
import { formatDate } from '../case-file/format.ts';
import { drawFooters, drawLetterhead } from '../letters/page.ts';
import { PAGE, STANDARD } from '../letters/style.ts';
import { A4, FONT, mm, newPdf, pdfBytes, pdfText } from '../pdf/document.ts';
import { artifact, documentElement, type Element, group, tag } from '../pdf/tagged.ts';
import {
  type Cell,
  cellNumber,
  cellText,
  type MonthlyReportInput,
  type ReportSection,
  reportSections,
} from './model.ts';

const LEFT = PAGE.left;
const WIDTH = PAGE.right - PAGE.left;
const BOTTOM = A4.height - mm(24);
const SIZE = { title: 16, heading: 12.5, body: 9.5, small: 8 };
const ROW = 14;
const BAR = { height: 9, gap: 4, label: WIDTH * 0.42, colour: '#1f5f8b', warning: '#b3261e' };

/** Renders the report; the same input gives the same bytes. */
export function renderMonthlyReportPdf(report: MonthlyReportInput): Promise<Buffer> {
  const doc = newPdf({
    title: `Complaints management report, ${report.monthName}`,
    author: report.procedure.company.tradingName,
    createdAt: report.generatedAt,
    margins: { top: PAGE.top, bottom: A4.height - BOTTOM, left: LEFT, right: A4.width - PAGE.right },
  });
  const root = documentElement(doc);
  const writer = new ReportWriter(doc, root);
  drawLetterhead(doc, root, report.procedure, STANDARD);
  doc.y = Math.max(doc.y + 18, mm(62));
  writer.text('H1', `Complaints management report: ${report.monthName}`, FONT.bold, SIZE.title);
  writer.text(
    'P',
    `${report.procedure.company.name}. ${report.partial ? `The month so far, to ${formatDate(report.current.to)}` : `1 to ${formatDate(report.current.to)}`}, beside ${report.previousMonthName}. Made ${formatDate(report.generatedAt.slice(0, 10))}.`,
    FONT.regular,
    SIZE.body,
  );
  doc.moveDown(0.6);
  for (const section of reportSections(report)) writer.section(section);
  root.end();
  drawFooters(doc, `Complaints management report, ${report.monthName}`, SIZE.small);
  return pdfBytes(doc);
}

class ReportWriter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly root: Element,
  ) {}

  /** Starts a new page unless `height` points still fit on this one. */
  private keep(height: number): void {
    if (this.doc.y + height > BOTTOM) {
      this.doc.addPage();
      this.doc.y = PAGE.top;
    }
  }

  text(
    type: string,
    text: string,
    font: string,
    size: number,
    parent: Element = this.root,
    colour = '#000000',
  ) {
    tag(this.doc, parent, type, () =>
      this.doc
        .font(font)
        .fontSize(size)
        .fillColor(colour)
        .text(pdfText(text), LEFT, this.doc.y, { width: WIDTH }),
    );
    this.doc.fillColor('#000000');
  }

  section(section: ReportSection): void {
    const rows = section.table.rows.length;
    // A section's heading, note and chart stay together; a long table may run on to the next page.
    const chartHeight = section.chart ? rows * (BAR.height + BAR.gap) + 8 : 0;
    this.keep(60 + chartHeight + Math.min(rows, 6) * ROW);
    const sect = group(this.doc, this.root, 'Sect');
    this.doc.moveDown(0.8);
    this.text('H2', section.title, FONT.bold, SIZE.heading, sect);
    this.doc.moveDown(0.2);
    if (section.warning) this.text('P', section.warning, FONT.bold, SIZE.body, sect, BAR.warning);
    this.text('P', section.note, FONT.regular, SIZE.body, sect);
    this.doc.moveDown(0.4);
    // A table of no rows would be a heading over nothing: the note says there is nothing to show.
    if (rows > 0) {
      if (section.chart) this.chart(sect, section);
      this.table(sect, section);
    }
    sect.end();
  }

  /** Horizontal bars of one column, labelled by the first; a Figure with its description as alternative text. */
  private chart(parent: Element, section: ReportSection): void {
    const { column, alt } = section.chart ?? { column: 1, alt: '' };
    const { doc } = this;
    const values = section.table.rows.map((row) => cellNumber(row[column] ?? null));
    const max = Math.max(1, ...values);
    const top = doc.y;
    const room = WIDTH - BAR.label - 40;
    const colour = section.sheet === 'ADR letters' ? BAR.warning : BAR.colour;
    const figure = doc.struct('Figure', { alt }, () => {
      section.table.rows.forEach((row, i) => {
        const y = top + i * (BAR.height + BAR.gap);
        const value = values[i] ?? 0;
        doc
          .font(FONT.regular)
          .fontSize(SIZE.small)
          .fillColor('#000000')
          .text(pdfText(cellText(row[0] ?? null)), LEFT, y, {
            width: BAR.label - 6,
            height: BAR.height + 1,
            ellipsis: true,
          });
        const width = (value / max) * room;
        if (width > 0) doc.rect(LEFT + BAR.label, y, width, BAR.height).fill(colour);
        doc
          .fillColor('#000000')
          .text(cellText(row[column] ?? null), LEFT + BAR.label + width + 4, y, { lineBreak: false });
      });
    });
    parent.add(figure);
    doc.y = top + section.table.rows.length * (BAR.height + BAR.gap) + 8;
    doc.x = LEFT;
  }

  /** The figures, a row a line: the first column wide (unless given widths), numbers right-aligned, text left. */
  private table(parent: Element, section: ReportSection): void {
    const { doc } = this;
    const { columns, rows, widths } = section.table;
    const first = WIDTH * (columns.length > 3 ? 0.32 : 0.5);
    const rest = (WIDTH - first) / Math.max(1, columns.length - 1);
    const given = (i: number) => WIDTH * (widths ?? []).slice(0, i).reduce((a, b) => a + b, 0);
    const x = (i: number) => (widths ? LEFT + given(i) : i === 0 ? LEFT : LEFT + first + (i - 1) * rest);
    const width = (i: number) => (widths ? WIDTH * (widths[i] ?? 0) - 6 : i === 0 ? first - 6 : rest - 6);
    const left = (i: number) => i === 0 || typeof rows[0]?.[i] === 'string';
    const table = group(doc, parent, 'Table');
    const line = (cells: readonly Cell[], header: boolean) => {
      const height = Math.max(
        ROW,
        ...cells.map(
          (cell, i) =>
            doc
              .font(header ? FONT.bold : FONT.regular)
              .fontSize(SIZE.body)
              .heightOfString(pdfText(cellText(cell)), { width: width(i) }) + 4,
        ),
      );
      this.keep(height);
      const y = doc.y;
      const tr = group(doc, table, 'TR');
      cells.forEach((cell, i) => {
        tag(doc, tr, header || i === 0 ? 'TH' : 'TD', () =>
          doc
            .font(header ? FONT.bold : FONT.regular)
            .fontSize(SIZE.body)
            .text(pdfText(cellText(cell)), x(i), y + 2, {
              width: width(i),
              align: left(i) ? 'left' : 'right',
            }),
        );
      });
      tr.end();
      artifact(doc, 'Layout', () =>
        doc
          .moveTo(LEFT, y + height)
          .lineTo(LEFT + WIDTH, y + height)
          .lineWidth(header ? 0.8 : 0.3)
          .strokeColor('#888888')
          .stroke(),
      );
      doc.y = y + height;
    };
    line(columns, true);
    for (const row of rows) line(row, false);
    table.end();
    doc.x = LEFT;
    doc.moveDown(0.3);
  }
}
