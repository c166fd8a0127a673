import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { renderLetter } from '../letters/index.ts';
import { FACTS, letter } from '../letters/test-support.ts';
import { parsedFonts } from './fonts.ts';
import { TrueTypeSubsetter } from './subset.ts';

const require = createRequire(import.meta.url);
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** The font as fontkit alone makes it: its own layout and its own subset, the reference for both. */
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

describe.each(Object.entries(FILES))('DejaVu Sans (%s)', (style, file) => {
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

  it('subsets the glyphs of a letter byte for byte as fontkit does, accented letters built of parts too', () => {
    const glyphs = font.layout(WELSH_AND_MORE).glyphs.map((glyph) => glyph.id);
    expect(glyphs.some((id) => subsetter.glyph(id).components.length > 0)).toBe(true);
    const { mapped, theirs, ours } = bothSubsets(glyphs);
    for (const [a, b] of mapped) expect(b).toBe(a);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('subsets any glyphs in any order byte for byte as fontkit does', () => {
    const next = random(file.length);
    for (let trial = 0; trial < 60; trial++) {
      const glyphs = Array.from({ length: 1 + Math.floor(next() * 120) }, () =>
        Math.floor(next() * font.numGlyphs),
      );
      const { theirs, ours } = bothSubsets(glyphs);
      expect(ours.equals(theirs), `trial ${trial}: ${glyphs.join(',')}`).toBe(true);
    }
  });

  it('shapes a word it has kept exactly as fontkit shapes it, and hands out positions of its own', () => {
    const kept = parsedFonts()[style as keyof typeof FILES];
    for (const word of [...WELSH_AND_MORE.split(' ').map((w) => `${w} `), 'AVATAR ', 'Toyota, ', 'office']) {
      const expected = font.layout(word);
      for (let round = 0; round < 2; round++) {
        const run = kept.layout(word);
        expect(run.glyphs.map((glyph) => glyph.id)).toEqual(expected.glyphs.map((glyph) => glyph.id));
        expect(run.positions.map((p) => ({ ...p }))).toEqual(expected.positions.map((p) => ({ ...p })));
        expect(run.advanceWidth).toBe(expected.advanceWidth);
        // pdfkit scales the positions it is given in place: the next caller must not see that.
        for (const position of run.positions) position.xAdvance *= 1000;
      }
    }
  });
});

describe('letters rendered with words and glyphs kept from other letters', () => {
  it('are the same bytes as before they were kept', async () => {
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
