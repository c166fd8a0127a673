/**
 * Email in and out together, over real SMTP on loopback: a customer's message reaches the Redress listener,
 * becomes a complaint, and the acknowledgement reaches a test SMTP sink as a threaded reply. Delivering the
 * same message again, or an auto-reply to our acknowledgement, makes nothing and sends nothing.
 */
import { expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { describeEachDialect } from '../support/databases.ts';
import { INBOUND, useApiWithMailBothWays } from '../support/mail-api.ts';
import { sendMail } from '../support/smtp-send.ts';

describeEachDialect('email round trip', (harness) => {
  const env = useApiWithMailBothWays(harness);

  const runJobs = () => runDueJobs(env.t.db, jobHandlers(env.t.ctx), { now: env.t.now, owner: 'test' });
  const complaints = async () => env.t.db.kysely.selectFrom('complaints').select('reference').execute();
  const customerMessage = {
    from: 'Jo Bloggs <jo@example.org>',
    subject: 'Charged twice for October',
    text: 'You took my October payment twice. Please refund the second one.',
    messageId: '<october-twice@example.org>',
  };

  it('a customer’s email becomes a complaint, acknowledged by a threaded reply with the CRN', async () => {
    expect((await sendMail(env.listener.port, customerMessage)).response).toMatch(/^250 /);
    await runJobs();

    const [complaint] = await complaints();
    expect(complaint?.reference).toMatch(/^MISO-26-\d{6}-[A-Z]$/);
    const sent = await env.sink.parsed();
    expect(sent).toHaveLength(1);
    const [ack] = sent;
    expect(ack?.subject).toContain(`[${complaint?.reference}]`);
    expect(ack?.inReplyTo).toBe('<october-twice@example.org>');
    expect([ack?.references].flat()).toContain('<october-twice@example.org>');
    expect(ack?.messageId).toMatch(/^<.+@.+>$/);
    expect(ack?.replyTo?.value[0]?.address).toBe(INBOUND);
    expect(ack?.to && 'value' in ack.to ? ack.to.value[0]?.address : undefined).toBe('jo@example.org');
  });

  it('the same message delivered twice more makes no second complaint and no second acknowledgement', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await sendMail(env.listener.port, customerMessage)).response).toMatch(/^250 /);
    }
    await runJobs();
    expect(await complaints()).toHaveLength(1);
    expect(await env.sink.parsed()).toHaveLength(1);
  });

  it('an auto-reply to our acknowledgement creates nothing and sends nothing', async () => {
    const [ack] = await env.sink.parsed();
    await sendMail(env.listener.port, {
      from: 'Jo Bloggs <jo@example.org>',
      subject: `Automatic reply: ${ack?.subject}`,
      text: 'I am out of the office until Monday.',
      messageId: '<ooo-1@example.org>',
      inReplyTo: ack?.messageId,
      references: ack?.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await runJobs();
    expect(await complaints()).toHaveLength(1);
    expect(await env.sink.parsed()).toHaveLength(1);
    const stored = await env.t.db.kysely
      .selectFrom('emails')
      .select(['status'])
      .where('message_id', '=', '<ooo-1@example.org>')
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('ignored');
  });

  it('the customer’s real reply joins the same complaint', async () => {
    const [ack] = await env.sink.parsed();
    await sendMail(env.listener.port, {
      from: 'Jo Bloggs <jo@example.org>',
      subject: `Re: ${ack?.subject}`,
      text: 'Here is my bank statement showing both payments.',
      messageId: '<reply-1@example.org>',
      inReplyTo: ack?.messageId,
      references: [customerMessage.messageId, ack?.messageId ?? ''],
    });
    await runJobs();
    const [complaint] = await complaints();
    expect(await complaints()).toHaveLength(1);
    const view = await env.t.as('agent').get(`/complaints/${complaint?.reference}`);
    expect(
      view.body.contacts.some(
        (c: { channel: string; direction: string }) => c.channel === 'email' && c.direction === 'in',
      ),
    ).toBe(true);
  });
});
