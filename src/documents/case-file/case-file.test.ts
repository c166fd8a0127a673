import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/support/pdf.ts';
import { buildCaseFile, parseCaseFileJson } from './index.ts';
import { attachment, caseFileInput, DEADLOCK_REASON, email, PROPOSALS } from './test-support.ts';
import type { CaseFile, CaseFileInput } from './types.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

async function build(input: CaseFileInput) {
  const file = await buildCaseFile(input);
  return { file, entries: unzipSync(new Uint8Array(file.zip)) };
}

describe('the ombudsman case file', () => {
  const input = caseFileInput();
  let file: CaseFile;
  let entries: Record<string, Uint8Array>;
  let names: string[];
  beforeAll(async () => {
    ({ file, entries } = await build(input));
    names = Object.keys(entries);
  });

  it('is one ZIP named after the CRN, with the PDF, the JSON, the README, every email, letter and attachment', () => {
    expect(file.filename).toBe('MISO-26-000001-A-case-file.zip');
    expect(names).toEqual(
      expect.arrayContaining([
        'case-file.pdf',
        'complaint.json',
        'README.txt',
        'emails/001-outbound-2026-05-11-acknowledgement.eml',
        'emails/002-inbound-2026-05-12-reply.eml',
        'emails/003-outbound-2026-05-18-adr-letter.eml',
        'letters/MISO-26-000001-A-acknowledgement.pdf',
        'letters/MISO-26-000001-A-acknowledgement.txt',
        'letters/MISO-26-000001-A-adr-letter.pdf',
        'letters/MISO-26-000001-A-adr-letter.txt',
      ]),
    );
    expect(names).toHaveLength(13);
    expect(Buffer.from(entries['case-file.pdf'] ?? [])).toEqual(file.pdf);
  });

  it('holds every letter and every attachment byte for byte, under safe ASCII names', () => {
    for (const letter of input.letters) {
      const stem = `letters/${letter.filename.replace(/\.pdf$/, '')}`;
      expect(sha256(entries[`${stem}.pdf`] ?? new Uint8Array())).toBe(letter.sha256);
      expect(utf8(entries[`${stem}.txt`])).toBe(letter.text);
    }
    const stored = [...input.emails.flatMap((e) => e.attachments), ...input.uploads];
    const zipped = names.filter((n) => n.startsWith('attachments/'));
    expect(zipped).toEqual([
      'attachments/002-etc_passwd',
      'attachments/002-Facture_ete_.pdf',
      'attachments/upload-01-Photo_of_my_bill_March_.png',
    ]);
    for (const name of names) expect(name).toMatch(/^([a-z]+\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(zipped.map((n) => sha256(entries[n] ?? new Uint8Array()))).toEqual(stored.map((a) => a.sha256));
  });

  it('writes each email as an .eml that reads back to the same Message-ID, subject, text and attachments', async () => {
    const emls = names.filter((n) => n.endsWith('.eml'));
    expect(emls).toHaveLength(input.emails.length);
    const inbound = await simpleParser(Buffer.from(entries['emails/002-inbound-2026-05-12-reply.eml'] ?? []));
    const bill = input.emails[1];
    expect(inbound.messageId).toBe(bill?.messageId);
    expect(inbound.inReplyTo).toBe('<out-ack@example.org>');
    expect(inbound.subject).toBe(bill?.subject);
    expect(inbound.text).toBe(bill?.text);
    expect(inbound.html).toBe(bill?.html);
    expect(inbound.date?.toISOString()).toBe(bill?.createdAt);
    expect(inbound.attachments.map((a) => [a.filename, a.content])).toEqual(
      bill?.attachments.map((a) => [a.filename, a.content]),
    );
    // An outbound email carries the letter it sent.
    const adr = await simpleParser(
      Buffer.from(entries['emails/003-outbound-2026-05-18-adr-letter.eml'] ?? []),
    );
    expect(adr.messageId).toBe('<out-adr@example.org>');
    expect(adr.attachments.map((a) => a.content)).toEqual([input.letters[1]?.content]);
  });

  it('prints the PDF a case handler reads: CRN, customer, every offer, the final position, every contact', async () => {
    const pdf = await readPdf(file.pdf);
    for (const needed of [
      input.complaint.reference,
      'Cass File',
      'Summary of events',
      'Our position and offers',
      ...PROPOSALS,
      DEADLOCK_REASON,
      ...input.contacts.map((c) => c.summary),
      ...input.notes.map((n) => n.text),
      ...input.emails.map((e) => e.subject),
      'CO-2026-0042',
      'Page 1 of',
      `Page ${pdf.pages.length} of ${pdf.pages.length}`,
    ]) {
      expect(pdf.text, needed).toContain(needed);
    }
    expect(pdf.text).toContain('may refer the complaint to Communications Ombudsman until 17 May 2027');
    expect(pdf.text).toContain('11 May 2026 at 09:00 · Alex Agent');
    // Who decided deadlock, and at which attempt.
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Declared by Dana Director at Resolution Attempt 3');
  });

  it('writes JSON that round-trips into the same complaint and customer, with a manifest of every other file', () => {
    const json = parseCaseFileJson(JSON.parse(utf8(entries['complaint.json'])));
    expect(json.complaint).toEqual(input.complaint);
    expect(json.customer).toEqual(input.customer);
    expect(json.contacts).toEqual(input.contacts);
    expect(json.auditTrail.map((e) => e.payload)).toEqual(input.audit.map((e) => e.payload));
    expect(json).toEqual(file.json);
    expect(json.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'complaint.json').sort());
    for (const entry of json.files) {
      expect(sha256(entries[entry.path] ?? new Uint8Array()), entry.path).toBe(entry.sha256);
      expect(entries[entry.path]?.length).toBe(entry.sizeBytes);
    }
  });

  it('refuses JSON that is not a case file, naming where it is wrong', () => {
    const json = JSON.parse(utf8(entries['complaint.json']));
    json.complaint.stage = 'nonsense';
    json.emails[0].attachments = [{ filename: 'x' }];
    expect(() => parseCaseFileJson(json)).toThrow(
      /complaint\.stage: .*emails\.0\.attachments\.0\.contentType/,
    );
    expect(() => parseCaseFileJson('{}')).toThrow(/not a valid Redress case file/);
  });

  it('gives the same bytes for the same input', async () => {
    expect((await buildCaseFile(caseFileInput())).zip.equals(file.zip)).toBe(true);
  });
});

describe('the case file with hostile or outsized text', () => {
  it('renders a 5,000-character word, RTL, emoji, markup and PDF operators as text', async () => {
    const input = caseFileInput();
    // pdf.js reorders a line that mixes scripts, so the right-to-left text has a field of its own.
    const rtl = 'שלום עולם مرحبا 😀🎉';
    const markup = '<script>alert(1)</script> ) Tj ET BT ( \u0000\u001b end';
    input.customer = { ...input.customer, name: `Cass ${rtl}` };
    input.contacts = [...input.contacts, { ...input.contacts[0]!, id: 'c-x', summary: 'x'.repeat(5_000) }];
    input.notes = [
      ...input.notes,
      { id: 'n-x', text: markup, authorId: 'no-such-user', createdAt: '2026-05-20T10:00:00.000Z' },
    ];
    const started = performance.now();
    const { file } = await build(input);
    expect(performance.now() - started).toBeLessThan(5_000);
    const { text } = await readPdf(file.pdf);
    expect(text).toContain('<script>alert(1)</script> ) Tj ET BT ( end');
    expect(text).toContain('עולם');
    expect(text).toContain('x'.repeat(30));
    expect(text).toContain('staff member no-such-user');
    expect(parseCaseFileJson(JSON.parse(JSON.stringify(file.json))).customer.name).toBe(`Cass ${rtl}`);
  });

  it('shortens a field over 20,000 characters in the PDF, saying so, and keeps it whole in the JSON', async () => {
    const input = caseFileInput();
    const description = 'The router drops out every evening. '.repeat(1_000);
    input.complaint = { ...input.complaint, description };
    const { file } = await build(input);
    const { text } = await readPdf(file.pdf);
    expect(text).toContain('shortened here after 20,000 characters; the full text is in complaint.json');
    expect(file.json.complaint.description).toBe(description);
  });

  it('lists an audit event it does not know, with its data, and survives a malformed payload', async () => {
    const input = caseFileInput();
    const last = input.audit.at(-1)!;
    input.audit = [
      ...input.audit,
      { ...last, seq: last.seq + 1, id: 'a-x', type: 'adr-limit-warning', payload: { week: 4 } },
      {
        ...last,
        seq: last.seq + 2,
        id: 'a-y',
        type: 'adr-letter-issued',
        payload: { windowEndsOn: 'soon', steps: [null] },
      },
      {
        ...last,
        seq: last.seq + 3,
        id: 'a-z',
        type: 'proposal-made',
        payload: { summary: 'Odd', steps: [null, 7] },
      },
    ];
    const { text } = await readPdf((await buildCaseFile(input)).pdf);
    expect(text).toContain('Adr limit warning: {"week":4}');
    expect(text).toContain('until soon');
    expect(text).toContain('Proposal at the attempt: Odd');
  });

  it('builds 200 contacts and 50 attachments', async () => {
    const input = caseFileInput();
    input.contacts = Array.from({ length: 200 }, (_, i) => ({
      id: `contact-${i}`,
      channel: 'phone' as const,
      direction: i % 2 ? ('out' as const) : ('in' as const),
      summary: `Call ${i}: the customer asked again about the refund and the credit on the account.`,
      visibleToCustomer: false,
      occurredAt: new Date(Date.UTC(2026, 4, 11, 9) + i * 3_600_000).toISOString(),
      recordedBy: 'agent-1',
    }));
    input.emails = Array.from({ length: 10 }, (_, i) =>
      email({
        id: `in-${i}`,
        direction: 'in',
        createdAt: new Date(Date.UTC(2026, 4, 12, 9) + i * 3_600_000).toISOString(),
        attachments: Array.from({ length: 5 }, (_, j) =>
          attachment(`in-${i}`, j, `photo ${j}.jpg`, Buffer.alloc(20_000, i * 5 + j)),
        ),
      }),
    );
    const { file, entries } = await build(input);
    const names = Object.keys(entries);
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(50 + input.uploads.length);
    expect(names.filter((n) => n.startsWith('emails/'))).toHaveLength(10);
    const { text } = await readPdf(file.pdf);
    expect(text).toContain('Call 199: the customer asked again');
  });
});
