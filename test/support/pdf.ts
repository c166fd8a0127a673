/**
 * Reads a PDF the way a person or a screen reader would, with pdf.js: the text of each page, and each run of
 * text with its position and size (to check large print and the envelope window).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextRun {
  page: number;
  text: string;
  /** From the page's left edge, in points. */
  x: number;
  /** From the page's top edge, in points (pdf.js counts from the bottom). */
  top: number;
  /** Font size in points. */
  size: number;
}

export interface PdfContent {
  pages: string[];
  runs: PdfTextRun[];
  /** Every page's text joined, whitespace collapsed: for `toContain` checks across line breaks. */
  text: string;
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const runs: PdfTextRun[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.view[3] ?? 0;
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() === '') continue;
      const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
      runs.push({ page: n, text: item.str, x: e, top: height - f, size: Math.hypot(a, b) });
    }
    pages.push(text);
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  await pdf.destroy();
  return { pages, runs, text: pages.join('\n').replace(/\s+/g, ' '), info };
}
