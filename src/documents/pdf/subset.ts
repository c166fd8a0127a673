/**
 * The TrueType subset pdfkit embeds for a font: the glyphs a document uses, renumbered in the order it first
 * used them. fontkit's own subset (`TTFSubset`) decodes every glyph's outline and writes every table through
 * its generic struct encoder, number by number, in every document: about 2 ms for 80 glyphs, a fifth of a
 * letter's CPU. This one reads the font's tables once, keeps each glyph's bytes and metrics as they are
 * first needed, and per document only copies them: the same bytes as fontkit's for the same glyphs in the
 * same order (tested against fontkit in fonts.test.ts), in a tenth of a millisecond. It writes what fontkit
 * writes — head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm, checksums 0, hinting kept whole — and handles
 * only what DejaVu is: static TrueType outlines (no CFF, no variations).
 */

interface Table {
  offset: number;
  length: number;
}

/** A glyph as the subset copies it: its `glyf` bytes, the glyphs it is built from, its horizontal metrics. */
interface SubsetGlyph {
  data: Uint8Array;
  /** For a composite glyph (a letter with an accent, such as ŵ): each component's glyph id and where it sits. */
  components: { glyphId: number; at: number }[];
  advance: number;
  bearing: number;
}

// Composite glyph flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables of a subset, in the order fontkit writes them; cvt, prep and fpgm only if the font has them. */
const ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/** One font's tables, read once; `subset()` starts a document's subset of it. */
export class TrueTypeSubsetter {
  private readonly view: DataView;
  private readonly tables = new Map<string, Table>();
  private readonly glyphs: (SubsetGlyph | undefined)[];
  private readonly longOffsets: boolean;
  private readonly metricsCount: number;

  constructor(private readonly file: Uint8Array) {
    this.view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const entry = 12 + 16 * i;
      const tag = String.fromCharCode(...file.subarray(entry, entry + 4));
      this.tables.set(tag, {
        offset: this.view.getUint32(entry + 8),
        length: this.view.getUint32(entry + 12),
      });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) {
      if (!this.tables.has(tag)) throw new Error(`not a TrueType font with outlines: no ${tag} table`);
    }
    if (this.tables.has('fvar')) throw new Error('variable fonts are not subset here');
    this.longOffsets = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.metricsCount = this.view.getUint16(this.table('hhea').offset + 34);
    this.glyphs = new Array(this.view.getUint16(this.table('maxp').offset + 4));
  }

  /** A new, empty subset for one document (glyph 0, the missing glyph, is always in it). */
  subset(): GlyphSubset {
    return new GlyphSubset(this);
  }

  private table(tag: string): Table {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`no ${tag} table`);
    return table;
  }

  /** A table's bytes as the font has them, or undefined if it has none. */
  bytes(tag: string): Uint8Array | undefined {
    const table = this.tables.get(tag);
    return table && this.file.subarray(table.offset, table.offset + table.length);
  }

  get indexToLocFormat(): 0 | 1 {
    return this.longOffsets ? 1 : 0;
  }

  glyph(id: number): SubsetGlyph {
    const known = this.glyphs[id];
    if (known) return known;
    if (!Number.isInteger(id) || id < 0 || id >= this.glyphs.length) throw new Error(`no glyph ${id}`);
    const loca = this.table('loca').offset;
    const [start, end] = this.longOffsets
      ? [this.view.getUint32(loca + 4 * id), this.view.getUint32(loca + 4 * id + 4)]
      : [this.view.getUint16(loca + 2 * id) * 2, this.view.getUint16(loca + 2 * id + 2) * 2];
    const glyf = this.table('glyf').offset;
    const data = this.file.subarray(glyf + start, glyf + end);
    const components: SubsetGlyph['components'] = [];
    if (data.length > 0 && this.view.getInt16(glyf + start) < 0) {
      // A composite: after the 10-byte header, records of flags, glyph id, offsets and an optional transform.
      let at = 10;
      let flags = MORE_COMPONENTS;
      while (flags & MORE_COMPONENTS) {
        flags = this.view.getUint16(glyf + start + at);
        components.push({ glyphId: this.view.getUint16(glyf + start + at + 2), at: at + 2 });
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      }
    }
    // hmtx: an advance and a left side bearing for the first numberOfHMetrics glyphs; the rest share the
    // last advance and have a bearing each.
    const hmtx = this.table('hmtx').offset;
    const last = Math.min(id, this.metricsCount - 1);
    const advance = this.view.getUint16(hmtx + 4 * last);
    const bearing =
      id < this.metricsCount
        ? this.view.getInt16(hmtx + 4 * id + 2)
        : this.view.getInt16(hmtx + 4 * this.metricsCount + 2 * (id - this.metricsCount));
    const glyph = { data, components, advance, bearing };
    this.glyphs[id] = glyph;
    return glyph;
  }
}

