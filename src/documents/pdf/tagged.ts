/**
 * Tagged PDF, with pdfkit's own structure support. A screen reader reads a tagged PDF through its structure
 * tree, in the tree's order, and skips artifacts; an untagged one it reads by guessing from positions, which
 * on a letter runs the company's details column into the customer's address. So every piece of text is
 * drawn inside an element of the tree (`tag`), in reading order, and the page furniture that repeats or only
 * decorates (running footers, rules) is an `artifact`.
 *
 * Rule for callers: never start a page (`addPage`) inside `tag` or `artifact`. pdfkit carries an open
 * element over a page break it makes itself (text flowing on), but not over one made by hand, which would
 * leave the rest of the element untagged.
 */

export type Element = PDFKit.PDFStructureElement;

/** The structure tree's root, `Document`, attached to the document: every element goes under it. */
export function documentElement(doc: PDFKit.PDFDocument): Element {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return root;
}

/**
 * Adds a `type` element (P, H1, H2, Lbl, LBody, …) under `parent` and draws its content inside it. pdfkit runs
 * the drawing at once (the parent is attached), wrapped in marked content tied to the element, also across
 * the pages text flows on to.
 */
export function tag(doc: PDFKit.PDFDocument, parent: Element, type: string, draw: () => void): void {
  parent.add(doc.struct(type, {}, [draw]));
}

/**
 * An element that holds other elements (Sect, L, LI, BlockQuote): fill it with `tag` or `group`, then call
 * `end()` on it, so pdfkit can write it out.
 */
export function group(doc: PDFKit.PDFDocument, parent: Element, type: string): Element {
  const element = doc.struct(type);
  parent.add(element);
  return element;
}

/**
 * Draws something a reader should not hear as content: "Page X of Y" and the reference repeated on every page
 * (`Pagination`), a rule under the letterhead or beside a quote (`Layout`).
 */
export function artifact(doc: PDFKit.PDFDocument, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
