import { describe, expect, it } from 'vitest';
import { samePhoneNumber, ukE164, ukMobileE164 } from './phone.ts';

describe('ukE164', () => {
  it('reads every usual way of writing a UK number into E.164', () => {
    for (const written of [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '+44 (0)7700 900 123',
      '0044 7700 900123',
      '(07700) 900-123',
      '447700900123',
    ]) {
      expect(ukE164(written), written).toBe('+447700900123');
    }
    expect(ukE164('01632 960 001')).toBe('+441632960001');
    expect(ukE164('020 7946 0000')).toBe('+442079460000');
  });

  it('refuses what is not a UK number', () => {
    for (const written of [
      '',
      '12345',
      '077009001',
      '077009001234',
      '+33 6 12 34 56 78',
      'call me',
      '07700 9OO123',
    ]) {
      expect(ukE164(written), written).toBeNull();
    }
  });
});

describe('ukMobileE164', () => {
  it('texts mobiles only: not landlines, personal numbers or pagers', () => {
    expect(ukMobileE164('07700 900123')).toBe('+447700900123');
    expect(ukMobileE164('+44 (0)7911 123456')).toBe('+447911123456');
    expect(ukMobileE164('01632 960 001')).toBeNull();
    expect(ukMobileE164('070 1234 5678')).toBeNull();
    expect(ukMobileE164('07623 123456')).toBeNull();
  });
});

describe('samePhoneNumber', () => {
  it('matches one number however it is written, and never a fragment', () => {
    expect(samePhoneNumber('+44 (0)1632 960777', '01632 960 777')).toBe(true);
    expect(samePhoneNumber('0044 1632 960777', '01632960777')).toBe(true);
    expect(samePhoneNumber('01632 960778', '01632 960 777')).toBe(false);
    expect(samePhoneNumber('123', '123')).toBe(false);
  });
});
