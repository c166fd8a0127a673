/**
 * The case file's page furniture on top of pdfkit: section headings, labelled fields and log entries that
 * flow from page to page, and the "CRN · Page X of Y" footer. Every piece of text passes through `shown`,
 * so nothing a customer or a member of staff typed can break the layout or the PDF.
 *
 * Tagged as it is written, so a screen reader at the scheme reads it in order: the title H1, each section a
 * Sect with its heading H2 (a subheading is one level below the heading it follows: H2 on the cover, H3 in a
 * section), a field or a paragraph a P, a log entry a Div of its P's; the footer is an artifact.
 */
import { A4, FONT, mm, pdfText, wrappable } from '../pdf/document.ts';
import { artifact, documentElement, type Element, group, tag } from '../pdf/tagged.ts';

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
  private readonly root: Element;
  /** The section being written, once the cover is done. */
  private openSection: Element | undefined;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.root = documentElement(doc);
  }

  /** Where the next element goes: the open section, or the document on the cover. */
  private get parent(): Element {
    return this.openSection ?? this.root;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one (keeps a heading with what follows). */
  private keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Writes `text` as one `type` element under `parent`. */
  private write(
    parent: Element,
    type: string,
    text: string,
    font: string,
    size: number,
    options: PDFKit.Mixins.TextOptions = {},
  ): void {
    tag(this.doc, parent, type, () =>
      this.doc
        .font(font)
        .fontSize(size)
        .text(shown(text), MARGINS.left, this.doc.y, { width: WIDTH, ...options }),
    );
  }

  title(text: string, subtitle: string): void {
    this.write(this.root, 'H1', text, FONT.bold, SIZE.title);
    this.write(this.root, 'P', subtitle, FONT.regular, SIZE.subheading);
    this.doc.moveDown(1);
  }

  /** A major part of the file, on a page of its own. */
  section(title: string, introduction?: string): void {
    this.openSection?.end();
    this.doc.addPage();
    this.openSection = group(this.doc, this.root, 'Sect');
    this.write(this.openSection, 'H2', title, FONT.bold, SIZE.section);
    this.doc.moveDown(0.4);
    if (introduction) this.paragraph(introduction);
  }

  subheading(text: string): void {
    this.keep(SIZE.subheading * 5);
    this.doc.moveDown(0.5);
    this.write(this.parent, this.openSection ? 'H3' : 'H2', text, FONT.bold, SIZE.subheading);
    this.doc.moveDown(0.2);
  }

  paragraph(text: string): void {
    this.write(this.parent, 'P', text, FONT.regular, SIZE.body);
    this.doc.moveDown(0.5);
  }

  /** Label: value lines; a null value is left out, so the reader sees only what was recorded. */
  fields(rows: readonly (readonly [string, string | null])[]): void {
    for (const [label, value] of rows) {
      if (value === null) continue;
      this.keep(SIZE.body * 2);
      tag(this.doc, this.parent, 'P', () =>
        this.doc
          .font(FONT.bold)
          .fontSize(SIZE.body)
          .text(`${label}: `, MARGINS.left, this.doc.y, { width: WIDTH, continued: true })
          .font(FONT.regular)
          .text(shown(value)),
      );
    }
    this.doc.moveDown(0.5);
  }

  /** One entry of a log: a bold line (when, what, who) over its text. */
  entry(head: string, body: string | null, detail?: string): void {
    this.keep(SIZE.body * 4);
    const entry = group(this.doc, this.parent, 'Div');
    this.write(entry, 'P', head, FONT.bold, SIZE.body);
    if (body) this.write(entry, 'P', body, FONT.regular, SIZE.body);
    if (detail) this.write(entry, 'P', detail, FONT.regular, SIZE.small);
    entry.end();
    this.doc.moveDown(0.5);
  }

  /** Closes the structure and writes "CRN · Page X of Y" at the foot of every page, once all are laid out. */
  finish(reference: string): void {
    this.openSection?.end();
    this.root.end();
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Inside the bottom margin: with the margin in place pdfkit would start a new page for it.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const footer = shown(`${reference} · Page ${i - start + 1} of ${count}`);
      artifact(this.doc, 'Pagination', () =>
        this.doc
          .font(FONT.regular)
          .fontSize(SIZE.small)
          .text(footer, MARGINS.left, A4.height - mm(12), {
            width: WIDTH,
            align: 'center',
            lineBreak: false,
          }),
      );
      this.doc.page.margins.bottom = margin;
    }
  }
}
