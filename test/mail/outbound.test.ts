/**
 * Outbound email over real SMTP on loopback: every customer-facing step of the procedure reaches a test SMTP
 * sink as one threaded conversation; an outage delays mail without losing or duplicating it; a permanent
 * failure is visible to staff; customers who prefer letters get none; without SMTP the dev mailbox fills.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { insertEmail } from '../../src/db/emails.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

const REPLY_TO = 'complaints-in@miso-comms.net';

describeEachDialect('outbound email', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApi(harness, { mail: { smtpUrl: sink.url, replyTo: REPLY_TO } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const runJobs = () => runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
  const later = (ms: number) => t.setNow(new Date(t.now().getTime() + ms));
  async function raise(overrides: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
    const created = await t.as('agent').post('/complaints', phoneComplaint(overrides));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }
  async function command(who: 'agent' | 'reviewer' | 'director', reference: string, name: string, body = {}) {
    const res = await t.as(who).post(`/complaints/${reference}/${name}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }
  /** The messages the sink holds about one complaint, in the order they arrived. */
  async function mailFor(reference: string): Promise<ParsedMail[]> {
    return (await sink.parsed()).filter((m) => m.subject?.includes(`[${reference}]`));
  }
  const refs = (m: ParsedMail) => (typeof m.references === 'string' ? [m.references] : (m.references ?? []));
  const replyTo = (m: ParsedMail) => m.replyTo?.value[0]?.address;

  it('sends every step of the procedure as one thread, the acknowledgement replying to the customer', async () => {
    const { id, reference } = await raise({ channel: 'email' });
    // What the inbound listener stores in the complaint's transaction: the customer's own email.
    const customerMessageId = `<first-${reference}@example.org>`;
    await insertEmail(t.db.kysely, {
      id: `in-${reference}`,
      complaintId: id,
      customerId: null,
      direction: 'in',
      kind: 'new-complaint',
      status: 'received',
      messageId: customerMessageId,
      inReplyTo: null,
      references: [],
      from: 'jo@example.org',
      to: 'complaints@miso-comms.net',
      subject: 'Charged twice',
      text: 'I was charged twice for October.',
      html: null,
      note: null,
      sizeBytes: 100,
      createdAt: new Date(t.now().getTime() - 1).toISOString(),
    });
    await runJobs();
    const [ack] = await mailFor(reference);
    expect(ack?.subject).toBe(`[${reference}] We have received your complaint`);
    expect(ack?.messageId).toMatch(/^<[0-9a-f-]+@miso-comms\.net>$/);
    expect(ack?.inReplyTo).toBe(customerMessageId);
    expect(refs(ack as ParsedMail)).toEqual([customerMessageId]);
    expect(replyTo(ack as ParsedMail)).toBe(REPLY_TO);
    expect(ack?.to && 'value' in ack.to ? ack.to.value[0]?.address : undefined).toBe('jo@example.org');
    expect(ack?.text).toContain('Resolution Attempt 2');
    expect(ack?.text).toContain('http://localhost/track');
    expect(ack?.html).toContain('Miso Communications');

    later(60_000);
    await command('agent', reference, 'propose', {
      summary: 'Refund the second charge',
      steps: [
        { description: 'Refund £24.99', ownerId: t.users.agent.id, dueOn: '2026-11-06' },
        { description: 'Send a corrected bill', ownerId: null, dueOn: '2026-11-10' },
      ],
    });
    await runJobs();
    const proposal = (await mailFor(reference))[1] as ParsedMail;
    expect(proposal.subject).toBe(`[${reference}] Our proposal to resolve your complaint`);
    expect(proposal.text).toContain('Refund £24.99 (by 6 November 2026)');
    expect(proposal.text).toContain('Send a corrected bill (by 10 November 2026)');
    expect(proposal.text).toContain('Accept or decline the proposal online: http://localhost/track');
    // The customer's message is the one a reply answers; the thread carries everything so far.
    expect(proposal.inReplyTo).toBe(customerMessageId);
    expect(refs(proposal)).toEqual([customerMessageId, ack?.messageId]);

    later(60_000);
    const agreed = await command('agent', reference, 'record-response', { outcome: 'agreed' });
    for (const step of agreed.attempts.at(-1).proposal.steps) {
      await command('agent', reference, 'complete-step', { stepId: step.id });
    }
    await runJobs();
    const followUp = (await mailFor(reference))[2] as ParsedMail;
    expect(followUp.subject).toBe(`[${reference}] Has your complaint been resolved?`);
    expect(followUp.text).toContain('Has this resolved your complaint?');
    expect(refs(followUp)).toEqual([customerMessageId, ack?.messageId, proposal.messageId]);

    later(60_000);
    await command('agent', reference, 'record-follow-up', { outcome: 'not-satisfied' });
    await runJobs();
    const escalation = (await mailFor(reference))[3] as ParsedMail;
    expect(escalation.subject).toBe(`[${reference}] Your complaint has moved to Resolution Attempt 2`);

    later(60_000);
    await command('director', reference, 'declare-deadlock', { reason: 'Nothing more we can offer' });
    await runJobs();
    const all = await mailFor(reference);
    expect(all).toHaveLength(5);
    const adr = all[4] as ParsedMail;
    expect(adr.subject).toContain('Communications Ombudsman');
    expect(adr.text).toContain('You have until 1 November 2027');
    expect(adr.text).toContain('0330 440 1614');
    expect(adr.text).toContain('is attached to this email');
    expect(refs(adr)).toEqual([customerMessageId, ...all.slice(0, 4).map((m) => m.messageId)]);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(5);

    const view = (await t.as('agent').get(`/complaints/${reference}`)).body;
    const emails = view.timeline.filter((e: { kind: string }) => e.kind === 'email');
    expect(emails.map((e: { type: string }) => e.type)).toEqual(['email-in', ...Array(5).fill('email-out')]);
    expect(emails.at(-1).details).toMatchObject({ status: 'sent', kind: 'adr-letter', lastError: null });
  });

  it('queues mail while the SMTP server is down and delivers each message once when it is back', async () => {
    await sink.stop();
    const { reference } = await raise();
    const first = await runJobs();
    expect(first.retried).toBe(1);
    const [queued] = await t.db.kysely
      .selectFrom('emails')
      .selectAll()
      .where('kind', '=', 'acknowledgement')
      .where('subject', 'like', `%${reference}%`)
      .execute();
    expect(queued).toMatchObject({ status: 'queued', attempts: 1 });
    expect(queued?.last_error).toMatch(/ECONNREFUSED|connect/i);

    await sink.start();
    expect((await runJobs()).claimed, 'nothing runs before the backoff has passed').toBe(0);
    later(31_000);
    expect((await runJobs()).done).toBe(1);
    const delivered = await mailFor(reference);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.messageId).toBe(queued?.message_id);
    later(3_600_000);
    await runJobs();
    expect(await mailFor(reference)).toHaveLength(1);

    // The worker died after the server took the message but before it was marked sent: the job's lease
    // runs out, the job runs again, and the same message (same Message-ID) goes again, recognisably.
    await t.db.kysely
      .updateTable('emails')
      .set({ status: 'queued', sent_at: null })
      .where('id', '=', queued?.id ?? '')
      .execute();
    await t.db.kysely
      .updateTable('jobs')
      .set({
        status: 'running',
        lease_owner: 'crashed',
        lease_expires_at: t.now().toISOString(),
        completed_at: null,
      })
      .where('kind', '=', 'acknowledgement')
      .where('payload', 'like', `%${queued?.complaint_id}%`)
      .execute();
    later(1_000);
    expect((await runJobs()).done).toBe(1);
    const again = await mailFor(reference);
    expect(again.map((m) => m.messageId)).toEqual([queued?.message_id, queued?.message_id]);
    const row = await t.db.kysely
      .selectFrom('emails')
      .selectAll()
      .where('id', '=', queued?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  it('marks an email failed, on the complaint, after the last try', async () => {
    await sink.stop();
    const { reference } = await raise();
    for (let i = 0; i < 12; i++) {
      await runJobs();
      later(2 * 3_600_000);
    }
    await sink.start();
    const view = (await t.as('agent').get(`/complaints/${reference}`)).body;
    const email = view.timeline.find((e: { kind: string }) => e.kind === 'email');
    expect(email.details).toMatchObject({ status: 'failed', attempts: 10 });
    expect(email.details.lastError).toMatch(/ECONNREFUSED|connect/i);
    const job = await t.db.kysely
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', 'acknowledgement')
      .where('payload', 'like', `%${view.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(await mailFor(reference)).toHaveLength(0);
  });

  it('sends nothing to a customer who prefers letters or has no email address, and says so', async () => {
    const letters = await raise({
      customer: { name: 'Lee Letters', email: 'lee@example.org', preferredChannel: 'letter' },
    });
    const phoneOnly = await raise({ customer: { name: 'Pip Phone', phone: '01632 960 555' } });
    await command('director', letters.reference, 'declare-deadlock', { reason: 'Nothing more' });
    await runJobs();
    expect(await mailFor(letters.reference)).toHaveLength(0);
    expect(await mailFor(phoneOnly.reference)).toHaveLength(0);
    const rows = await t.db.kysely
      .selectFrom('emails')
      .select('id')
      .where('complaint_id', 'in', [letters.id, phoneOnly.id])
      .execute();
    expect(rows).toHaveLength(0);
    const lettersView = (await t.as('agent').get(`/complaints/${letters.reference}`)).body;
    const skipped = lettersView.timeline.filter((e: { type: string }) => e.type === 'email-not-sent');
    expect(skipped.map((e: { details: { email: string } }) => e.details.email).sort()).toEqual([
      'acknowledgement',
      'adr-letter',
    ]);
    expect(skipped[0].details.reason).toBe('prefers-letters');
    const phoneView = (await t.as('agent').get(`/complaints/${phoneOnly.reference}`)).body;
    expect(phoneView.timeline.find((e: { type: string }) => e.type === 'email-not-sent')?.details).toEqual({
      email: 'acknowledgement',
      reason: 'no-email-address',
    });
  });

  it('escapes what staff type in the HTML part', async () => {
    const { reference } = await raise({ customer: { name: 'Sam <b>Bold</b>', email: 'sam@example.org' } });
    await command('agent', reference, 'propose', {
      summary: '<script>alert("x")</script> & a refund',
      steps: [{ description: '<img src=x onerror=alert(1)>', ownerId: null, dueOn: '2026-11-20' }],
    });
    await runJobs();
    const proposal = (await mailFor(reference)).find((m) => m.subject?.includes('proposal'));
    const html = String(proposal?.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a refund');
    expect(html).toContain('Dear Sam &lt;b&gt;Bold&lt;/b&gt;,');
    expect(proposal?.text).toContain('<script>alert("x")</script> & a refund');
  });

  it('emails the portal sign-in link without logging it, and the link signs the customer in', async () => {
    const { reference } = await raise({ customer: { name: 'Tia Track', email: 'tia@example.org' } });
    const asked = await t.as(null).post('/portal/sign-in-link', { reference, contact: 'TIA@example.org' });
    expect(asked.status).toBe(202);
    await runJobs();
    const mail = (await mailFor(reference)).find((m) => m.subject?.includes('sign-in link'));
    const link = /http:\/\/localhost\/track\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
    expect(link?.[1], 'the link is in the email').toBeTruthy();
    const token = link?.[1] ?? '';
    expect(t.logs.some((line) => line.includes(token))).toBe(false);
    const stored = await t.db.kysely
      .selectFrom('emails')
      .select(['text_body', 'html_body'])
      .where('kind', '=', 'portal-link')
      .where('subject', 'like', `%${reference}%`)
      .executeTakeFirstOrThrow();
    expect(`${stored.text_body}${stored.html_body}`).not.toContain(token);
    const signedIn = await t.as(null).post('/portal/sign-in', { token });
    expect(signedIn.status).toBe(200);
  });
});

describe('the dev mailbox', () => {
  describeEachDialect('without SMTP_URL', (harness) => {
    let t: TestApi;
    const mailboxDir = join(mkdtempSync(join(tmpdir(), 'redress-mailbox-')), 'mailbox');
    beforeAll(async () => {
      t = await startApi(harness, { mail: { mailboxDir } });
    });
    afterAll(async () => {
      await t.close();
      rmSync(join(mailboxDir, '..'), { recursive: true, force: true });
    });

    it('writes each email as an .eml file and logs where it went', async () => {
      const created = await t.as('agent').post('/complaints', phoneComplaint());
      const reference = created.body.reference as string;
      await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
      const files = readdirSync(mailboxDir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const raw = readFileSync(join(mailboxDir, files[0] ?? ''), 'utf8');
      expect(raw).toContain(`Subject: [${reference}] We have received your complaint`);
      expect(raw).toMatch(/^Message-ID: <[0-9a-f-]+@miso-comms\.net>$/m);
      const logged = t.logs.find((line) => line.includes('email sent') && line.includes(reference));
      expect(logged).toContain(files[0]);
      const row = await t.db.kysely.selectFrom('emails').select('status').executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
    });
  });
});