/** The glyphs one document uses, as pdfkit asks for them: `includeGlyph` while drawing, `encode` at the end. */
export class GlyphSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TrueTypeSubsetter) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, added at the end if it is new. */
  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  /** The subset as a TrueType font file. */
  encode(): Uint8Array {
    const glyf: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: { advance: number; bearing: number }[] = [];
    let offset = 0;
    // Components a composite glyph brings in are added to the end as it is copied, and copied in turn.
    for (let i = 0; i < this.glyphs.length; i++) {
      const glyph = this.font.glyph(this.glyphs[i]!);
      let data = glyph.data;
      if (glyph.components.length > 0) {
        data = Uint8Array.from(data);
        const view = new DataView(data.buffer);
        for (const { glyphId, at } of glyph.components) view.setUint16(at, this.includeGlyph(glyphId));
      }
      glyf.push(data);
      offsets.push(offset);
      metrics.push(glyph);
      offset += data.length;
    }
    offsets.push(offset);
    const count = glyf.length;
    const long = this.font.indexToLocFormat === 1;

    const hhea = Uint8Array.from(this.font.bytes('hhea')!);
    new DataView(hhea.buffer).setUint16(34, count);
    const maxp = Uint8Array.from(this.font.bytes('maxp')!);
    new DataView(maxp.buffer).setUint16(4, count);
    const loca = new Uint8Array(offsets.length * (long ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((value, i) => {
      if (long) locaView.setUint32(4 * i, value);
      else locaView.setUint16(2 * i, value >>> 1);
    });
    const hmtx = new Uint8Array(4 * count);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach(({ advance, bearing }, i) => {
      hmtxView.setUint16(4 * i, advance);
      hmtxView.setInt16(4 * i + 2, bearing);
    });
    const glyfBytes = new Uint8Array(offset);
    let at = 0;
    for (const data of glyf) {
      glyfBytes.set(data, at);
      at += data.length;
    }
    const parts: Record<(typeof ORDER)[number], Uint8Array | undefined> = {
      head: this.font.bytes('head'),
      hhea,
      loca,
      maxp,
      'cvt ': this.font.bytes('cvt '),
      prep: this.font.bytes('prep'),
      glyf: glyfBytes,
      hmtx,
      fpgm: this.font.bytes('fpgm'),
    };
    return sfnt(ORDER.flatMap((tag) => (parts[tag] ? [{ tag, data: parts[tag] }] : [])));
  }
}

/** An sfnt file of `tables` in this order, as fontkit writes one: version tag `true`, checksums 0, no padding. */
function sfnt(tables: { tag: string; data: Uint8Array }[]): Uint8Array {
  const headerLength = 12 + 16 * tables.length;
  const length = tables.reduce((sum, { data }) => sum + data.length, headerLength);
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  file.set([0x74, 0x72, 0x75, 0x65]);
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = headerLength;
  tables.forEach(({ tag, data }, i) => {
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) file[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, data.length);
    file.set(data, offset);
    offset += data.length;
  });
  return file;
}
