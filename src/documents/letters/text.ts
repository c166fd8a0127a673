/**
 * The letter as plain text, for screen readers and text relay: the same words in reading order — letterhead,
 * date, reference, address, heading, greeting, body, sign-off — with no layout but blank lines, "- " before
 * a list item and "> " before a quoted line (as in our plain-text emails).
 */
import { pdfText } from '../pdf/document.ts';
import type { LetterBlock } from './types.ts';

export interface LetterParts {
  letterhead: string[];
  date: string;
  reference: string;
  address: string[];
  title: string;
  greeting: string;
  blocks: readonly LetterBlock[];
  signOff: string[];
}

function blockLines(block: LetterBlock): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items.map((item) => `- ${item}`);
    case 'quote':
      return block.text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`));
    default: {
      const unknown: never = block;
      throw new Error(`unknown block ${(unknown as { type: string }).type}`);
    }
  }
}

export function letterText(parts: LetterParts): string {
  const sections = [
    parts.letterhead,
    [parts.date, parts.reference],
    parts.address,
    [parts.title],
    [parts.greeting],
    ...parts.blocks.map(blockLines),
    parts.signOff,
  ];
  return `${pdfText(sections.map((lines) => lines.join('\n')).join('\n\n'))}\n`;
}
