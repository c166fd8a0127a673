/**
 * The letters a customer is sent, as PDFs for print and post (windowed DL envelope, large print when they
 * need it) and as plain text with the same words. Written from the procedure's configuration — company,
 * stage names and texts, ADR scheme — in the same plain language as the emails that go with them.
 */
import { formatDate } from '../../mail/templates/layout.ts';
import { A4, FONT, mm, newPdf, pdfBytes } from '../pdf/document.ts';
import { documentElement, group, tag } from '../pdf/tagged.ts';
import { letterBody, letterKindOf } from './content.ts';
import { drawBlocks, drawText, keepTogether, lineHeight } from './flow.ts';
import { addressLines, companyLines, drawAddress, drawFooters, drawLetterhead } from './page.ts';
import { LARGE_PRINT, PAGE, STANDARD } from './style.ts';
import { letterText } from './text.ts';
import { typed } from './typed.ts';
import type { LetterInput, LetterKind, RenderedLetter } from './types.ts';

export { letterKindOf } from './content.ts';
export {
  LETTER_KINDS,
  type LetterFacts,
  type LetterInput,
  type LetterKind,
  type RenderedLetter,
} from './types.ts';

/** Names a real person would give it, and short enough for any file system. */
const FILE_KIND: Record<LetterKind, string> = {
  acknowledgement: 'acknowledgement',
  proposal: 'proposal',
  escalation: 'escalation',
  'follow-up': 'follow-up',
  closure: 'closure',
  'adr-letter-deadlock': 'ADR-letter',
  'adr-letter-time-limit': 'ADR-letter',
  reply: 'letter',
};

export function filenameOf(reference: string, kind: LetterKind, date: string): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60);
  return `${safe(reference)}-${FILE_KIND[kind]}-${safe(date)}.pdf`;
}

/** Renders one letter. Pure: the same input gives the same text, whenever and wherever it is run. */
export async function renderLetter(input: LetterInput): Promise<RenderedLetter> {
  const { procedure, reference, handler } = input;
  const kind = letterKindOf(input.facts);
  const body = letterBody(input);
  const style = input.largePrint ? LARGE_PRINT : STANDARD;
  // Names and addresses are typed by people too; a line longer than this is not a name or an address line.
  const name = typed(input.customer.name, 200);
  const address = addressLines({
    name,
    addressLines: input.customer.addressLines.slice(0, 8).map((line) => typed(line, 200)),
    postcode: input.customer.postcode === null ? null : typed(input.customer.postcode, 20),
  });
  const date = formatDate(input.date);
  const referenceLine = `Your Complaint Reference Number: ${reference}`;
  const greeting = `Dear ${name},`;
  // Signed by a person; when by the team ("The Complaints Team", job title the trading name), the company is
  // named once.
  const signer = typed(handler.name, 200);
  const signerLines = [
    typed(handler.jobTitle, 200),
    ...(handler.jobTitle === procedure.company.tradingName ? [] : [procedure.company.tradingName]),
  ];

  const doc = newPdf({
    title: `${body.title} (${reference})`,
    author: procedure.company.tradingName,
    createdAt: `${input.date}T12:00:00Z`,
    margins: {
      top: PAGE.top,
      bottom: A4.height - PAGE.bottom,
      left: PAGE.left,
      right: A4.width - PAGE.right,
    },
  });
  // Tagged in reading order: letterhead, address, date, reference, title, greeting, body, sign-off.
  const root = documentElement(doc);
  const detailsEnd = drawLetterhead(doc, root, procedure, style);
  drawAddress(doc, root, address, style);
  doc.y = Math.max(PAGE.bodyTop, detailsEnd + mm(6));
  tag(doc, root, 'P', () => drawText(doc, date, style, { gap: 0 }));
  tag(doc, root, 'P', () => drawText(doc, referenceLine, style, { font: FONT.bold }));
  tag(doc, root, 'H1', () => drawText(doc, body.title, style, { font: FONT.bold, size: style.title }));
  tag(doc, root, 'P', () => drawText(doc, greeting, style));
  drawBlocks(doc, root, body.blocks, style);
  // The sign-off stays in one piece: "Yours sincerely,", room to sign, then who signs.
  const line = lineHeight(doc, style);
  keepTogether(doc, line * (signerLines.length + 4));
  tag(doc, root, 'P', () => drawText(doc, 'Yours sincerely,', style, { gap: line * 1.5 }));
  // A paragraph a line, as the address: lines drawn apart carry no space between them.
  const signature = group(doc, root, 'Div');
  tag(doc, signature, 'P', () => drawText(doc, signer, style, { font: FONT.bold, gap: 0 }));
  for (const signerLine of signerLines)
    tag(doc, signature, 'P', () => drawText(doc, signerLine, style, { gap: 0 }));
  signature.end();
  root.end();
  drawFooters(doc, `Reference: ${reference}`, style.small);
  const pages = doc.bufferedPageRange().count;
  const pdf = await pdfBytes(doc);

  const text = letterText({
    letterhead: [procedure.company.tradingName, ...companyLines(procedure)],
    date,
    reference: referenceLine,
    address,
    title: body.title,
    greeting,
    blocks: body.blocks,
    signOff: ['Yours sincerely,', '', signer, ...signerLines],
  });
  return { kind, title: body.title, filename: filenameOf(reference, kind, input.date), pdf, text, pages };
}
