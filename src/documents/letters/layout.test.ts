import { describe, expect, it } from 'vitest';
import { type PdfTextRun, readPdf } from '../../../test/support/pdf.ts';
import { MISO_PROCEDURE } from '../../config/miso.ts';
import { A4, mm } from '../pdf/document.ts';
import { type LetterFacts, type LetterInput, letterKindOf, renderLetter } from './index.ts';

const letter: Omit<LetterInput, 'facts'> = {
  procedure: MISO_PROCEDURE,
  reference: 'MISO-26-000123-K',
  date: '2026-11-28',
  customer: { name: 'Jo Bloggs', addressLines: ['Flat 2', '12 High Street', 'Ledbury'], postcode: 'HR8 1DS' },
  handler: { name: 'Priya Shah', jobTitle: 'Director' },
  largePrint: false,
};

const deadlock = (text: string): Extract<LetterFacts, { kind: 'adr-letter' }> => ({
  kind: 'adr-letter',
  trigger: 'deadlock',
  issuedOn: '2026-11-28',
  windowEndsOn: '2027-11-28',
  complaintSummary: text,
  position: text,
  lastOffer: text,
  adrEligible: true,
});

/** Every kind, with whatever can be typed in each of its free-text fields. */
function everyKind(text: string): LetterFacts[] {
  return [
    {
      kind: 'acknowledgement',
      receivedAt: '2026-11-02T10:15:00Z',
      firstExpressedAt: '2026-11-02T10:15:00Z',
      channel: 'web',
      category: 'other',
      description: text,
      desiredOutcome: text,
      adrDueOn: '2026-12-14',
      adrEligible: true,
    },
    { kind: 'proposal', attempt: 1, summary: text, steps: [{ description: text, dueOn: '2026-12-01' }] },
    { kind: 'escalation', from: 2, to: 3 },
    { kind: 'follow-up', chase: false },
    { kind: 'closure', reason: 'adr-window-expired' },
    deadlock(text),
    { ...deadlock(text), trigger: 'time-limit', adrEligible: false },
  ];
}

async function render(facts: LetterFacts, changes: Partial<LetterInput> = {}) {
  const rendered = await renderLetter({ ...letter, ...changes, facts });
  return { rendered, pdf: await readPdf(rendered.pdf) };
}

const runsOf = (runs: PdfTextRun[], text: string) => runs.filter((run) => run.text.includes(text));

