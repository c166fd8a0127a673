/**
 * The page furniture: the letterhead, the address in the envelope window, and "Page X of Y" on every page.
 * The letterhead and the address are read, each a group (Div) of one paragraph a line: drawn a call a line,
 * their lines carry no space between them, and a reader given them as one paragraph runs "Ledbury" into
 * "HR8 1AA". The footer repeats on every page and is an artifact, as is the rule under the trading name.
 */
import type { Procedure } from '../../domain/procedure.ts';
import { FONT, pdfText, wrappable } from '../pdf/document.ts';
import { artifact, type Element, group, tag } from '../pdf/tagged.ts';
import { type LetterStyle, PAGE } from './style.ts';
import { websiteWords } from './words.ts';

/** The company's postal address and how to reach it, one line each, as the letterhead prints them. */
export function companyLines(procedure: Procedure): string[] {
  const { company } = procedure;
  return [
    ...company.address.lines,
    company.address.town,
    company.address.postcode,
    `Phone ${company.phone}`,
    // Unlabelled, as on any letterhead: they read as what they are, and fit the column in large print.
    company.email,
    websiteWords(company.website),
  ];
}

/** The customer's name and postal address; just the name when there is no postal address. */
export function addressLines(customer: { name: string; addressLines: string[]; postcode: string | null }) {
  return [customer.name, ...customer.addressLines, customer.postcode ?? ''].filter(
    (line) => line.trim() !== '',
  );
}

/**
 * The trading name across the top, then the company's details down the right. Returns where the details
 * end, so the letter's text starts below them.
 */
export function drawLetterhead(
  doc: PDFKit.PDFDocument,
  parent: Element,
  procedure: Procedure,
  style: LetterStyle,
): number {
  tag(doc, parent, 'P', () =>
    doc
      .font(FONT.bold)
      .fontSize(style.tradingName)
      .text(pdfText(procedure.company.tradingName), PAGE.left, PAGE.letterheadTop, {
        width: PAGE.details.right - PAGE.left,
      }),
  );
  const ruleY = doc.y + 4;
  artifact(doc, 'Layout', () =>
    doc
      .moveTo(PAGE.left, ruleY)
      .lineTo(PAGE.details.right, ruleY)
      .lineWidth(0.75)
      .strokeColor('#555555')
      .stroke(),
  );
  doc.font(FONT.regular).fontSize(style.small);
  doc.y = ruleY + 8;
  const details = group(doc, parent, 'Div');
  // One call a line: pdfkit counts a line break's width in the line before it, and wraps an address that fits.
  for (const line of companyLines(procedure)) {
    tag(doc, details, 'P', () =>
      doc.text(pdfText(line), PAGE.details.left, doc.y, {
        width: PAGE.details.right - PAGE.details.left,
        lineGap: 1,
      }),
    );
  }
  details.end();
  return doc.y;
}

/**
 * The address, placed absolutely in the envelope window, a line at a time (see `drawLetterhead`). It must
 * all show through the window, so a long address is set smaller until it fits, and whatever still would not
 * fit is cut with an ellipsis. This holds in large print too: the window is read by the postal service, and
 * a 16 pt address of six lines or more cannot show through it; the customer's own reading starts at the
 * greeting, which is always at the letter's size.
 */
export function drawAddress(
  doc: PDFKit.PDFDocument,
  parent: Element,
  lines: string[],
  style: LetterStyle,
): void {
  const { left, top, width, height } = PAGE.address;
  const text = lines.map((line) => wrappable(pdfText(line)));
  // Set solid (DejaVu's own line height is generous), so five lines fit the window in large print.
  const options = (size: number) => ({ width, lineGap: -0.1 * size, ellipsis: true });
  const heightAt = (size: number) =>
    text.reduce((sum, line) => sum + doc.fontSize(size).heightOfString(line, options(size)), 0);
  doc.font(FONT.regular);
  let size = style.body;
  while (size > 8 && heightAt(size) > height) size -= 0.5;
  doc.fontSize(size);
  doc.y = top;
  const block = group(doc, parent, 'Div');
  for (const line of text) {
    const room = top + height - doc.y;
    if (room < doc.currentLineHeight()) break;
    tag(doc, block, 'P', () => doc.text(line, left, doc.y, { ...options(size), height: room }));
  }
  block.end();
}

/**
 * "Page X of Y" and a line on the left (a letter's reference, a report's title) at the foot of every page,
 * once the number of pages is known. The bottom margin is lifted while writing, or pdfkit would start a new
 * page for text below it.
 */
export function drawFooters(doc: PDFKit.PDFDocument, left: string, size: number): void {
  const { start, count } = doc.bufferedPageRange();
  doc.font(FONT.regular).fontSize(size).fillColor('#000000');
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const page = `Page ${i - start + 1} of ${count}`;
    artifact(doc, 'Pagination', () => {
      doc.text(pdfText(left), PAGE.left, PAGE.footerTop, { lineBreak: false });
      doc.text(page, PAGE.right - doc.widthOfString(page), PAGE.footerTop, { lineBreak: false });
    });
    doc.page.margins.bottom = margin;
  }
}
