import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/support/pdf.ts';
import { CISAS, MISO_PROCEDURE } from '../../config/miso.ts';
import { LETTER_KINDS, type LetterFacts, type LetterInput, letterKindOf, renderLetter } from './index.ts';
import { acknowledgement, deadlock, FACTS, letter, proposal } from './test-support.ts';

async function render(facts: LetterFacts, changes: Partial<LetterInput> = {}) {
  const rendered = await renderLetter({ ...letter, ...changes, facts });
  return { rendered, pdf: await readPdf(rendered.pdf) };
}

/** Without any whitespace: a PDF breaks lines where the plain text does not. */
const squeeze = (value: string) => value.replace(/[\s\u200b]+/g, '');

describe('customer letters', () => {
  it.each(LETTER_KINDS)(
    'renders the %s letter, saying in the PDF every word of its plain text',
    async (kind) => {
      const { rendered, pdf } = await render(FACTS[kind]);
      expect(rendered.kind).toBe(kind);
      expect(letterKindOf(FACTS[kind])).toBe(kind);
      expect(rendered.pages).toBe(pdf.pages.length);
      expect(rendered.filename).toMatch(
        /^MISO-26-000123-K-(acknowledgement|proposal|escalation|follow-up|closure|ADR-letter|letter)-2026-11-28\.pdf$/,
      );
      for (const phrase of [
        '28 November 2026',
        'MISO-26-000123-K',
        'Dear Jo Bloggs,',
        rendered.title,
        'Priya Shah',
      ]) {
        expect(pdf.text).toContain(phrase);
        expect(rendered.text).toContain(phrase);
      }
      expect(pdf.pages[0]).toContain(`Page 1 of ${rendered.pages}`);
      expect(pdf.info).toMatchObject({
        Title: `${rendered.title} (MISO-26-000123-K)`,
        Author: 'Miso Communications',
      });
      expect(String(pdf.info.CreationDate)).toMatch(/^D:20261128/);

      const inPdf = squeeze(pdf.text).replace(/Reference:MISO-26-000123-KPage\d+of\d+/g, '');
      const lines = rendered.text.split('\n').map((line) => squeeze(line.replace(/^(- |> ?)/, '')));
      for (const line of lines.filter(Boolean)) expect(inPdf).toContain(line);
      // Reading order: letterhead, date and reference, address, heading, greeting, body, sign-off.
      const order = ['Miso Communications', '28 November 2026', 'HR8 1DS', rendered.title, 'Dear Jo Bloggs,'];
      const at = order.map((phrase) => rendered.text.indexOf(phrase));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(
        rendered.text.trimEnd().endsWith('Yours sincerely,\n\nPriya Shah\nDirector\nMiso Communications'),
      ).toBe(true);
    },
  );

  it('gives the same text for the same input', async () => {
    const [a, b] = await Promise.all([
      renderLetter({ ...letter, facts: FACTS.proposal }),
      renderLetter({ ...letter, facts: FACTS.proposal }),
    ]);
    expect(a.text).toBe(b.text);
  });

  it('acknowledges with what we understood, what happens next and the time limit', async () => {
    const { pdf } = await render(FACTS.acknowledgement);
    for (const phrase of [
      'We received it on 2 November 2026, by phone',
      'You first told us you were unhappy on 30 October 2026',
      'a complaint about your bill or charges',
      'I was charged twice for October.',
      'Refund the second charge.',
      `Resolution Attempt 1: ${MISO_PROCEDURE.stages['attempt-1'].customerText}`,
      'If your complaint is not resolved by 11 December 2026, we will send you an ADR letter, and you can take your complaint to the Communications Ombudsman, free of charge.',
      '01531 576 006',
    ]) {
      expect(pdf.text).toContain(phrase);
    }
  });

  it('offers a large business no scheme in its acknowledgement', async () => {
    const { rendered } = await render({ ...acknowledgement, adrEligible: false, desiredOutcome: null });
    expect(rendered.text).not.toContain('Ombudsman');
    expect(rendered.text).toContain('You have not yet told us what you would like us to do');
  });

  it('sets out a proposal with its stage, steps and dates, and how to answer it', async () => {
    const { pdf } = await render(FACTS.proposal);
    expect(pdf.text).toContain('at Resolution Attempt 2 of our complaints procedure');
    expect(pdf.text).toContain('Refund £24.99 (by 1 December 2026)');
    expect(pdf.text).toContain('next stage of our procedure, Resolution Attempt 3');
    const final = await render({ ...proposal, attempt: 3 });
    expect(final.pdf.text).toContain('This is our final proposal.');
  });

  it('names both stages of an escalation and what the new one means', async () => {
    const { pdf } = await render(FACTS.escalation);
    expect(pdf.text).toContain('not been resolved at Resolution Attempt 1');
    expect(pdf.text).toContain(MISO_PROCEDURE.stages['attempt-2'].customerText);
  });

  it('gives the same reason for a closure as the email does', async () => {
    const { pdf } = await render({ kind: 'closure', reason: 'withdrawn' });
    expect(pdf.text).toContain('As you asked, we have withdrawn your complaint and closed it.');
    expect(pdf.text).toContain('If you think we have closed it too soon');
  });
});