describe('letter layout', () => {
  it.each([false, true])(
    'puts the address where a windowed DL envelope shows it (large print: %s)',
    async (largePrint) => {
      const { pdf } = await render({ kind: 'escalation', from: 1, to: 2 }, { largePrint });
      const address = ['Jo Bloggs', 'Flat 2', '12 High Street', 'Ledbury', 'HR8 1DS'].map((line) => {
        const [run] = pdf.runs.filter((r) => r.page === 1 && r.x < mm(110) && r.text === line);
        expect(run, line).toBeDefined();
        return run as PdfTextRun;
      });
      for (const run of address) {
        expect(run.x).toBeGreaterThanOrEqual(mm(20));
        expect(run.x).toBeLessThanOrEqual(mm(25));
        expect(run.top).toBeGreaterThanOrEqual(mm(45));
        expect(run.top).toBeLessThanOrEqual(mm(80));
      }
      // Nothing else shows through the window.
      const inWindow = pdf.runs.filter(
        (r) => r.page === 1 && r.x < mm(110) && r.top > mm(45) && r.top < mm(80),
      );
      expect(inWindow.map((r) => r.text)).toEqual(address.map((r) => r.text));
    },
  );

  it('starts a large-print letter at the top, where the standard one starts', async () => {
    const facts: LetterFacts = { kind: 'closure', reason: 'resolved' };
    const [standard, large] = await Promise.all([render(facts), render(facts, { largePrint: true })]);
    const topOf = (runs: PdfTextRun[], text: string) =>
      runs.find((run) => run.page === 1 && run.text.startsWith(text))?.top ?? Number.NaN;
    for (const text of ['Miso Communications', 'Jo Bloggs', '28 November 2026']) {
      expect(Math.abs(topOf(large.pdf.runs, text) - topOf(standard.pdf.runs, text)), text).toBeLessThan(
        mm(3),
      );
    }
    // The only space above the text is the envelope window's: the date sits just below it, above the fold.
    expect(topOf(large.pdf.runs, '28 November 2026')).toBeLessThan(mm(99));
  });

  it('prints only the name in the window when there is no postal address', async () => {
    const { pdf } = await render(
      { kind: 'closure', reason: 'resolved' },
      {
        customer: { name: 'Jo Bloggs', addressLines: [], postcode: null },
      },
    );
    const inWindow = pdf.runs.filter(
      (r) => r.page === 1 && r.x < mm(110) && r.top > mm(40) && r.top < mm(85),
    );
    expect(inWindow.map((r) => r.text)).toEqual(['Jo Bloggs']);
  });

  it.each(everyKind('I was charged twice.').map((facts) => [facts.kind, facts] as const))(
    'sets every word of a large-print %s letter at 16 pt or more, with the same words',
    async (_kind, facts) => {
      const large = await render(facts, { largePrint: true });
      const standard = await renderLetter({ ...letter, facts });
      expect(Math.min(...large.pdf.runs.map((run) => run.size))).toBeGreaterThanOrEqual(16);
      expect(runsOf(large.pdf.runs, 'Dear Jo Bloggs,')[0]?.size).toBeGreaterThanOrEqual(16);
      expect(large.rendered.text).toBe(standard.text);
      expect(large.rendered.pages).toBeGreaterThanOrEqual(standard.pages);
    },
  );

  it('sets the standard letter in 11 pt', async () => {
    const { pdf } = await render({ kind: 'closure', reason: 'resolved' });
    expect(runsOf(pdf.runs, 'Dear Jo Bloggs,')[0]?.size).toBe(11);
    expect(runsOf(pdf.runs, 'Yours sincerely,')[0]?.size).toBe(11);
  });

  it('numbers the pages of a long proposal', async () => {
    const steps = Array.from({ length: 40 }, (_, i) => ({
      description: `Step ${i + 1}: check the line at the exchange and report what was found to the customer`,
      dueOn: '2026-12-01',
    }));
    const { rendered, pdf } = await render({ kind: 'proposal', attempt: 2, summary: 'A long plan.', steps });
    expect(rendered.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.pages).toHaveLength(rendered.pages);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${rendered.pages}`);
      expect(page).toContain('MISO-26-000123-K');
    });
    expect(pdf.text).toContain('Step 40: check the line');
    // No page's text runs into the footer.
    const body = pdf.runs.filter((r) => !/^(Reference: |Page \d)/.test(r.text));
    expect(Math.max(...body.map((r) => r.top))).toBeLessThan(A4.height - mm(25));
  });
});

describe('text someone typed', () => {
  const HOSTILE = [
    'w'.repeat(5_000),
    'مرحبا، لم يتم حل مشكلتي',
    'שלום, הבעיה לא נפתרה',
    'Still broken 😡🔥🧑‍💻👍🏽',
    // Each on its own line: pdf.js drops < and > from any line it reads right to left.
    '<script>alert(1)</script>',
    ') Tj ET BT /F1 12 Tf (',
    '%PDF-1.7 endobj xref trailer',
    'NUL\u0000 BEL\u0007 ESC\u001b[31m VT\u000b FF\u000c DEL\u007f C1\u0085 CR\r\nLF',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(530),
  ].join('\n');

  /** Letters with no text anyone typed: only the name and address can be hostile in them. */
  const untyped = new Set<LetterFacts['kind']>(['closure', 'escalation', 'follow-up']);

  it.each(everyKind(HOSTILE).map((facts) => [letterKindOf(facts), facts] as const))(
    'is quoted as written, kept on the page and shortened when too long (%s)',
    async (_kind, facts) => {
      const hostileName = `Eve <script>\u0000 O’Brien ${'n'.repeat(300)}`;
      const { rendered, pdf } = await render(facts, {
        customer: { name: hostileName, addressLines: [HOSTILE.slice(0, 400)], postcode: ') Tj (' },
      });
      expect(pdf.pages.length).toBe(rendered.pages);
      for (const run of pdf.runs) {
        expect(run.x).toBeGreaterThanOrEqual(0);
        expect(run.x).toBeLessThan(A4.width - mm(14));
      }
      // The 5,000-character word is wrapped: no line of it is wider than the text (a "w" is 0.818 em).
      const wide = pdf.runs.filter((run) => /^w{10,}$/.test(run.text));
      if (!untyped.has(facts.kind)) expect(wide.length).toBeGreaterThan(50);
      for (const run of wide)
        expect(run.text.length * 0.818 * run.size).toBeLessThanOrEqual(mm(210 - 24 - 22));
      expect(pdf.text).toContain('Dear Eve <script> O’Brien');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
      expect(rendered.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(rendered.text).not.toMatch(/[\u200b\r]/);
      if (untyped.has(facts.kind)) return;
      expect(pdf.text).toContain('<script>alert(1)</script>');
      expect(pdf.text).toContain(') Tj ET BT /F1 12 Tf (');
      expect(pdf.text).toContain('%PDF-1.7 endobj xref trailer');
      expect(pdf.text).toContain('(shortened)');
      expect(rendered.text).toContain('> <script>alert(1)</script>');
      expect(rendered.text).toContain('> NUL BEL ESC[31m VT FF DEL C1 CR');
    },
  );
});
