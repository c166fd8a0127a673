/**
 * Reads a PDF the way a person or a screen reader would, with pdf.js: the text of each page, and each run of
 * text with its position and size (to check large print and the envelope window).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextRun {
  page: number;
  text: string;
  /** From the page's left edge, in points. */
  x: number;
  /** From the page's top edge, in points (pdf.js counts from the bottom). */
  top: number;
  /** Font size in points. */
  size: number;
}

export interface PdfContent {
  pages: string[];
  runs: PdfTextRun[];
  /** Every page's text joined, whitespace collapsed: for `toContain` checks across line breaks. */
  text: string;
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const runs: PdfTextRun[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.view[3] ?? 0;
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() === '') continue;
      const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
      runs.push({ page: n, text: item.str, x: e, top: height - f, size: Math.hypot(a, b) });
    }
    pages.push(text);
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  await pdf.destroy();
  return { pages, runs, text: pages.join('\n').replace(/\s+/g, ' '), info };
}

/** One element of the structure tree, with the text of its own marked content on one page. */
export interface TaggedElement {
  role: string;
  /** Its role and its ancestors', from the root: `Document/L/LI/LBody`. */
  path: string;
  /** Its own content's text (not its children's), whitespace collapsed; '' for a grouping element. */
  text: string;
  page: number;
}

export interface PdfTagging {
  /** The catalog's MarkInfo says Marked true. */
  marked: boolean;
  /** Every page has a structure tree (pdf.js finds none without a StructTreeRoot). */
  structured: boolean;
  lang: unknown;
  displayDocTitle: boolean;
  title: unknown;
  /** The title as the XMP metadata stream gives it (undefined if that XML does not parse). */
  xmpTitle: string | undefined;
  /** Every structure element in reading order, page by page, depth first; an element across pages appears on each. */
  elements: TaggedElement[];
  /** Text drawn outside any marked content tied to the structure tree, and outside any artifact. */
  untagged: string[];
  /** Text inside artifacts (page furniture a screen reader skips). */
  artifacts: string[];
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * Reads a PDF the way assistive technology does: its tags. The structure tree of each page with the text of
 * each element (matched through the marked-content ids pdf.js gives both), and whatever text is neither
 * tagged nor an artifact.
 */
export async function readTagging(bytes: Uint8Array): Promise<PdfTagging> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const metadata = await pdf.getMetadata();
  const info = metadata.info as Record<string, unknown>;
  const elements: TaggedElement[] = [];
  const untagged: string[] = [];
  const artifacts: string[] = [];
  let structured = true;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const tree = (await page.getStructTree()) as StructNode | null;
    if (!tree) structured = false;
    const referenced = new Set<string>();
    const collectIds = (node: StructNode) => {
      if (node.type === 'content' && node.id) referenced.add(node.id);
      for (const child of node.children ?? []) collectIds(child);
    };
    if (tree) collectIds(tree);
    // The text of each marked-content sequence, and what lies outside the tagged ones.
    const textOf = new Map<string, string>();
    const open: { id: string | null; tag: string }[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        // pdf.js gives the tag too (its typings leave it out).
        const marked = item as { type: string; id?: string | null; tag?: string };
        if (marked.type === 'endMarkedContent') open.pop();
        else open.push({ id: marked.id ?? null, tag: marked.tag ?? '' });
        continue;
      }
      if (item.str.trim() === '') continue;
      const inside = open.at(-1);
      if (inside?.tag === 'Artifact') artifacts.push(item.str);
      else if (inside?.id && referenced.has(inside.id))
        textOf.set(inside.id, `${textOf.get(inside.id) ?? ''} ${item.str}`);
      else untagged.push(item.str);
    }
    const walk = (node: StructNode, above: string[]) => {
      const roles = node.role ? [...above, node.role] : above;
      if (node.role) {
        const own = (node.children ?? [])
          .filter((child) => child.type === 'content' && child.id)
          .map((child) => textOf.get(child.id as string) ?? '')
          .join(' ');
        const text = own.replace(/\s+/g, ' ').trim();
        elements.push({ role: node.role, path: roles.join('/'), text, page: n });
      }
      for (const child of node.children ?? []) walk(child, roles);
    };
    // The tree's own top node (pdf.js calls it Root) stands for the StructTreeRoot, not an element.
    for (const top of tree?.children ?? []) walk(top, []);
  }
  const result: PdfTagging = {
    marked: (await pdf.getMarkInfo())?.Marked === true,
    structured,
    lang: info.Language,
    displayDocTitle:
      ((await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null)?.DisplayDocTitle === true,
    title: info.Title,
    xmpTitle: metadata.metadata?.get('dc:title') ?? undefined,
    elements,
    untagged,
    artifacts,
  };
  await pdf.destroy();
  return result;
}

/**
 * What poppler's `pdfinfo` (Debian's poppler-utils; `.ci/run` installs it) says of a PDF, "Key: value" lines
 * as a record: a second reader beside pdf.js, the one the README's checks are written with.
 */
export function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'redress-pdfinfo-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const output = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Object.fromEntries(
      output.split('\n').flatMap((line) => {
        const at = line.indexOf(':');
        return at < 0 ? [] : [[line.slice(0, at).trim(), line.slice(at + 1).trim()]];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
