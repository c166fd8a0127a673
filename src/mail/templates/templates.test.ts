import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../config/miso.ts';
import { type CustomerEmail, escapeHtml, type Letterhead, renderCustomerEmail } from './index.ts';

const head: Letterhead = {
  procedure: MISO_PROCEDURE,
  reference: 'MISO-26-000123-K',
  customerName: 'Jo Bloggs',
  largePrint: false,
};

const EVERY_KIND: CustomerEmail[] = [
  { kind: 'acknowledgement', adrDueOn: '2026-12-14', adrEligible: true },
  {
    kind: 'proposal',
    attempt: 1,
    summary: 'A refund',
    steps: [{ description: 'Refund £24.99', dueOn: '2026-11-06' }],
  },
  { kind: 'follow-up', chase: false },
  { kind: 'follow-up', chase: true },
  { kind: 'closure', reason: 'resolved-no-response' },
  { kind: 'escalation', from: 1, to: 2 },
  { kind: 'adr-letter', trigger: 'time-limit', issuedOn: '2026-12-14', windowEndsOn: '2027-12-13' },
  { kind: 'portal-link', link: 'https://redress.example/track/sign-in?token=abc', minutes: 30 },
];

describe('customer email templates', () => {
  it.each(EVERY_KIND)('puts the CRN in the subject and the company in both parts ($kind)', (email) => {
    const out = renderCustomerEmail(head, email, 'https://redress.example/');
    expect(out.subject.startsWith('[MISO-26-000123-K] ')).toBe(true);
    expect(out.text).toContain('Dear Jo Bloggs,');
    expect(out.text).toContain('01531 576 006');
    expect(out.html).toContain('Miso Communications');
    expect(out.html).toContain('font-size:16px');
  });

  it('links the portal for the customer to answer a proposal', () => {
    const out = renderCustomerEmail(head, EVERY_KIND[1] as CustomerEmail, 'https://redress.example/');
    expect(out.text).toContain('Refund £24.99 (by 6 November 2026)');
    expect(out.html).toContain('<a href="https://redress.example/track">');
  });

  it('names the scheme, how to reach it and the end of the 12-month window in the ADR notice', () => {
    const out = renderCustomerEmail(head, EVERY_KIND[6] as CustomerEmail, 'https://redress.example');
    expect(out.subject).toContain('Communications Ombudsman');
    expect(out.text).toContain('You have until 13 December 2027');
    expect(out.text).toContain('Textphone: 0330 440 1600');
    expect(out.text).toContain('We are still working on your complaint.');
  });

  it('escapes customer and staff text in the HTML part', () => {
    const hostile = '<script>alert("pwned")</script>';
    const out = renderCustomerEmail(
      { ...head, customerName: `Eve ${hostile}` },
      {
        kind: 'proposal',
        attempt: 2,
        summary: hostile,
        steps: [{ description: '<img src=x onerror=alert(1)>', dueOn: '2026-11-06' }],
      },
      'https://redress.example',
    );
    expect(out.html).not.toMatch(/<script|<img/);
    expect(out.html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(out.html).toContain('Dear Eve &lt;script&gt;');
    expect(out.text).toContain(`> ${hostile}`);
  });

  it('keeps subjects on one line', () => {
    const out = renderCustomerEmail(
      { ...head, reference: 'MISO-26-000123-K\r\nBcc: x@example.org' },
      EVERY_KIND[2] as CustomerEmail,
      'https://redress.example',
    );
    expect(out.subject).not.toMatch(/[\r\n]/);
  });

  it('writes the HTML part in large print for a customer who needs it', () => {
    const out = renderCustomerEmail(
      { ...head, largePrint: true },
      EVERY_KIND[0] as CustomerEmail,
      'https://x',
    );
    expect(out.html).toContain('font-size:20px');
  });

  it('escapes quotes and ampersands for attributes', () => {
    expect(escapeHtml(`"a" & 'b' <c>`)).toBe('&quot;a&quot; &amp; &#39;b&#39; &lt;c&gt;');
  });
});
