/**
 * Inbound email over real SMTP on loopback: nodemailer sends to the Redress listener, which stores what
 * arrives on a real database of each dialect.
 */
import { connect } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { findEmailByMessageId } from '../../src/db/emails.ts';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { describeEachDialect, type TestDb } from '../support/databases.ts';
import { documentsOf } from '../support/documents.ts';
import { EXE, PDF, PNG } from '../support/files.ts';
import { sendMail, sendRaw } from '../support/smtp-send.ts';

const MAX_BYTES = 200_000;

describeEachDialect('inbound email over SMTP', (harness) => {
  let db: TestDb;
  let listener: SmtpListener;
  const logs: string[] = [];

  const ctxOf = (): AppContext => ({
    db,
    documents: documentsOf(db),
    procedure: MISO_PROCEDURE,
    now: () => new Date(),
    logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    publicUrl: 'http://localhost',
  });

  beforeAll(async () => {
    db = await harness.freshDb();
    listener = await startSmtpListener(ctxOf(), {
      port: 0,
      host: '127.0.0.1',
      maxBytes: MAX_BYTES,
      ownAddresses: ['complaints@miso.test'],
    });
  });
  afterAll(() => listener?.close());

  const k = () => db.kysely;
  const count = async (table: 'complaints' | 'emails' | 'jobs' | 'customers') =>
    Number(
      (
        await k()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const email = async (messageId: string) => {
    const found = await findEmailByMessageId(k(), messageId);
    if (!found) throw new Error(`no email ${messageId} stored`);
    return found;
  };
  const complaintOf = async (messageId: string) => {
    const { complaintId } = await email(messageId);
    return k()
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', complaintId ?? '')
      .executeTakeFirstOrThrow();
  };
  const acknowledgementJobs = () =>
    k().selectFrom('jobs').select(['payload']).where('kind', '=', 'acknowledgement').execute();

  describe('a new message and its replies', () => {
    let reference = '';

    it('a message from a customer becomes a complaint by email, with the email and its acknowledgement job', async () => {
      const sent = await sendMail(listener.port, {
        from: 'Jo Bloggs <Jo@Example.org>',
        subject: 'Broadband down for a week',
        text: 'My broadband has dropped every evening since Monday.\nPlease fix it and refund the week.',
        messageId: '<first@example.org>',
      });
      expect(sent.response).toMatch(/^250 /);
      const stored = await email('<first@example.org>');
      expect(stored).toMatchObject({ direction: 'in', kind: 'new-complaint', status: 'received' });
      const complaint = await complaintOf('<first@example.org>');
      reference = complaint.reference;
      expect(complaint).toMatchObject({
        channel: 'email',
        category: 'other',
        customer_id: stored.customerId,
      });
      expect(complaint.description).toContain('dropped every evening');
      const customer = await k()
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', stored.customerId ?? '')
        .executeTakeFirstOrThrow();
      expect(customer).toMatchObject({ name: 'Jo Bloggs', email: 'jo@example.org' });
      const jobs = await acknowledgementJobs();
      expect(jobs.map((j) => JSON.parse(j.payload as string).complaintId)).toEqual([complaint.id]);
    });

    it('a reply with In-Reply-To joins the same complaint as an inbound email contact, and is not acknowledged', async () => {
      const jobsBefore = await count('jobs');
      await sendMail(listener.port, {
        from: 'Jo Bloggs <jo@example.org>',
        subject: 'Re: Broadband down for a week',
        text: 'It dropped again last night.',
        messageId: '<second@example.org>',
        inReplyTo: '<first@example.org>',
        references: ['<first@example.org>'],
      });
      const reply = await email('<second@example.org>');
      expect(reply).toMatchObject({ kind: 'reply', status: 'received' });
      expect((await complaintOf('<second@example.org>')).reference).toBe(reference);
      const contacts = await k()
        .selectFrom('contacts')
        .selectAll()
        .where('complaint_id', '=', reply.complaintId ?? '')
        .execute();
      expect(contacts.map((c) => [c.channel, c.direction])).toContainEqual(['email', 'in']);
      expect(contacts.some((c) => c.summary.includes('It dropped again last night.'))).toBe(true);
      expect(await count('complaints')).toBe(1);
      expect(await count('jobs'), 'a reply sends nothing back').toBe(jobsBefore);
    });

    it('a reply with only the CRN in the subject joins the same complaint', async () => {
      await sendMail(listener.port, {
        from: 'jo@example.org',
        subject: `Still broken [${reference}]`,
        text: 'No change.',
        messageId: '<third@example.org>',
      });
      expect(await email('<third@example.org>')).toMatchObject({ kind: 'reply' });
      expect((await complaintOf('<third@example.org>')).reference).toBe(reference);
      expect(await count('complaints')).toBe(1);
    });

    it('a CRN with a wrong check character does not attach the message to that complaint', async () => {
      const check = reference.at(-1) ?? 'A';
      const forged = `${reference.slice(0, -1)}${check === 'A' ? 'C' : 'A'}`;
      await sendMail(listener.port, {
        from: 'Sam Other <sam@example.net>',
        subject: `About ${forged}`,
        text: 'Please look at this.',
        messageId: '<forged@example.net>',
      });
      const stored = await email('<forged@example.net>');
      expect(stored.kind).toBe('new-complaint');
      expect(stored.note).toMatch(/check character is wrong/);
      expect((await complaintOf('<forged@example.net>')).reference).not.toBe(reference);
    });
  });

  it('the same message delivered three times makes one complaint and one email', async () => {
    const before = { complaints: await count('complaints'), emails: await count('emails') };
    const message = {
      from: 'Pat <pat@example.org>',
      subject: 'Bill is wrong',
      text: 'Charged twice.',
      messageId: '<thrice@example.org>',
    };
    for (let i = 0; i < 3; i++) expect((await sendMail(listener.port, message)).response).toMatch(/^250 /);
    expect(await count('complaints')).toBe(before.complaints + 1);
    expect(await count('emails')).toBe(before.emails + 1);
  });

  it('the same message delivered three times at once still makes one complaint', async () => {
    const before = { complaints: await count('complaints'), emails: await count('emails') };
    const message = {
      from: 'Ray <ray@example.org>',
      subject: 'Racing',
      text: 'Slow line.',
      messageId: '<race@example.org>',
    };
    const sent = await Promise.all([1, 2, 3].map(() => sendMail(listener.port, message)));
    expect(sent.every((s) => s.response.startsWith('250 '))).toBe(true);
    expect(await count('complaints')).toBe(before.complaints + 1);
    expect(await count('emails')).toBe(before.emails + 1);
  });

  it('answers 451 (try later) when storing fails unexpectedly, and keeps listening', async () => {
    const failing = await startSmtpListener(
      {
        ...ctxOf(),
        now: () => {
          throw new Error('clock broke');
        },
      },
      { port: 0, host: '127.0.0.1', maxBytes: MAX_BYTES },
    );
    try {
      const refused = await sendMail(failing.port, { from: 'a@example.org', subject: 'x', text: 'y' }).catch(
        (error: { responseCode?: number }) => error,
      );
      expect((refused as { responseCode?: number }).responseCode).toBe(451);
      expect(logs.some((line) => line.includes('inbound email could not be stored'))).toBe(true);
      const again = await sendMail(failing.port, { from: 'a@example.org', subject: 'x', text: 'y' }).catch(
        (error: { responseCode?: number }) => error,
      );
      expect((again as { responseCode?: number }).responseCode).toBe(451);
    } finally {
      await failing.close();
    }
  });

  it('a message without a Message-ID, delivered twice, is recognised by its content', async () => {
    const raw = 'From: Lee <lee@example.org>\r\nSubject: No id\r\n\r\nMy phone line is dead.\r\n';
    const before = { complaints: await count('complaints'), emails: await count('emails') };
    await sendRaw(listener.port, raw);
    await sendRaw(listener.port, raw);
    expect(await count('complaints')).toBe(before.complaints + 1);
    const row = await k()
      .selectFrom('emails')
      .select('message_id')
      .where('subject', '=', 'No id')
      .executeTakeFirstOrThrow();
    expect(row.message_id).toMatch(/^<[0-9a-f]{64}@redress\.invalid>$/);
  });

  it('an auto-reply to our acknowledgement creates nothing and is stored as ignored', async () => {
    const before = { complaints: await count('complaints'), jobs: await count('jobs') };
    await sendMail(listener.port, {
      from: 'Jo Bloggs <jo@example.org>',
      subject: 'Out of office',
      text: 'I am away until Monday.',
      messageId: '<ooo@example.org>',
      inReplyTo: '<first@example.org>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const stored = await email('<ooo@example.org>');
    expect(stored).toMatchObject({ status: 'ignored', kind: 'auto-reply' });
    expect(stored.note).toMatch(/Auto-Submitted: auto-replied/);
    expect(await count('complaints')).toBe(before.complaints);
    expect(await count('jobs')).toBe(before.jobs);
  });

  it.each([
    ['Precedence: bulk', { headers: { Precedence: 'bulk' } }, /Precedence: bulk/],
    ['List-Id', { headers: { 'List-Id': '<news.example.org>' } }, /List-Id/],
    ['X-Autoreply', { headers: { 'X-Autoreply': 'yes' } }, /X-Autoreply/],
    ['mailer-daemon', { from: 'MAILER-DAEMON@example.org' }, /mailer-daemon/],
    ['our own address', { from: 'complaints@miso.test' }, /our own address/],
    ['the null sender', { envelope: { from: '', to: 'complaints@miso.test' } }, /null return path/],
  ])('mail marked by %s opens no complaint', async (label, extra, why) => {
    const before = await count('complaints');
    const messageId = `<machine-${label.replace(/\W+/g, '-')}@example.org>`;
    await sendMail(listener.port, {
      from: 'x@example.org',
      subject: 'Note',
      text: 'Hello',
      messageId,
      ...extra,
    });
    const machine = await email(messageId);
    expect(machine.status).toBe('ignored');
    expect(machine.note).toMatch(why);
    expect(await count('complaints')).toBe(before);
  });

  it('keeps accepted attachments, as the type their bytes are, and notes the refused ones', async () => {
    await sendMail(listener.port, {
      from: 'Ann <ann@example.org>',
      subject: 'My bill',
      text: 'Attached.',
      messageId: '<attach@example.org>',
      attachments: [
        { filename: 'bill.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'screen.png', content: PNG, contentType: 'application/octet-stream' },
        { filename: 'run-me.exe', content: EXE, contentType: 'application/x-msdownload' },
        { filename: 'holiday.png', content: EXE, contentType: 'image/png' },
        { filename: 'photo.jpg', content: PNG, contentType: 'image/jpeg' },
      ],
    });
    const stored = await email('<attach@example.org>');
    const files = await k()
      .selectFrom('email_attachments')
      .select(['filename', 'content_type', 'size_bytes'])
      .where('email_id', '=', stored.id)
      .orderBy('filename')
      .execute();
    expect(files.map((f) => [f.filename, f.content_type])).toEqual([
      ['bill.pdf', 'application/pdf'],
      ['screen.png', 'image/png'],
    ]);
    expect(stored.note).toContain('run-me.exe (is not a type of file we accept (application/x-msdownload))');
    expect(stored.note).toContain('holiday.png (is not a PNG image: its content is a .exe file)');
    expect(stored.note).toContain('photo.jpg (is not a JPEG image: its content is a .png file)');
  });

  it('stores HTML only as escaped text, never the sender’s markup', async () => {
    await sendMail(listener.port, {
      from: 'Hal <hal@example.org>',
      subject: 'HTML only',
      html: '<p>Refund <b>please</b></p><script>alert(1)</script><img src=x onerror=alert(2)>',
      messageId: '<html@example.org>',
    });
    const stored = await email('<html@example.org>');
    expect(stored.text).toContain('Refund');
    expect(stored.html).not.toMatch(/<script|<img|onerror/i);
  });

  it('refuses a message over the size limit with 552 and stores nothing', async () => {
    const before = await count('emails');
    const refused = await sendMail(listener.port, {
      from: 'big@example.org',
      subject: 'Huge',
      text: 'x'.repeat(MAX_BYTES + 10_000),
    }).catch((error: { responseCode?: number }) => error);
    expect((refused as { responseCode?: number }).responseCode).toBe(552);
    expect(await count('emails')).toBe(before);
  });

  it('survives malformed input and still accepts the next message', async () => {
    const junk = Buffer.concat([
      Buffer.from(
        'Content-Type: multipart/mixed; boundary="b"\r\nSubject: =?x-unknown?Q?=FF=FE?=\r\n\r\n--b\r\n',
      ),
      Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
      Buffer.from('\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n'),
    ]);
    expect((await sendRaw(listener.port, junk)).response).toMatch(/^250 /);
    const rejected = await k().selectFrom('emails').selectAll().where('status', '=', 'rejected').execute();
    expect(rejected.some((r) => r.note?.includes('No sender address'))).toBe(true);

    // A client that drops the connection in the middle of DATA.
    await new Promise<void>((resolve) => {
      const socket = connect(listener.port, '127.0.0.1');
      const lines = [
        'EHLO x',
        'MAIL FROM:<a@example.org>',
        'RCPT TO:<complaints@miso.test>',
        'DATA',
        'Subject: cut',
      ];
      socket.once('data', () =>
        socket.write(`${lines.join('\r\n')}\r\n`, () => setTimeout(() => socket.destroy(), 50)),
      );
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });

    const next = await sendMail(listener.port, {
      from: 'after@example.org',
      subject: 'After the junk',
      text: 'Still listening?',
      messageId: '<after@example.org>',
    });
    expect(next.response).toMatch(/^250 /);
    expect((await email('<after@example.org>')).kind).toBe('new-complaint');
  });
});
