/**
 * MAIL_NEW_MESSAGES=triage: a new message from a person waits for staff, who make it a complaint (its
 * acknowledgement then replies to it) or dismiss it; replies to known complaints still join them at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { sendMail } from '../support/smtp-send.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describeEachDialect('triage of new email', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  let listener: SmtpListener;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApi(harness, { mail: { smtpUrl: sink.url, replyTo: 'complaints@miso.test' } });
    listener = await startSmtpListener(t.ctx, {
      port: 0,
      host: '127.0.0.1',
      maxBytes: 1_000_000,
      newMessages: 'triage',
    });
  });
  afterAll(async () => {
    await listener?.close();
    await t?.close();
    await sink?.close();
  });

  const runJobs = () => runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
  const awaiting = async () => (await t.as('agent').get('/mail?kind=triage')).body.items as { id: string }[];
  const complaintCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('holds a new message for triage, then makes it a complaint acknowledged by a reply to it', async () => {
    const sent = await sendMail(listener.port, {
      from: 'Jo Bloggs <jo@example.org>',
      subject: 'Still no broadband',
      text: 'Three weeks without broadband.',
      messageId: '<triage-1@example.org>',
    });
    expect(sent.response).toMatch(/^250 OK: triage/);
    await runJobs();
    expect(await complaintCount()).toBe(0);
    expect(sink.messages).toHaveLength(0);
    const [item] = await awaiting();
    expect(item).toBeDefined();

    const converted = await t.as('agent').post(`/mail/${item?.id}/convert`, { category: 'service-quality' });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    const view = await t.as('agent').get(`/complaints/${converted.body.reference}`);
    expect(view.body).toMatchObject({ channel: 'email', category: 'service-quality' });
    expect(await awaiting()).toEqual([]);

    await runJobs();
    const [ack] = await sink.parsed();
    expect(ack?.subject).toContain(`[${converted.body.reference}]`);
    expect(ack?.inReplyTo).toBe('<triage-1@example.org>');

    const again = await t.as('agent').post(`/mail/${item?.id}/convert`, {});
    expect(again.status).toBe(409);
  });

  it('dismisses a message that is not a complaint, once', async () => {
    await sendMail(listener.port, {
      from: 'seller@example.com',
      subject: 'Great offer on printer ink',
      text: 'Buy now.',
      messageId: '<triage-2@example.com>',
    });
    const [item] = await awaiting();
    const dismissed = await t.as('agent').post(`/mail/${item?.id}/dismiss`, { reason: 'Advertising' });
    expect(dismissed.status).toBe(204);
    const read = await t.as('agent').get(`/mail/${item?.id}`);
    expect(read.body).toMatchObject({ status: 'ignored', kind: 'dismissed' });
    expect(read.body.note).toContain('Advertising');
    expect((await t.as('agent').post(`/mail/${item?.id}/dismiss`, { reason: 'again' })).status).toBe(409);
    expect(await complaintCount()).toBe(1);
  });
});
