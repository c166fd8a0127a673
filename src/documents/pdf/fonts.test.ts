import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { renderLetter } from '../letters/index.ts';
import { FACTS, letter } from '../letters/test-support.ts';
import { FONT, newPdf } from './document.ts';
import { keptWords } from './fonts.ts';
import { TrueTypeSubsetter } from './subset.ts';

const require = createRequire(import.meta.url);
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

// First in the file, so the first letter is rendered before any word or glyph is kept (each test file runs
// with its modules fresh); render-pool.test.ts checks the same between threads.
describe('letters rendered with words and glyphs kept from other letters', () => {
  it('are the same bytes as the first letter rendered, before anything was kept', async () => {
    const input = {
      ...letter,
      customer: { ...letter.customer, name: 'Gwenllian Ŵyn-Jones' },
      facts: FACTS.proposal,
    };
    const first = await renderLetter(input);
    for (const kind of ['acknowledgement', 'adr-letter-deadlock', 'reply'] as const) {
      await renderLetter({ ...letter, largePrint: true, facts: FACTS[kind] });
    }
    const again = await renderLetter(input);
    expect(again.pdf.equals(first.pdf)).toBe(true);
  });
});

/** The font as fontkit alone makes it: its own subset is the reference for ours. */
function fontkitFont(file: string): { bytes: Buffer; font: Font } {
  const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const font = create(bytes);
  if (!('layout' in font)) throw new Error('not a font');
  return { bytes, font };
}

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const WELSH_AND_MORE = 'Siân Ŵyn Llŷr, Zoë Brontë-Müller, Łukasz Żółć: £24.99 or €30 — “fi fl” ﬁ ½ • ✓';

describe.each(Object.values(FILES))('the subset of %s', (file) => {
  const { bytes, font } = fontkitFont(file);
  const subsetter = new TrueTypeSubsetter(bytes);

  const bothSubsets = (glyphs: number[]) => {
    const theirs = font.createSubset() as unknown as {
      includeGlyph(id: number): number;
      encode(): Uint8Array;
    };
    const ours = subsetter.subset();
    const mapped = glyphs.map((id) => [theirs.includeGlyph(id), ours.includeGlyph(id)]);
    return { mapped, theirs: Buffer.from(theirs.encode()), ours: Buffer.from(ours.encode()) };
  };

  it('is byte for byte fontkit’s for the glyphs of a letter, accented letters built of parts too', () => {
    const glyphs = font.layout(WELSH_AND_MORE).glyphs.map((glyph) => glyph.id);
    expect(glyphs.some((id) => subsetter.glyph(id).components.length > 0)).toBe(true);
    const { mapped, theirs, ours } = bothSubsets(glyphs);
    for (const [a, b] of mapped) expect(b).toBe(a);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('is byte for byte fontkit’s for any glyphs in any order', () => {
    const next = random(file.length);
    for (let trial = 0; trial < 60; trial++) {
      const glyphs = Array.from({ length: 1 + Math.floor(next() * 120) }, () =>
        Math.floor(next() * font.numGlyphs),
      );
      const { theirs, ours } = bothSubsets(glyphs);
      expect(ours.equals(theirs), `trial ${trial}: ${glyphs.join(',')}`).toBe(true);
    }
  });
});

describe('words kept across documents', () => {
  it('are shared by the next document, font by font', () => {
    const meta = {
      title: 'T',
      author: 'A',
      createdAt: '2026-11-28T12:00:00Z',
      margins: { top: 50, bottom: 50, left: 50, right: 50 },
    };
    const first = newPdf(meta);
    first.font(FONT.bold).text('Unusual Ŵords ');
    const second = newPdf(meta);
    const cacheOf = (doc: PDFKit.PDFDocument, name: string) =>
      (doc.font(name) as unknown as { _font: { layoutCache: Record<string, unknown> } })._font.layoutCache;
    expect(cacheOf(second, FONT.bold)['Unusual ']).toBeDefined();
    expect(cacheOf(second, FONT.bold)['Ŵords ']).toBeDefined();
    expect(cacheOf(second, FONT.regular)['Unusual ']).toBeUndefined();
  });

  it('are kept up to a number of characters, the oldest let go first', () => {
    const kept = keptWords(10);
    kept.four = 1;
    kept['five!'] = 2;
    expect([kept.four, kept['five!']]).toEqual([1, 2]);
    kept['six!!!'] = 3;
    expect([kept.four, kept['five!'], kept['six!!!']]).toEqual([undefined, undefined, 3]);
    kept['six!!!'] = 4;
    kept.a = 5;
    expect([kept['six!!!'], kept.a]).toEqual([4, 5]);
    expect(kept.nothing).toBeUndefined();
  });
});
