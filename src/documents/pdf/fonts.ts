/**
 * DejaVu Sans and DejaVu Sans Bold as pdfkit gets them: parsed once per process (or thread), and made cheap
 * to use again in every document. Profiled over 200 distinct letters (`node --cpu-prof`, docs/PERFORMANCE.md),
 * a letter spent about a quarter of its CPU shaping words with fontkit (`layout`: cmap, GSUB, GPOS) — the
 * same few hundred words in every letter, shaped again in each — and a fifth subsetting the fonts
 * (`subset.encode`, see `subset.ts`). Both are done here once per word and once per glyph, and each letter
 * still gets exactly the bytes it got before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font, type GlyphRun, type Subset } from 'fontkit';
import { TrueTypeSubsetter } from './subset.ts';

const require = createRequire(import.meta.url);

/** Words kept shaped per font; a letter uses a few hundred, and a name or an address adds a handful. */
const SHAPED_WORDS = 20_000;
/** Longer strings (a pasted token, cut into 200-character pieces by `wrappable`) are shaped and not kept. */
const LONGEST_KEPT = 64;

interface Shaped {
  glyphs: GlyphRun['glyphs'];
  positions: GlyphRun['positions'];
}

/**
 * What `layout` gives pdfkit for a word it has shaped before: the glyphs (fontkit's own objects, shared by
 * every run of the font anyway), and positions copied fresh, because pdfkit scales the positions of each run
 * it is given in place. The advance width is summed from them when asked, as fontkit's `GlyphRun` does, so it
 * is the scaled one pdfkit expects.
 */
class ShapedRun {
  constructor(
    readonly glyphs: GlyphRun['glyphs'],
    readonly positions: GlyphRun['positions'],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/**
 * Keeps `font.layout` results per string, least recently used out first. pdfkit lays text out a word at a
 * time (a word with its trailing space), with no features of its own; only such calls are kept, so anything
 * else goes to fontkit as before. fontkit's shaping depends on nothing but the string and the font.
 */
function keepShapedWords(font: Font): void {
  const shape = font.layout.bind(font);
  const kept = new Map<string, Shaped>();
  font.layout = (text, ...options) => {
    if (options.some((option) => option !== undefined) || text.length > LONGEST_KEPT) {
      return shape(text, ...options);
    }
    let shaped = kept.get(text);
    if (shaped) {
      kept.delete(text);
    } else {
      const run = shape(text);
      shaped = { glyphs: run.glyphs, positions: run.positions };
      if (kept.size >= SHAPED_WORDS) kept.delete(kept.keys().next().value as string);
    }
    kept.set(text, shaped);
    const positions = shaped.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({
      xAdvance,
      yAdvance,
      xOffset,
      yOffset,
    }));
    return new ShapedRun(shaped.glyphs, positions) as unknown as GlyphRun;
  };
}

function parse(file: string): Font {
  const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const font = create(bytes);
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  keepShapedWords(font);
  // pdfkit asks the font for a subset per document, and for nothing else of it (typed loosely by fontkit).
  const subsetter = new TrueTypeSubsetter(bytes);
  font.createSubset = () => subsetter.subset() as unknown as Subset;
  return font;
}

let fonts: { regular: Font; bold: Font } | undefined;

/**
 * The fonts, read and parsed once per process. pdfkit takes a parsed fontkit font as readily as the file's
 * bytes; parsing DejaVu's tables for every document took most of a letter's rendering time.
 */
export function parsedFonts(): { regular: Font; bold: Font } {
  fonts ??= { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  return fonts;
}
