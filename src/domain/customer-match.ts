/**
 * When two customer records are likely the same person: the same email, the same phone number in UK national
 * form, or the same postcode and a similar name. Pure: the keys are stored beside the record so the database
 * finds candidates by index, and the name comparison runs on the few records that share a postcode.
 */
import type { Customer } from './customer.ts';
import { nationalDigits } from './phone.ts';

/** The stored key of a phone number; null when too short to say anything about a person. */
export function phoneKey(phone: string | null): string | null {
  if (!phone) return null;
  const digits = nationalDigits(phone);
  return digits.length >= 6 ? digits : null;
}

/** The stored key of a postcode: `sw1a 1aa` and `SW1A1AA` agree. */
export function postcodeKey(postcode: string | null): string | null {
  const key = postcode?.replace(/\s/g, '').toUpperCase();
  return key ? key : null;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev']);

/** A name's words, lower-case, without titles or punctuation: "Mrs J. O'Brien" → ["j", "obrien"]. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .split(/[\s-]+/)
    .filter((w) => w && !TITLES.has(w));
}

/**
 * Whether two names plausibly name one person: the same last word (surname) and first words that agree or
 * where one is the other's initial ("Jo Bloggs", "J Bloggs", "Mrs Jo Bloggs"); or the same words in any order.
 */
export function similarNames(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return false;
  if ([...x].sort().join(' ') === [...y].sort().join(' ')) return true;
  if (x.at(-1) !== y.at(-1)) return false;
  const first = x[0] ?? '';
  const other = y[0] ?? '';
  if (x.length === 1 || y.length === 1) return true;
  return (
    first === other ||
    (first.length === 1 && other.startsWith(first)) ||
    (other.length === 1 && first.startsWith(other))
  );
}

export type DuplicateReason = 'email' | 'phone' | 'postcode-and-name';

/** Why `other` looks like the same customer as `customer` (empty when it does not). */
export function duplicateReasons(customer: Customer, other: Customer): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (customer.email && other.email && customer.email.toLowerCase() === other.email.toLowerCase()) {
    reasons.push('email');
  }
  const phone = phoneKey(customer.phone);
  if (phone && phone === phoneKey(other.phone)) reasons.push('phone');
  const postcode = postcodeKey(customer.postcode);
  if (postcode && postcode === postcodeKey(other.postcode) && similarNames(customer.name, other.name)) {
    reasons.push('postcode-and-name');
  }
  return reasons;
}
