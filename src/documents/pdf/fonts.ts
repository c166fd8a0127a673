/**
 * DejaVu Sans and DejaVu Sans Bold as pdfkit gets them: parsed once per process (or thread), and made cheap
 * to use again in every document. Profiled over letters (`node --cpu-prof`, see docs/PERFORMANCE.md), a
 * letter spent nearly a third of its CPU shaping words with fontkit (`layout`: cmap, GSUB, GPOS) — the same
 * few hundred words in every letter, shaped again in each — and a fifth subsetting the fonts (see
 * `subset.ts`). Here a word is shaped once per process and a glyph read once, and each letter still gets
 * exactly the bytes it got before (fonts.test.ts, render-pool.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font, type Subset } from 'fontkit';
import { TrueTypeSubsetter } from './subset.ts';

/** The names documents select the fonts by. */
export const FONT = { regular: 'body', bold: 'body-bold' } as const;

/**
 * Characters of shaped text kept per font (a word of a letter is under 20; a hostile 200-character piece is
 * kept like any other): about 5 MB per font when full (measured: 26 bytes a character), and far more than
 * the few thousand words of every kind of letter with the names and addresses of the day.
 */
const KEPT_CHARACTERS = 200_000;

const require = createRequire(import.meta.url);

/**
 * pdfkit lays text out a word at a time (a word with its trailing space, no features of its own), and keeps
 * each word's run per document in its font's `layoutCache` — pdfkit 0.20's `EmbeddedFont`, not part of its
 * typings. Each document starts that cache empty, and shaping a word with fontkit (5–130 µs) was most of
 * what a letter's text cost. Given this one instead, every document shares the runs of every document
 * before it. pdfkit only reads a run once it has scaled it (as it already does across a document), and
 * fontkit's shaping depends on nothing but the word and the font, so a kept run is the one pdfkit would
 * make again. Oldest words out first, past `limit` characters.
 */
export function keptWords(limit = KEPT_CHARACTERS): Record<string, unknown> {
  const runs = new Map<string, unknown>();
  let characters = 0;
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, text) => (typeof text === 'string' ? runs.get(text) : undefined),
    set: (_, text, run) => {
      if (typeof text !== 'string') return false;
      if (!runs.has(text)) characters += text.length;
      runs.set(text, run);
      for (const oldest of runs.keys()) {
        if (characters <= limit) break;
        runs.delete(oldest);
        characters -= oldest.length;
      }
      return true;
    },
  });
}

interface DejaVu {
  font: Font;
  words: Record<string, unknown>;
}

function parse(file: string): DejaVu {
  const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const font = create(bytes);
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  // pdfkit asks the font for a subset per document, and for nothing else of it (typed loosely by fontkit).
  const subsetter = new TrueTypeSubsetter(bytes);
  font.createSubset = () => subsetter.subset() as unknown as Subset;
  return { font, words: keptWords() };
}

let fonts: { regular: DejaVu; bold: DejaVu } | undefined;

/**
 * The fonts, read and parsed once per process. pdfkit takes a parsed fontkit font as readily as the file's
 * bytes; parsing DejaVu's tables for every document took most of a letter's rendering time.
 */
function dejaVu(): { regular: DejaVu; bold: DejaVu } {
  fonts ??= { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  return fonts;
}

/** What Redress reaches of pdfkit's font for a document (see `keptWords`). */
interface PdfkitFont {
  font?: unknown;
  layoutCache?: unknown;
}

/**
 * Registers DejaVu Sans (`FONT.regular`, selected) and DejaVu Sans Bold (`FONT.bold`) on a new document,
 * sharing the words shaped in every document before it.
 */
export function registerDejaVu(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = dejaVu();
  for (const [name, { font, words }] of [
    [FONT.regular, regular],
    [FONT.bold, bold],
  ] as const) {
    // The typings know only paths and bytes; pdfkit's font factory also takes a font object (it has `layout`).
    doc.registerFont(name, font as unknown as Buffer);
    const current = (doc.font(name) as unknown as { _font?: PdfkitFont })._font;
    if (current?.font !== font || typeof current.layoutCache !== 'object') {
      throw new Error(
        'pdfkit no longer keeps a layoutCache on its font: see keptWords in src/documents/pdf/fonts.ts',
      );
    }
    current.layoutCache = words;
  }
  doc.font(FONT.regular);
}
