/**
 * The IMAP poller against a real IMAP server: a private Dovecot on loopback (test/support/dovecot.ts), mail
 * delivered into its maildir as a delivery agent would, processed on a real database of each dialect. Without
 * Dovecot installed (`apt-get install dovecot-imapd`; .ci/run does it) the tests say that they skipped.
 */
import { ImapFlow } from 'imapflow';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { findEmailByMessageId } from '../../src/db/emails.ts';
import {
  envelopeFromHeaders,
  type ImapPoller,
  imapConnection,
  startImapPoller,
} from '../../src/mail/inbound/imap-poller.ts';
import { describeEachDialect, type TestDb } from '../support/databases.ts';
import { documentsOf } from '../support/documents.ts';
import { type DovecotServer, dovecotAvailable, startDovecot } from '../support/dovecot.ts';

const SKIPPED = 'skipped: Dovecot is not installed (apt-get install dovecot-imapd)';
if (!dovecotAvailable) console.warn(`IMAP poller tests against a real server ${SKIPPED}`);

function message(fields: {
  messageId: string;
  subject: string;
  text: string;
  from?: string;
  inReplyTo?: string;
}): string {
  return [
    'Return-Path: <jo@example.org>',
    'Delivered-To: complaints@miso.test',
    `From: ${fields.from ?? 'Jo Bloggs <jo@example.org>'}`,
    'To: complaints@miso.test',
    `Subject: ${fields.subject}`,
    `Message-ID: ${fields.messageId}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`, `References: ${fields.inReplyTo}`] : []),
    'Date: Mon, 2 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.text,
    '',
  ].join('\r\n');
}

