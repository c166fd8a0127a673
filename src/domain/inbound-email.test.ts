import { describe, expect, it } from 'vitest';
import { formatCrn } from './crn.ts';
import { automaticMessage, quotedReferences } from './inbound-email.ts';

const MISO = { prefix: 'MISO', sequenceDigits: 6 };
const person = { headers: {}, returnPath: 'jo@example.org', from: 'jo@example.org' };

describe('automaticMessage', () => {
  it('lets a person’s message through', () => {
    expect(automaticMessage(person)).toBeNull();
    expect(automaticMessage({ ...person, headers: { 'auto-submitted': 'no' } })).toBeNull();
    expect(automaticMessage({ ...person, returnPath: null })).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto-reply'],
    [{ 'auto-submitted': 'auto-generated; owner-email="x@y"' }, 'auto-reply'],
    [{ precedence: 'auto_reply' }, 'auto-reply'],
    [{ 'x-autorespond': 'yes' }, 'auto-reply'],
    [{ precedence: 'junk' }, 'mailing-list'],
    [{ 'list-unsubscribe': '<mailto:u@x>' }, 'mailing-list'],
    [{ 'content-type': 'multipart/report; report-type=delivery-status' }, 'bounce'],
    [{ 'return-path': '<>' }, 'bounce'],
  ])('recognises %o as %s', (headers, kind) => {
    expect(automaticMessage({ ...person, headers })?.kind).toBe(kind);
  });

  it('recognises bounces by sender and our own mail coming back', () => {
    expect(automaticMessage({ ...person, returnPath: '' })?.kind).toBe('bounce');
    expect(automaticMessage({ ...person, from: 'postmaster@isp.net' })?.kind).toBe('bounce');
    expect(
      automaticMessage({ ...person, from: 'Complaints@Miso.test' }, ['complaints@miso.test'])?.kind,
    ).toBe('own-mail');
  });
});

describe('quotedReferences', () => {
  const crn = formatCrn(MISO, 26, 123);
  const wrong = `${crn.slice(0, -1)}${crn.endsWith('A') ? 'C' : 'A'}`;

  it('finds a valid reference in the subject before the body, in any case and spacing', () => {
    expect(quotedReferences(MISO, [`Re: [${crn}]`, ''])).toEqual({ valid: crn, unverified: [] });
    expect(
      quotedReferences(MISO, ['Hello', `my ref is ${crn.toLowerCase().replace(/-/g, ' ')}.`]).valid,
    ).toBe(crn);
  });

  it('never accepts a reference whose check character is wrong, but reports it', () => {
    expect(quotedReferences(MISO, [`About ${wrong}`])).toEqual({ valid: null, unverified: [wrong] });
  });

  it('ignores other prefixes and references inside longer words', () => {
    expect(quotedReferences(MISO, [`XMISO-26-000123-${crn.at(-1)}Y and ACME-26-000123-K`]).valid).toBeNull();
  });
});