describe('the ADR letter (REGULATORY.md item 11)', () => {
  it('at deadlock says everything the ombudsman expects', async () => {
    const { pdf } = await render(FACTS['adr-letter-deadlock']);
    for (const phrase of [
      'Dear Jo Bloggs,',
      'MISO-26-000123-K',
      '28 November 2026',
      'Your ADR letter: our final position',
      'We have reached the end of our complaints procedure',
      'This is our final position.',
      'Charged twice for October broadband.',
      'we will not pay further compensation',
      'A refund of £24.99 and a £10 credit.',
      'Communications Ombudsman',
      'independent',
      'approved by Ofcom',
      'free',
      'You have 12 months from the date of this letter, until 28 November 2027,',
      'an apology',
      'an explanation',
      'practical action',
      '£10,000, including VAT',
      'only if you accept',
      'PO Box 730, Warrington, WA4 6WU',
      '0330 440 1614',
      'Textphone: 0330 440 1600',
      'www.commsombudsman.org',
      'Priya Shah is handling your complaint',
    ]) {
      expect(pdf.text).toContain(phrase);
    }
  });

  it('at the time limit says so, and that the complaint stays open', async () => {
    const { rendered, pdf } = await render(FACTS['adr-letter-time-limit']);
    expect(rendered.title).toBe('Your ADR letter: the time limit has passed');
    expect(pdf.text).toContain('Your complaint has not been resolved within the time allowed');
    expect(pdf.text).toContain('The time allowed is 6 weeks');
    expect(pdf.text).toContain('Your complaint stays open, and we are still working to resolve it.');
    expect(pdf.text).toContain('until 28 November 2027');
    expect(pdf.text).not.toContain('This is our final position.');
  });

  it('names the scheme the procedure configures', async () => {
    const { rendered, pdf } = await render(FACTS['adr-letter-deadlock'], {
      procedure: { ...MISO_PROCEDURE, adrScheme: CISAS },
    });
    for (const phrase of [
      'CISAS (Communications and Internet Services Adjudication Scheme)',
      '100 St Paul’s Churchyard, London, EC4M 8BU',
      '020 7520 3827',
      'info@cisas.org.uk',
      'www.cisas.org.uk',
    ]) {
      expect(pdf.text).toContain(phrase);
    }
    expect(rendered.text).not.toMatch(/Communications Ombudsman|PO Box 730|Textphone/);
  });

  it('tells a large business plainly that no scheme can take its complaint', async () => {
    const { rendered, pdf } = await render({ ...deadlock, adrEligible: false });
    expect(rendered.kind).toBe('adr-letter-deadlock');
    expect(rendered.title).toBe('Our final position on your complaint');
    expect(pdf.text).toContain('only take complaints from residential customers');
    expect(pdf.text).toContain('10 or fewer employees');
    expect(pdf.text).toContain('we will not pay further compensation');
    expect(rendered.text).not.toMatch(/12 months|0330 440 1614|£10,000/);
  });
});
