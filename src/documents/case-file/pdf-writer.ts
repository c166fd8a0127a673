/**
 * The case file's page furniture on top of pdfkit: section headings, labelled fields and log entries that
 * flow from page to page, and the "CRN · Page X of Y" footer. Every piece of text passes through `shown`,
 * so nothing a customer or a member of staff typed can break the layout or the PDF.
 */
import { A4, FONT, mm, pdfText, wrappable } from '../pdf/document.ts';

export const MARGINS = { top: mm(18), bottom: mm(20), left: mm(18), right: mm(18) };
const WIDTH = A4.width - MARGINS.left - MARGINS.right;
const SIZE = { title: 20, section: 15, subheading: 12, body: 10, small: 8 } as const;

/** Longest text one field shows; the rest is in `complaint.json` (and the `.eml`), never lost. */
export const MAX_FIELD_CHARS = 20_000;

/**
 * Text as the PDF shows it: capped, cleaned by `pdfText`, and an over-long unbroken run cut into pieces
 * pdfkit wraps quickly (`wrappable`). Shorter runs (a SHA-256, a file path) are left whole, so they copy out
 * of the PDF as they are.
 */
export function shown(text: string): string {
  let value = text;
  if (value.length > MAX_FIELD_CHARS) {
    const cut = value.slice(0, MAX_FIELD_CHARS).replace(/[\ud800-\udbff]$/, ''); // no half an emoji
    value = `${cut}… [shortened here after ${MAX_FIELD_CHARS.toLocaleString('en-GB')} characters; the full text is in complaint.json]`;
  }
  return wrappable(pdfText(value));
}

export class CaseFileWriter {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one (keeps a heading with what follows). */
  private keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private write(text: string, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc
      .font(font)
      .fontSize(size)
      .text(shown(text), MARGINS.left, this.doc.y, { width: WIDTH, ...options });
  }

  title(text: string, subtitle: string): void {
    this.write(text, FONT.bold, SIZE.title);
    this.write(subtitle, FONT.regular, SIZE.subheading);
    this.doc.moveDown(1);
  }

  /** A major part of the file, on a page of its own. */
  section(title: string, introduction?: string): void {
    this.doc.addPage();
    this.write(title, FONT.bold, SIZE.section);
    this.doc.moveDown(0.4);
    if (introduction) this.paragraph(introduction);
  }

  subheading(text: string): void {
    this.keep(SIZE.subheading * 5);
    this.doc.moveDown(0.5);
    this.write(text, FONT.bold, SIZE.subheading);
    this.doc.moveDown(0.2);
  }

  paragraph(text: string): void {
    this.write(text, FONT.regular, SIZE.body);
    this.doc.moveDown(0.5);
  }

  /** Label: value lines; a null value is left out, so the reader sees only what was recorded. */
  fields(rows: readonly (readonly [string, string | null])[]): void {
    for (const [label, value] of rows) {
      if (value === null) continue;
      this.keep(SIZE.body * 2);
      this.doc
        .font(FONT.bold)
        .fontSize(SIZE.body)
        .text(`${label}: `, MARGINS.left, this.doc.y, { width: WIDTH, continued: true })
        .font(FONT.regular)
        .text(shown(value));
    }
    this.doc.moveDown(0.5);
  }

  /** One entry of a log: a bold line (when, what, who) over its text. */
  entry(head: string, body: string | null, detail?: string): void {
    this.keep(SIZE.body * 4);
    this.write(head, FONT.bold, SIZE.body);
    if (body) this.write(body, FONT.regular, SIZE.body);
    if (detail) this.write(detail, FONT.regular, SIZE.small);
    this.doc.moveDown(0.5);
  }

  /** Writes "CRN · Page X of Y" at the foot of every page, once they are all laid out. */
  footers(reference: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Inside the bottom margin: with the margin in place pdfkit would start a new page for it.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font(FONT.regular)
        .fontSize(SIZE.small)
        .text(shown(`${reference} · Page ${i - start + 1} of ${count}`), MARGINS.left, A4.height - mm(12), {
          width: WIDTH,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = margin;
    }
  }
}
