/**
 * Complaint Reference Numbers: `MISO-26-000123-K` — prefix, two-digit year, sequence, check character.
 * The check character is a weighted sum modulo 19 over the eight digits, written in a 19-letter alphabet with
 * no look-alikes (no B, I, L, O, S, Z). Weights 1..8 are distinct and non-zero mod 19 and digit differences are
 * below 19, so every single mistyped digit and every swap of two digits is caught before any lookup.
 */
import type { CrnFormat } from './procedure.ts';

const CHECK_ALPHABET = 'ACDEFGHJKMNPQRTUVWX';
const MODULUS = CHECK_ALPHABET.length;

export type CrnProblem = 'format' | 'prefix' | 'check-character';
export type CrnParse =
  | { ok: true; reference: string; year: number; sequence: number }
  | { ok: false; problem: CrnProblem };

function checkCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * ((i % (MODULUS - 1)) + 1);
  return CHECK_ALPHABET[sum % MODULUS] as string;
}

/** The CRN for the `sequence`-th complaint of two-digit `year`. */
export function formatCrn(format: CrnFormat, year: number, sequence: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const seq = String(sequence).padStart(format.sequenceDigits, '0');
  return `${format.prefix}-${yy}-${seq}-${checkCharacter(yy + seq)}`;
}

/**
 * Reads a CRN as a person might type it (any case, spaces around, dashes optional between parts) and
 * verifies its check character. Returns the canonical form.
 */
export function parseCrn(format: CrnFormat, input: string): CrnParse {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  const prefix = format.prefix.toUpperCase();
  const match = /^([A-Z]+)(\d{2})(\d{4,12})([A-Z])$/.exec(compact);
  if (!match) return { ok: false, problem: 'format' };
  const [, gotPrefix, yy, seq, check] = match as unknown as [string, string, string, string, string];
  if (gotPrefix !== prefix) return { ok: false, problem: 'prefix' };
  if (seq.length < format.sequenceDigits) return { ok: false, problem: 'format' };
  if (checkCharacter(yy + seq) !== check) return { ok: false, problem: 'check-character' };
  return { ok: true, reference: `${prefix}-${yy}-${seq}-${check}`, year: Number(yy), sequence: Number(seq) };
}