describeEachDialect('IMAP poller against Dovecot', (harness) => {
  let db: TestDb;
  let server: DovecotServer | null = null;
  let poller: ImapPoller;
  let failing = false;
  const logs: string[] = [];

  const ctxOf = (): AppContext => ({
    db,
    documents: documentsOf(db),
    procedure: MISO_PROCEDURE,
    now: () => {
      // Plays a database or bug failure inside the use case, after the message was fetched.
      if (failing) throw new Error('simulated failure while storing');
      return new Date();
    },
    logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    publicUrl: 'http://localhost',
  });

  const options = () => ({
    url: server?.url ?? '',
    folder: 'INBOX',
    intervalMs: 3_600_000,
    maxBytes: 200_000,
    ownAddresses: ['complaints@miso.test'],
    schedule: false,
  });

  beforeAll(async () => {
    if (!dovecotAvailable) return;
    db = await harness.freshDb();
    server = await startDovecot();
    poller = startImapPoller(ctxOf(), options());
  });
  afterAll(async () => {
    await poller?.stop();
    await server?.stop();
  });

  /** A separate IMAP session, to look at the mailbox as a mail client would. */
  async function mailbox<T>(folder: string, look: (client: ImapFlow) => Promise<T>): Promise<T> {
    if (!server) throw new Error('no Dovecot');
    const client = new ImapFlow({ ...imapConnection(server.url), logger: false, disableAutoIdle: true });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(folder);
      try {
        return await look(client);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }
  /** The flags of the message with this Message-ID, or null when the folder has no such message. */
  const flagsOf = (messageId: string, folder = 'INBOX') =>
    mailbox(folder, async (client) => {
      const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      if (!uids[0]) return null;
      const found = await client.fetchOne(String(uids[0]), { flags: true }, { uid: true });
      return found ? [...(found.flags ?? [])] : null;
    });

  const k = () => db.kysely;
  const count = async (table: 'complaints' | 'emails') =>
    Number(
      (
        await k()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const complaintIdOf = async (messageId: string) =>
    (await findEmailByMessageId(k(), messageId))?.complaintId ?? null;

  // Listed as skipped in the report, by name, so a run without Dovecot cannot pass for one with it.
  if (!dovecotAvailable) it.skip(SKIPPED, () => {});

  it.skipIf(!dovecotAvailable)(
    'new mail is fetched, processed once into a complaint, and marked \\Seen',
    async () => {
      server?.deliver(
        message({
          messageId: '<imap-first@example.org>',
          subject: 'Phone line dead',
          text: 'My landline has had no dial tone since Friday.',
        }),
      );
      expect(await flagsOf('<imap-first@example.org>')).not.toContain('\\Seen');
      expect(await poller.pollNow()).toEqual({ found: 1, processed: 1, failed: 0 });
      const stored = await findEmailByMessageId(k(), '<imap-first@example.org>');
      expect(stored).toMatchObject({ direction: 'in', kind: 'new-complaint', status: 'received' });
      expect(stored?.complaintId).toBeTruthy();
      expect(await count('complaints')).toBe(1);
      expect(await flagsOf('<imap-first@example.org>')).toContain('\\Seen');
    },
  );

  it.skipIf(!dovecotAvailable)('a second poll finds nothing and creates nothing', async () => {
    expect(await poller.pollNow()).toEqual({ found: 0, processed: 0, failed: 0 });
    expect(await count('complaints')).toBe(1);
    expect(await count('emails')).toBe(1);
  });

  it.skipIf(!dovecotAvailable)(
    'a message stored but not marked (a crash in between) is fetched again and changes nothing',
    async () => {
      await mailbox('INBOX', (client) =>
        client.messageFlagsRemove({ header: { 'message-id': '<imap-first@example.org>' } }, ['\\Seen']),
      );
      expect(await poller.pollNow()).toEqual({ found: 1, processed: 1, failed: 0 });
      expect(await count('complaints')).toBe(1);
      expect(await count('emails')).toBe(1);
      expect(await flagsOf('<imap-first@example.org>')).toContain('\\Seen');
    },
  );

  it.skipIf(!dovecotAvailable)('a reply with In-Reply-To joins the same complaint', async () => {
    server?.deliver(
      message({
        messageId: '<imap-reply@example.org>',
        inReplyTo: '<imap-first@example.org>',
        subject: 'Re: Phone line dead',
        text: 'Still no dial tone this morning.',
      }),
    );
    expect(await poller.pollNow()).toEqual({ found: 1, processed: 1, failed: 0 });
    expect(await findEmailByMessageId(k(), '<imap-reply@example.org>')).toMatchObject({ kind: 'reply' });
    expect(await complaintIdOf('<imap-reply@example.org>')).toBe(
      await complaintIdOf('<imap-first@example.org>'),
    );
    expect(await count('complaints')).toBe(1);
    expect(await flagsOf('<imap-reply@example.org>')).toContain('\\Seen');
  });

  it.skipIf(!dovecotAvailable)(
    'a message that fails processing is not marked \\Seen, and is processed at the next poll',
    async () => {
      server?.deliver(
        message({
          messageId: '<imap-fails@example.net>',
          from: 'Sam Other <sam@example.net>',
          subject: 'Mobile data not working',
          text: 'No 4G since the mast work.',
        }),
      );
      failing = true;
      try {
        expect(await poller.pollNow()).toEqual({ found: 1, processed: 0, failed: 1 });
      } finally {
        failing = false;
      }
      expect(await findEmailByMessageId(k(), '<imap-fails@example.net>')).toBeUndefined();
      expect(await flagsOf('<imap-fails@example.net>')).not.toContain('\\Seen');
      expect(logs.some((line) => line.includes('simulated failure while storing'))).toBe(true);

      expect(await poller.pollNow()).toEqual({ found: 1, processed: 1, failed: 0 });
      expect(await findEmailByMessageId(k(), '<imap-fails@example.net>')).toMatchObject({
        kind: 'new-complaint',
      });
      expect(await count('complaints')).toBe(2);
      expect(await flagsOf('<imap-fails@example.net>')).toContain('\\Seen');
    },
  );

  it.skipIf(!dovecotAvailable)(
    'with a processed folder, processed mail is marked and moved there',
    async () => {
      await mailbox('INBOX', (client) => client.mailboxCreate('Processed'));
      const moving = startImapPoller(ctxOf(), { ...options(), processedFolder: 'Processed' });
      try {
        server?.deliver(
          message({
            messageId: '<imap-moved@example.org>',
            subject: 'Bill too high',
            text: 'I was charged twice in October.',
          }),
        );
        expect(await moving.pollNow()).toEqual({ found: 1, processed: 1, failed: 0 });
      } finally {
        await moving.stop();
      }
      expect(await flagsOf('<imap-moved@example.org>')).toBeNull();
      expect(await flagsOf('<imap-moved@example.org>', 'Processed')).toContain('\\Seen');
      expect(await findEmailByMessageId(k(), '<imap-moved@example.org>')).toMatchObject({
        kind: 'new-complaint',
      });
    },
  );

  it.skipIf(!dovecotAvailable)(
    'a server that refuses the login is logged and retried, never thrown',
    async () => {
      const wrong = new URL(server?.url ?? '');
      wrong.password = 'wrong';
      const refused = startImapPoller(ctxOf(), { ...options(), url: wrong.toString() });
      try {
        const result = await refused.pollNow();
        expect(result).toMatchObject({ found: 0, processed: 0 });
        expect(result.error).toBeTruthy();
      } finally {
        await refused.stop();
      }
    },
  );
});

describe('IMAP envelope and connection settings', () => {
  it('reads the envelope from the headers the delivering server adds', () => {
    const raw = Buffer.from(
      'Return-Path: <>\r\nDelivered-To: complaints@miso.test\r\nSubject: x\r\n\r\nReturn-Path: <no@body>\r\n',
    );
    expect(envelopeFromHeaders(raw)).toEqual({ mailFrom: '', rcptTo: ['complaints@miso.test'] });
    expect(envelopeFromHeaders(Buffer.from('Subject: x\r\n\r\nbody'))).toEqual({
      mailFrom: null,
      rcptTo: [],
    });
  });

  it('takes TLS from the scheme and credentials from the URL', () => {
    expect(imapConnection('imaps://a%40b.c:p%2Fw@imap.example')).toMatchObject({
      host: 'imap.example',
      port: 993,
      secure: true,
      auth: { user: 'a@b.c', pass: 'p/w' },
    });
    expect(imapConnection('imap://u:p@127.0.0.1:1143')).toMatchObject({ port: 1143, secure: false });
  });
});
