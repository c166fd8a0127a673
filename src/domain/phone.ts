/**
 * Telephone numbers as people write them in the UK — 07700 900123, +44 (0)7700 900 123, 0044 7700 900123 —
 * read into the forms Redress needs: national digits to compare a number with the one on record, and E.164
 * (+447700900123), which is what SMS gateways take.
 */

/** The digits of a UK number in national form: +44 (0)1632 960 001, 0044 1632…, 01632 960001 all agree. */
export function nationalDigits(value: string): string {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  return digits;
}

/** Whether two written numbers are the same UK number (at least 6 digits, so a fragment never matches). */
export function samePhoneNumber(a: string, b: string): boolean {
  const digits = nationalDigits(a);
  return digits.length >= 6 && digits === nationalDigits(b);
}

/**
 * The number in E.164 when it is a UK number (0 and 9 or 10 more digits, written in any of the usual ways),
 * else null. Letters, or a number of another country, are not guessed at.
 */
export function ukE164(value: string): string | null {
  if (!/^[\d\s()+.-]+$/.test(value)) return null;
  const national = nationalDigits(value);
  return /^0[1-9]\d{8,9}$/.test(national) ? `+44${national.slice(1)}` : null;
}

/**
 * The number to text, in E.164, when it is a UK mobile number (07…, but not 070 personal numbers or 076
 * pagers, which take no texts); null for a landline or anything else, so no link is texted into the void.
 */
export function ukMobileE164(value: string): string | null {
  const e164 = ukE164(value);
  return e164 && /^\+447[1-57-9]\d{8}$/.test(e164) ? e164 : null;
}
