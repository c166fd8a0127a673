import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCrn, parseCrn } from './crn.ts';

const MISO = { prefix: 'MISO', sequenceDigits: 6 };

const validCrn = fc
  .record({ year: fc.integer({ min: 0, max: 99 }), sequence: fc.integer({ min: 0, max: 999_999 }) })
  .map(({ year, sequence }) => formatCrn(MISO, year, sequence));

/** Positions of the digits in a formatted CRN (`MISO-26-000123-K`). */
const digitPositions = (crn: string) => [...crn].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

describe('formatCrn', () => {
  it('writes prefix, two-digit year, padded sequence and check character', () => {
    expect(formatCrn(MISO, 2026, 123)).toMatch(/^MISO-26-000123-[ACDEFGHJKMNPQRTUVWX]$/);
    expect(formatCrn(MISO, 2007, 1)).toMatch(/^MISO-07-000001-.$/);
  });
});

describe('parseCrn', () => {
  it('reads back what formatCrn wrote', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 0, max: 999_999 }),
        (year, sequence) => {
          const crn = formatCrn(MISO, year, sequence);
          expect(parseCrn(MISO, crn)).toEqual({ ok: true, reference: crn, year: year % 100, sequence });
        },
      ),
    );
  });

  it('rejects every single mistyped digit with problem check-character', () => {
    fc.assert(
      fc.property(validCrn, (crn) => {
        const typos = digitPositions(crn).flatMap((i) =>
          [...'0123456789'].filter((digit) => digit !== crn[i]).map((digit) => replaceAt(crn, i, digit)),
        );
        const problems = typos.map((typo) => {
          const parsed = parseCrn(MISO, typo);
          return parsed.ok ? 'accepted' : parsed.problem;
        });
        expect(problems).toEqual(typos.map(() => 'check-character'));
      }),
    );
  });

  it('rejects every swap of two adjacent differing digits, across the dash too, with check-character', () => {
    fc.assert(
      fc.property(validCrn, (crn) => {
        const digits = crn.replace(/\D/g, '');
        for (let i = 0; i + 1 < digits.length; i++) {
          if (digits[i] === digits[i + 1]) continue;
          const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
          const typed = `MISO-${swapped.slice(0, 2)}-${swapped.slice(2)}-${crn.at(-1)}`;
          expect(parseCrn(MISO, typed)).toEqual({ ok: false, problem: 'check-character' });
        }
      }),
    );
  });

  it('rejects every other check character', () => {
    const crn = formatCrn(MISO, 26, 123);
    for (const letter of 'ACDEFGHJKMNPQRTUVWX') {
      if (letter === crn.at(-1)) continue;
      expect(parseCrn(MISO, replaceAt(crn, crn.length - 1, letter))).toEqual({
        ok: false,
        problem: 'check-character',
      });
    }
  });

  it('accepts lower case, surrounding and inner spaces, and missing dashes, returning the canonical form', () => {
    const crn = formatCrn(MISO, 26, 123);
    const expected = { ok: true, reference: crn, year: 26, sequence: 123 };
    expect(parseCrn(MISO, crn.toLowerCase())).toEqual(expected);
    expect(parseCrn(MISO, `  ${crn}\n`)).toEqual(expected);
    expect(parseCrn(MISO, crn.replace(/-/g, ''))).toEqual(expected);
    expect(parseCrn(MISO, crn.replace(/-/g, ' '))).toEqual(expected);
    expect(parseCrn(MISO, `miso 26-000123 ${crn.at(-1)?.toLowerCase()}`)).toEqual(expected);
  });

  it('names the prefix as the problem when another provider’s reference is given', () => {
    const theirs = formatCrn({ prefix: 'ACME', sequenceDigits: 6 }, 26, 123);
    expect(parseCrn(MISO, theirs)).toEqual({ ok: false, problem: 'prefix' });
  });

  it('rejects garbage and truncated references as a format problem', () => {
    for (const input of [
      '',
      '   ',
      'hello',
      'MISO',
      'MISO-26',
      'MISO-26-12-K',
      '26-000123-K',
      'MISO-26-000123',
      'MISO-2X-000123-K',
      'MISO-26-000123-KK',
    ]) {
      expect(parseCrn(MISO, input), input).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('rejects a sequence shorter than the configured digits', () => {
    const short = formatCrn({ prefix: 'MISO', sequenceDigits: 4 }, 26, 123);
    expect(parseCrn({ prefix: 'MISO', sequenceDigits: 4 }, short).ok).toBe(true);
    expect(parseCrn(MISO, short)).toEqual({ ok: false, problem: 'format' });
  });

  it('still catches mistypes when the sequence outgrows its padding', () => {
    const crn = formatCrn(MISO, 26, 12_345_678);
    expect(parseCrn(MISO, crn)).toMatchObject({ ok: true, sequence: 12_345_678 });
    for (const i of digitPositions(crn)) {
      const typo = replaceAt(crn, i, crn[i] === '9' ? '0' : String(Number(crn[i]) + 1));
      expect(parseCrn(MISO, typo)).toEqual({ ok: false, problem: 'check-character' });
    }
  });
});
