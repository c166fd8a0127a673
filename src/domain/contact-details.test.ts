import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMAIL_ADDRESS, TELEPHONE, UK_POSTCODE } from './contact-details.ts';

describe('contact details', () => {
  it('takes the email addresses zod’s z.email() takes, and only those (the web checks with this pattern)', () => {
    const samples = [
      'name@example.com',
      'o’neil@example.co.uk',
      "o'neil@example.co.uk",
      'first.last+tag@mail.example.org',
      '.lead@example.com',
      'double..dot@example.com',
      'no-at-sign.example.com',
      'name@localhost',
      'name@-bad.example.com',
      'with space@example.com',
    ];
    for (const sample of samples)
      expect(EMAIL_ADDRESS.test(sample), sample).toBe(z.regexes.email.test(sample));
  });

  it('reads UK postcodes in any case, with or without the space', () => {
    for (const ok of ['SW1A 1AA', 'sw1a1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT'])
      expect(UK_POSTCODE.test(ok)).toBe(true);
    for (const bad of ['SW1A', '12345', 'SW1A 1A', 'SW1A  1AA']) expect(UK_POSTCODE.test(bad)).toBe(false);
  });

  it('reads telephone numbers as people write them', () => {
    for (const ok of ['01632 960001', '+44 (0)1632 960001', '07700-900123'])
      expect(TELEPHONE.test(ok)).toBe(true);
    for (const bad of ['12345', 'call me', '0163296000100000000000000'])
      expect(TELEPHONE.test(bad)).toBe(false);
  });
});
