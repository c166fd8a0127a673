/**
 * The letter's text, flowing down the page and on to new pages: paragraphs, headings kept with what follows
 * them, bulleted lists, and quotes of what someone typed, set in with a rule beside them on every page they
 * cross. Every string is drawn through `pdfText` and made `wrappable`, so nothing can overflow the page.
 * Each block is tagged as what it is (H2, P, L of LI, BlockQuote), in the order it is read; the rules beside
 * quotes are artifacts.
 */
import { FONT, pdfText, wrappable } from '../pdf/document.ts';
import { artifact, type Element, group, tag } from '../pdf/tagged.ts';
import { type LetterStyle, PAGE, WIDTH } from './style.ts';
import type { LetterBlock } from './types.ts';

const INDENT = 18;

/** The page being written: pages are buffered, and the body is always written on the last one. */
function currentPage(doc: PDFKit.PDFDocument): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
}

/** Starts a new page unless `height` more points fit on this one. */
export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE.bottom) doc.addPage();
}

export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: LetterStyle,
  options: { font?: string; size?: number; indent?: number; gap?: number } = {},
): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.font ?? FONT.regular)
    .fontSize(options.size ?? style.body)
    .text(wrappable(pdfText(text)), PAGE.left + indent, doc.y, {
      width: WIDTH - indent,
      lineGap: style.lineGap,
      paragraphGap: options.gap ?? style.paragraphGap,
    });
}

export function lineHeight(doc: PDFKit.PDFDocument, style: LetterStyle, size = style.body): number {
  return doc.fontSize(size).currentLineHeight(true) + style.lineGap;
}

function drawQuote(doc: PDFKit.PDFDocument, parent: Element, text: string, style: LetterStyle): void {
  keepTogether(doc, lineHeight(doc, style));
  const from = { page: currentPage(doc), y: doc.y };
  const quote = group(doc, parent, 'BlockQuote');
  tag(doc, quote, 'P', () => drawText(doc, text, style, { indent: INDENT, gap: 0 }));
  quote.end();
  const to = { page: currentPage(doc), y: doc.y };
  for (let page = from.page; page <= to.page; page++) {
    doc.switchToPage(page);
    const top = page === from.page ? from.y : PAGE.top;
    const bottom = page === to.page ? to.y : PAGE.bottom;
    artifact(doc, 'Layout', () =>
      doc
        .moveTo(PAGE.left + 4, top)
        .lineTo(PAGE.left + 4, bottom - style.lineGap)
        .lineWidth(2.5)
        .strokeColor('#777777')
        .stroke(),
    );
  }
  doc.y = to.y + style.paragraphGap;
}

function drawList(doc: PDFKit.PDFDocument, parent: Element, items: string[], style: LetterStyle): void {
  const list = group(doc, parent, 'L');
  for (const [i, item] of items.entries()) {
    // The bullet must land on the same page as its item's first line.
    keepTogether(doc, lineHeight(doc, style));
    const entry = group(doc, list, 'LI');
    const y = doc.y;
    tag(doc, entry, 'Lbl', () =>
      doc
        .font(FONT.regular)
        .fontSize(style.body)
        .text('•', PAGE.left + 4, y, { lineBreak: false }),
    );
    doc.y = y;
    const last = i === items.length - 1;
    tag(doc, entry, 'LBody', () =>
      drawText(doc, item, style, { indent: INDENT, gap: last ? style.paragraphGap : style.paragraphGap / 2 }),
    );
    entry.end();
  }
  list.end();
}

/** Draws the body's blocks in order, each tagged under `parent`. */
export function drawBlocks(
  doc: PDFKit.PDFDocument,
  parent: Element,
  blocks: readonly LetterBlock[],
  style: LetterStyle,
): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        // A heading is never left alone at the foot of a page.
        keepTogether(doc, lineHeight(doc, style, style.heading) + 3 * lineHeight(doc, style));
        doc.y += style.paragraphGap / 2;
        tag(doc, parent, 'H2', () =>
          drawText(doc, block.text, style, {
            font: FONT.bold,
            size: style.heading,
            gap: style.paragraphGap / 2,
          }),
        );
        break;
      case 'paragraph':
        tag(doc, parent, 'P', () => drawText(doc, block.text, style));
        break;
      case 'list':
        drawList(doc, parent, block.items, style);
        break;
      case 'quote':
        drawQuote(doc, parent, block.text, style);
        break;
      default: {
        const unknown: never = block;
        throw new Error(`unknown block ${(unknown as { type: string }).type}`);
      }
    }
  }
}
