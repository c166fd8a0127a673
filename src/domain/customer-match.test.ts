import { describe, expect, it } from 'vitest';
import type { Customer } from './customer.ts';
import { duplicateReasons, phoneKey, postcodeKey, similarNames } from './customer-match.ts';

const record = (changes: Partial<Customer>): Customer => ({
  id: 'c',
  name: 'Jo Bloggs',
  email: null,
  phone: null,
  type: 'residential',
  addressLines: [],
  postcode: null,
  needs: { largePrint: false, braille: false, textRelay: false },
  preferredChannel: null,
  vulnerabilityNotes: null,
  contactOptOut: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  merged: null,
  ...changes,
});

describe('likely duplicate customers', () => {
  it('agree on a UK number however it is written, and ignore numbers too short to mean anything', () => {
    for (const written of ['+44 (0)1632 960 001', '0044 1632 960001', '01632 960001', '+441632960001']) {
      expect(phoneKey(written), written).toBe('01632960001');
    }
    expect(phoneKey('12345')).toBeNull();
    expect(phoneKey(null)).toBeNull();
  });

  it('agree on a postcode with or without its space, in any case', () => {
    expect(postcodeKey('sw1a 1aa')).toBe('SW1A1AA');
    expect(postcodeKey('SW1A1AA')).toBe('SW1A1AA');
    expect(postcodeKey('  ')).toBeNull();
  });

  it('take names for one person when the surname agrees and the first name or its initial does', () => {
    expect(similarNames('Jo Bloggs', 'jo bloggs')).toBe(true);
    expect(similarNames('Mrs Jo Bloggs', 'J. Bloggs')).toBe(true);
    expect(similarNames('Bloggs Jo', 'Jo Bloggs')).toBe(true);
    expect(similarNames('Zoë Brontë', 'Zoe Bronte')).toBe(true);
    expect(similarNames('Jo Bloggs', 'Sam Bloggs')).toBe(false);
    expect(similarNames('Jo Bloggs', 'Jo Smith')).toBe(false);
  });

  it('give every reason two records look alike, and none for strangers', () => {
    const jo = record({ email: 'jo@example.org', phone: '01632 960001', postcode: 'HR8 1AA' });
    const again = record({
      id: 'd',
      name: 'J Bloggs',
      email: 'JO@example.org',
      phone: '+44 1632 960001',
      postcode: 'hr81aa',
    });
    expect(duplicateReasons(jo, again)).toEqual(['email', 'phone', 'postcode-and-name']);
    const neighbour = record({ id: 'e', name: 'Sam Bloggs', postcode: 'HR8 1AA' });
    expect(duplicateReasons(jo, neighbour)).toEqual([]);
  });
});
