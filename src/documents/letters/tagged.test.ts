import { describe, expect, it } from 'vitest';
import { type PdfTagging, pdfinfo, readTagging, type TaggedElement } from '../../../test/support/pdf.ts';
import { MISO_PROCEDURE } from '../../config/miso.ts';
import { letterBody } from './content.ts';
import { LETTER_KINDS, type LetterInput, renderLetter } from './index.ts';
import { addressLines, companyLines } from './page.ts';
import { FACTS, letter } from './test-support.ts';
import type { LetterBlock } from './types.ts';

/** Without whitespace: lines break differently in the PDF, and long words carry zero-width spaces. */
const squeeze = (value: string) => value.replace(/[\s\u200b]+/g, '');

function blockTags(block: LetterBlock): [string, string][] {
  switch (block.type) {
    case 'heading':
      return [['Document/H2', block.text]];
    case 'paragraph':
      return [['Document/P', block.text]];
    case 'list':
      return block.items.flatMap((item): [string, string][] => [
        ['Document/L/LI/Lbl', '•'],
        ['Document/L/LI/LBody', item],
      ]);
    case 'quote':
      return [['Document/BlockQuote/P', block.text]];
  }
}

/** Every element a screen reader should meet, in the order it should meet them: [path, text]. */
function expectedTags(input: LetterInput): [string, string][] {
  const body = letterBody(input);
  return [
    ['Document/P', 'Miso Communications'],
    ...companyLines(MISO_PROCEDURE).map((line): [string, string] => ['Document/Div/P', line]),
    ...addressLines(input.customer).map((line): [string, string] => ['Document/Div/P', line]),
    ['Document/P', '28 November 2026'],
    ['Document/P', 'Your Complaint Reference Number: MISO-26-000123-K'],
    ['Document/H1', body.title],
    ['Document/P', 'Dear Jo Bloggs,'],
    ...body.blocks.flatMap(blockTags),
    ['Document/P', 'Yours sincerely,'],
    ['Document/Div/P', 'Priya Shah'],
    ['Document/Div/P', 'Director'],
    ['Document/Div/P', 'Miso Communications'],
  ];
}

/**
 * The text-bearing elements as [path, text], the pieces of one that runs on to the next page (pdf.js lists it
 * once per page) joined where the expected text says they belong together. Anything extra is kept, so it
 * shows in the diff.
 */
function readingOrder(elements: TaggedElement[], expected: [string, string][]): [string, string][] {
  const actual = elements.filter((element) => element.text !== '');
  const order: [string, string][] = [];
  let i = 0;
  for (const [, text] of expected) {
    const first = actual[i++];
    if (!first) break;
    let got = squeeze(first.text);
    let page = first.page;
    for (let next = actual[i]; next; next = actual[i]) {
      const continues = next.path === first.path && next.page > page;
      if (!continues || got === squeeze(text) || !squeeze(text).startsWith(got)) break;
      got += squeeze(next.text);
      page = next.page;
      i++;
    }
    order.push([first.path, got]);
  }
  for (const rest of actual.slice(i)) order.push([rest.path, squeeze(rest.text)]);
  return order;
}

function expectTaggedDocument(tags: PdfTagging, title: string): void {
  expect(tags.marked).toBe(true);
  expect(tags.structured).toBe(true);
  expect(tags.lang).toBe('en-GB');
  expect(tags.displayDocTitle).toBe(true);
  expect(tags.title).toBe(title);
  expect(tags.xmpTitle).toBe(title);
  expect(tags.untagged).toEqual([]);
}

describe('letters as tagged PDFs', () => {
  const cases = LETTER_KINDS.flatMap((kind) =>
    [false, true].map((largePrint) => [kind, largePrint] as const),
  );

  it.each(cases)(
    'tags the %s letter (large print: %s) in reading order, with the footer as an artifact',
    async (kind, largePrint) => {
      const input: LetterInput = { ...letter, largePrint, facts: FACTS[kind] };
      const rendered = await renderLetter(input);
      const tags = await readTagging(rendered.pdf);
      expectTaggedDocument(tags, `${rendered.title} (MISO-26-000123-K)`);
      const expected = expectedTags(input);
      expect(readingOrder(tags.elements, expected)).toEqual(
        expected.map(([path, text]) => [path, squeeze(text)]),
      );
      expect(tags.artifacts).toEqual(
        Array.from({ length: rendered.pages }, (_, i) => [
          'Reference: MISO-26-000123-K',
          `Page ${i + 1} of ${rendered.pages}`,
        ]).flat(),
      );
    },
  );

  it('is tagged PDF 1.7 for poppler too', async () => {
    const rendered = await renderLetter({ ...letter, largePrint: true, facts: FACTS.acknowledgement });
    const info = pdfinfo(rendered.pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info.Title).toBe('We have received your complaint (MISO-26-000123-K)');
  });

  it('keeps a quote and a list tagged as they run on to the next pages', async () => {
    const said = 'The line drops every evening and nobody has come to fix it. '.repeat(60);
    const steps = Array.from({ length: 30 }, (_, i) => ({
      description: `Step ${i + 1}: check the line at the exchange and report what was found`,
      dueOn: '2026-12-01' as const,
    }));
    const input: LetterInput = {
      ...letter,
      largePrint: true,
      facts: { kind: 'proposal', attempt: 2, summary: said, steps },
    };
    const rendered = await renderLetter(input);
    expect(rendered.pages).toBeGreaterThanOrEqual(4);
    const tags = await readTagging(rendered.pdf);
    expect(tags.untagged).toEqual([]);
    const expected = expectedTags(input);
    expect(readingOrder(tags.elements, expected)).toEqual(
      expected.map(([path, text]) => [path, squeeze(text)]),
    );
  });

  it('keeps its XMP metadata well-formed whatever the company is called', async () => {
    const procedure = {
      ...MISO_PROCEDURE,
      company: { ...MISO_PROCEDURE.company, tradingName: 'Smith & Jones <Telecom> "SJT"' },
    };
    const rendered = await renderLetter({ ...letter, procedure, facts: FACTS.closure });
    const tags = await readTagging(rendered.pdf);
    expect(tags.xmpTitle).toBe(`${rendered.title} (MISO-26-000123-K)`);
    expect(rendered.pdf.toString('latin1')).toContain('Smith &amp; Jones &lt;Telecom&gt; &quot;SJT&quot;');
  });
});
