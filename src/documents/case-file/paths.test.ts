import { describe, expect, it } from 'vitest';
import { place, safeFileName } from './paths.ts';
import { attachment, email } from './test-support.ts';

describe('file names in the case file', () => {
  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\windows\\system.ini', 'windows_system.ini'],
    ['Facture été – 日本語.pdf', 'Facture_ete_.pdf'],
    ['bill\u0000\r\n.pdf', 'bill_.pdf'],
    ['...', 'fallback'],
    ['', 'fallback'],
    ['report..final.pdf', 'report.final.pdf'],
  ])('makes %j safe as %j', (raw, safe) => {
    expect(safeFileName(raw, 'fallback')).toBe(safe);
  });

  it('keeps the extension of a long name', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`, 'x');
    expect(name).toHaveLength(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('numbers emails in time order and keeps attachment names unique, whatever their case', () => {
    const later = email({
      id: 'b',
      direction: 'in',
      createdAt: '2026-05-13T10:00:00.000Z',
      attachments: [
        attachment('b', 1, 'scan.pdf', Buffer.from('1')),
        attachment('b', 2, 'SCAN.pdf', Buffer.from('2')),
        attachment('b', 3, 'scan.pdf', Buffer.from('3')),
      ],
    });
    const earlier = email({
      id: 'a',
      direction: 'out',
      kind: 'adr letter/../x',
      sentAt: '2026-05-12T10:00:00.000Z',
    });
    const placed = place([later, earlier], []);
    expect(placed.emails.map((e) => e.path)).toEqual([
      'emails/001-outbound-2026-05-12-adr_letter_._x.eml',
      'emails/002-inbound-2026-05-13-reply.eml',
    ]);
    expect(placed.emails[1]?.attachments.map((a) => a.path)).toEqual([
      'attachments/002-scan.pdf',
      'attachments/002-SCAN-2.pdf',
      'attachments/002-scan-3.pdf',
    ]);
  });
});
