import { describe, expect, it } from 'vitest';
import { CISAS, MISO_PROCEDURE } from '../config/miso.ts';
import type { Procedure } from '../domain/procedure.ts';
import { renderComplaintsCode } from './complaints-code.ts';

/** The page's text without tags, whitespace folded, as a reader (or a screen reader) meets it. */
const text = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the published Complaints Code', () => {
  const page = renderComplaintsCode(MISO_PROCEDURE);
  const words = text(page);

  it('tells the customer how to contact Miso', () => {
    expect(words).toContain('01531 576 006');
    expect(words).toContain('enquiries@miso-comms.net');
  });

  it('links to the online complaint form and to tracking a complaint', () => {
    expect(page).toContain('<a href="/complain">make a complaint on our website</a>');
    expect(page).toContain('<a href="/track">track your complaint online</a>');
  });

  it('sets out the five steps of the seed, in order, in the configured words', () => {
    const names = [
      'Complaint Initiation',
      'Resolution Attempt 1',
      'Resolution Attempt 2',
      'Resolution Attempt 3',
      'Deadlock',
    ];
    const positions = names.map((name) => words.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(words).toContain(MISO_PROCEDURE.stages['attempt-3'].customerText);
  });

  it('states the time limits that the workflow enforces', () => {
    expect(words).toContain('6 weeks after you first told us');
    expect(words).toContain('before 8 April 2026, this happens after 8 weeks');
    expect(words).toContain(
      '12 months from the date of the ADR letter to take your complaint to the Communications Ombudsman',
    );
    expect(words).toContain('The Communications Ombudsman is independent of us');
    expect(words).toContain('the ADR letter the same day');
  });

  it('gives the scheme’s full contact details and what it can do', () => {
    for (const detail of [
      'Communications Ombudsman',
      'PO Box 730',
      'Warrington',
      'WA4 6WU',
      '0330 440 1614',
      '0330 440 1600',
      'commsombudsman.org',
    ]) {
      expect(words).toContain(detail);
    }
    expect(words).toContain('up to £10,000 (including VAT)');
    expect(words).toContain('free');
    expect(words).toContain('Ofcom');
  });

  it('follows the configuration: CISAS and a longer limit appear when configured', () => {
    const other: Procedure = {
      ...MISO_PROCEDURE,
      adrScheme: CISAS,
      timescales: { ...MISO_PROCEDURE.timescales, adrLimitWeeks: 5 },
    };
    const changed = text(renderComplaintsCode(other));
    expect(changed).toContain('info@cisas.org.uk');
    expect(changed).toContain('5 weeks after you first told us');
    expect(changed).not.toContain('Communications Ombudsman');
  });

  it('escapes whatever the configuration says, and carries no script', () => {
    const hostile: Procedure = {
      ...MISO_PROCEDURE,
      company: { ...MISO_PROCEDURE.company, tradingName: '<script>alert(1)</script>"&' },
    };
    const rendered = renderComplaintsCode(hostile);
    expect(rendered).not.toContain('<script');
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;');
    expect(page).not.toMatch(/<script/i);
  });

  it('is a complete page with a language, a title and a print layout', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('<title>Complaints Code – Miso Communications</title>');
    expect(page).toContain('@media print');
  });
});
