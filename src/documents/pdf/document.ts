/**
 * What every PDF Redress writes shares: A4, DejaVu Sans embedded (so any name or text a customer writes has
 * glyphs, not only Latin-1), fixed metadata (the creation date is the document's own date, not the wall
 * clock), tagged for screen readers (PDF 1.7, British English, the title shown instead of the file name; the
 * structure itself is drawn with `tagged.ts`), and the bytes collected into one Buffer. Letters and the case
 * file lay out their pages on top.
 */
import PDFDocument from 'pdfkit';
import { registerDejaVu } from './fonts.ts';

export { FONT } from './fonts.ts';

/** A4 in PDF points (1 pt = 1/72 in). */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** Millimetres to points. */
export const mm = (value: number): number => (value * 72) / 25.4;

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string | undefined;
  /** The document's own date (an ISO instant): written as the creation date, so nothing reads the clock. */
  createdAt: string;
  margins: { top: number; bottom: number; left: number; right: number };
}

/** A new A4 document with the fonts registered and pages buffered (for "page X of Y" at the end). */
export function newPdf(meta: PdfMeta): PDFKit.PDFDocument {
  const created = new Date(meta.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: meta.margins,
    bufferPages: true,
    autoFirstPage: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    // No default font: pdfkit would set up Helvetica for every document (1 ms of CPU, parsing its metrics)
    // only for DejaVu to replace it below. Helvetica was never drawn with, so never written into the PDF.
    font: '',
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject ?? meta.title,
      Creator: 'Redress',
      Producer: 'Redress',
      CreationDate: created,
      ModDate: created,
    },
  });
  registerDejaVu(doc);
  escapeXmp(doc);
  return doc;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * From PDF 1.4 on pdfkit also writes the title, author and subject into the XMP metadata stream, pasted into
 * the XML as they are (pdfkit 0.20.2): a trading name such as "Smith & Jones", or a member of staff's name
 * with a "<", would make it malformed XML, which PDF/UA checkers and some readers reject. pdfkit writes the
 * Info dictionary first and the XMP last, from the same `doc.info`, so the XMP alone gets escaped values.
 */
function escapeXmp(doc: PDFKit.PDFDocument): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(info))
      escaped[key] = typeof value === 'string' ? value.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c) : value;
    doc.info = escaped as PDFKit.DocumentInfo;
    try {
      endMetadata();
    } finally {
      doc.info = info;
    }
  };
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Text as it may go into a PDF: control characters (other than line breaks and tabs) removed, tabs as spaces,
 * line breaks normalised. pdfkit escapes everything else itself, so text that looks like PDF operators stays
 * text.
 */
export function pdfText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

/** Pieces `wrappable` cuts a long unbroken run into: pdfkit breaks each across lines itself, cheaply. */
const PIECE = 200;

/**
 * Text with a zero-width space every 200 characters of any longer unbroken run (a pasted token, a hostile
 * 5,000-character "word"). pdfkit breaks a word wider than the line by measuring the rest of it again for
 * every line, which grows with the square of its length: a 20,000-character word takes seconds. In pieces,
 * it takes milliseconds, and the lines still fill to the margin. Shorter runs (addresses, links) are left whole.
 */
export function wrappable(value: string): string {
  return value.replace(/\S{201,}/gu, (word) => {
    const chars = Array.from(word);
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += PIECE) pieces.push(chars.slice(i, i + PIECE).join(''));
    return pieces.join('\u200b');
  });
}
