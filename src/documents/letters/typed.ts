/**
 * Text a customer or a member of staff typed, made fit to quote in a letter: it may be anything (a pasted
 * log, a hostile string, an essay), and the letter must still print and read.
 */
import { pdfText } from '../pdf/document.ts';

/** Longer than any real description or summary; keeps a pasted log from running to a hundred pages. */
export const MAX_TYPED_CHARS = 20_000;

/**
 * As it was written, less what cannot be shown: control characters, bidirectional overrides (which could
 * make the plain-text letter display words in an order nobody wrote), lone surrogates, runs of blank lines.
 * Cut at `max` characters with "(shortened)" so the reader knows.
 */
export function typed(value: string, max = MAX_TYPED_CHARS): string {
  const clean = pdfText(value)
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[ \u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (clean === '') return '(left blank)';
  if (clean.length <= max) return clean;
  // Cut on a code point boundary, never between the halves of a surrogate pair.
  const cut = clean.slice(0, max).replace(/[\ud800-\udbff]$/, '');
  return `${cut.trimEnd()} … (shortened)`;
}
