/**
 * Mail that must not hurt: a NUL byte in a body (PostgreSQL cannot store it), a stranger quoting someone's
 * complaint reference, and a mail server that refuses a message for good (its letter then goes by post).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { sendMail, sendRaw } from '../support/smtp-send.ts';

describeEachDialect('mail hardening', (harness) => {
  let t: TestApi;
  let listener: SmtpListener;
  beforeAll(async () => {
    // No mail server listens on port 1: every outbound send is refused at once.
    t = await startApi(harness, { mail: { smtpUrl: 'smtp://127.0.0.1:1' } });
    listener = await startSmtpListener(t.ctx, { port: 0, host: '127.0.0.1', maxBytes: 1_000_000 });
  });
  afterAll(async () => {
    await listener?.close();
    await t?.close();
  });

  const stored = (messageId: string) =>
    t.db.kysely.selectFrom('emails').selectAll().where('message_id', '=', messageId).executeTakeFirst();

  it('stores a message whose body holds a NUL byte, without it', async () => {
    const raw = [
      'From: Jo <jo@example.org>',
      'To: complaints@miso.test',
      'Subject: Odd\u0000bytes',
      'Message-ID: <nul-1@example.org>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'hello\u0000world',
      '',
    ].join('\r\n');
    expect((await sendRaw(listener.port, raw)).response).toMatch(/^250 /);
    const email = await stored('<nul-1@example.org>');
    expect(email?.text_body).toContain('helloworld');
    expect(email?.subject).toBe('Oddbytes');
  });

  it('never takes a link or an address as a customer’s name (it would go out in our own emails)', async () => {
    await sendMail(listener.port, {
      from: '"Claim your refund at evil.example" <victim@example.org>',
      subject: 'Hello',
      text: 'My bill is wrong.',
      messageId: '<phish-1@example.org>',
    });
    const customer = await t.db.kysely
      .selectFrom('customers')
      .select('name')
      .where('email', '=', 'victim@example.org')
      .executeTakeFirstOrThrow();
    expect(customer.name).toBe('victim');
  });

  it('does not put a stranger’s email on someone’s complaint because it quotes the reference', async () => {
    const created = await t.as('agent').post('/complaints', phoneComplaint());
    const reference = created.body.reference as string;
    const sent = await sendMail(listener.port, {
      from: 'stranger@example.net',
      subject: `About ${reference}`,
      text: 'I have things to say about this complaint.',
      messageId: '<stranger-1@example.net>',
    });
    expect(sent.response).toMatch(/^250 OK: unmatched/);
    const email = await stored('<stranger-1@example.net>');
    expect(email).toMatchObject({ complaint_id: null, kind: 'unmatched' });
    expect(email?.note).toContain(reference);
    const view = await t.as('agent').get(`/complaints/${reference}`);
    expect(view.body.contacts.filter((c: { channel: string }) => c.channel === 'email')).toEqual([]);
  });

  it('marks an email failed at once when the mail server refuses it for good (5xx)', async () => {
    const { SMTPServer } = await import('smtp-server');
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.server.address() as { port: number }).port;
    t.ctx.mail = { smtpUrl: `smtp://127.0.0.1:${port}` };
    try {
      const created = await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Al', email: 'al@example.org' } }));
      const summary = await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
      expect(summary.retried).toBe(0);
      const complaint = await t.db.kysely
        .selectFrom('complaints')
        .select('id')
        .where('reference', '=', created.body.reference)
        .executeTakeFirstOrThrow();
      const email = await t.db.kysely
        .selectFrom('emails')
        .select(['status', 'last_error'])
        .where('complaint_id', '=', complaint.id)
        .where('kind', '=', 'acknowledgement')
        .executeTakeFirstOrThrow();
      expect(email.status).toBe('failed');
      expect(email.last_error).toContain('No such user');
      // The letter the email carried still reaches the customer: it waits in the print queue.
      const letter = await t.db.kysely
        .selectFrom('documents')
        .select(['kind', 'delivery', 'print_status'])
        .where('complaint_id', '=', complaint.id)
        .executeTakeFirstOrThrow();
      expect(letter).toEqual({ kind: 'acknowledgement', delivery: 'post', print_status: 'queued' });
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
