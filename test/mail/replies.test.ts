/**
 * Staff write to the customer from the complaint: a reply filled from a template goes out as a threaded email
 * signed by its writer, the customer's answer (over real SMTP to the listener) joins the same complaint, and a
 * customer who takes post gets it as a letter in the print queue. Previews show what will be sent, word for
 * word: the reply, and the ADR letter with the director's reason where the customer reads it.
 */
import { expect, it } from 'vitest';
import { seedDefaultTemplates } from '../../src/app/seed-default-templates.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { complaintAt } from '../support/factories.ts';
import { EXE, PDF } from '../support/files.ts';
import { useApiWithMailBothWays } from '../support/mail-api.ts';
import { readPdf } from '../support/pdf.ts';
import { sendMail } from '../support/smtp-send.ts';

describeEachDialect('writing to the customer', (harness) => {
  const env = useApiWithMailBothWays(harness, (t) => seedDefaultTemplates(t.ctx));

  const raise = async (overrides: Record<string, unknown> = {}) => {
    const res = await env.t.as('agent').post('/complaints', phoneComplaint(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await env.t.runJobs();
    return res.body.reference as string;
  };
  const view = async (reference: string) => (await env.t.as('agent').get(`/complaints/${reference}`)).body;

  it('replies from a template by email, threaded and signed by the writer; the customer’s answer joins the complaint', async () => {
    const reference = await raise();
    const templates = await env.t.as('agent').get('/templates?purpose=reply&stage=attempt-1');
    const template = templates.body.items.find((x: { name: string }) => x.name === 'We’re looking into it');
    const filled = await env.t.as('agent').get(`/complaints/${reference}/templates/${template.id}/filled`);
    expect(filled.status).toBe(200);
    const reply = { subject: filled.body.subject, body: filled.body.body };

    const preview = await env.t.as('agent').post(`/complaints/${reference}/reply/preview`, reply);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.items).toHaveLength(1);
    const [shown] = preview.body.items;
    expect(shown.delivery).toBe('email');
    expect(shown.letter).toBeNull();
    expect(shown.email.text).toContain('Dear Jo Bloggs,');
    expect(shown.email.text).toContain('Test agent\nCustomer Relations Adviser, Miso Communications');
    // A preview records nothing.
    expect(await env.sink.parsed()).toHaveLength(1);

    await env.t.command('agent', reference, 'reply', reply);
    await env.t.runJobs();
    const sent = await env.sink.parsed();
    expect(sent).toHaveLength(2);
    const [ack, message] = sent;
    expect(message?.subject).toBe(`[${reference}] ${reply.subject}`);
    expect(message?.text).toBe(shown.email.text);
    expect(message?.inReplyTo).toBe(ack?.messageId);

    // The customer answers the reply from their mail program.
    const answer = await sendMail(env.listener.port, {
      from: 'Jo Bloggs <jo@example.org>',
      subject: `Re: ${message?.subject}`,
      text: 'Thank you. The second charge was £24.99.',
      messageId: '<jo-answer@example.org>',
      inReplyTo: message?.messageId,
      references: [ack?.messageId, message?.messageId].join(' '),
    });
    expect(answer.response).toMatch(/^250 /);
    const complaint = await view(reference);
    const emails = complaint.timeline.filter((e: { kind: string }) => e.kind === 'email');
    // All three at the test clock's one instant: the order among them is not the point.
    const summaries = emails.map((e: { type: string; summary: string }) => [e.type, e.summary]);
    expect(summaries).toHaveLength(3);
    expect(summaries).toEqual(
      expect.arrayContaining([
        ['email-out', ack?.subject],
        ['email-out', message?.subject],
        ['email-in', `Re: ${message?.subject}`],
      ]),
    );
    expect(complaint.timeline.some((e: { type: string }) => e.type === 'replied')).toBe(true);
  });

  it('queues a reply for print, as a letter signed by the writer, for a customer who takes post', async () => {
    const reference = await raise({
      customer: {
        name: 'Pat Post',
        preferredChannel: 'letter',
        addressLines: ['1 High Street'],
        postcode: 'HR8 1AB',
      },
    });
    const before = (await env.sink.parsed()).length;
    const reply = {
      subject: 'Your bill',
      body: 'We have found the second charge.\n\n- We will refund it\n- By Friday',
    };
    const preview = await env.t.as('reviewer').post(`/complaints/${reference}/reply/preview`, reply);
    const [shown] = preview.body.items;
    expect(shown.delivery).toBe('post');
    expect(shown.email).toBeNull();
    await env.t.command('reviewer', reference, 'reply', reply);
    await env.t.runJobs();
    expect(await env.sink.parsed()).toHaveLength(before);
    const letter = (await view(reference)).documents.find((d: { kind: string }) => d.kind === 'reply');
    expect(letter).toMatchObject({ delivery: 'post', printStatus: 'queued', title: 'Your bill' });
    const text = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${letter.id}?format=text`);
    expect(text.bytes.toString()).toBe(shown.letter.text);
    expect(text.bytes.toString()).toContain('Dear Pat Post,');
    expect(text.bytes.toString()).toContain('- We will refund it');
    expect(text.bytes.toString()).toContain('Test reviewer');
    const queue = await env.t.as('agent').get('/print-queue');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(letter.id);
  });

  it('previews the ADR letter with the director’s reason where the customer reads it; the issued letter is the preview', async () => {
    // At attempt 3, owned by the director who recorded the director-level review.
    const { reference } = await complaintAt(env.t, { at: 'attempt-3' });
    await env.t.runJobs();
    const position =
      'We have checked your account: both charges were for separate months, so we cannot refund either.';
    const preview = await env.t.as('director').post(`/complaints/${reference}/declare-deadlock/preview`, {
      reason: position,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const adr = preview.body.items.find((i: { kind: string }) => i.kind === 'adr-letter');
    expect(adr.letter.text).toMatch(/Our final position\n\n> We have checked your account/);
    expect(adr.letter.text).toContain('Test director is handling your complaint');
    const pdf = await readPdf(Buffer.from(adr.letter.pdf, 'base64'));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('both charges were for separate months');
    // Nothing was recorded by the preview.
    expect((await view(reference)).stage).toBe('attempt-3');

    await env.t.command('director', reference, 'declare-deadlock', { reason: position });
    await env.t.runJobs();
    const issued = (await view(reference)).documents.find(
      (d: { kind: string }) => d.kind === 'adr-letter-deadlock',
    );
    const text = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${issued.id}?format=text`);
    expect(text.bytes.toString()).toBe(adr.letter.text);
    const issuedPdf = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${issued.id}`);
    expect((await readPdf(issuedPdf.bytes)).text).toBe(pdf.text);
  });

  it('sends files with a reply: attached to the email, enclosed with a letter; a disguised file stores nothing', async () => {
    const reference = await raise();
    const before = (await env.sink.parsed()).length;
    const pdf = {
      filename: 'statement.pdf',
      contentType: 'application/pdf',
      content: PDF.toString('base64'),
    };
    const shown = await env.t.as('agent').post(`/complaints/${reference}/reply/preview`, {
      subject: 'Your statement',
      body: 'Here is the statement showing the refund.',
      attachments: [pdf],
    });
    expect(shown.body.items[0].email.text).toContain('Attached: statement.pdf');

    const refused = await env.t.as('agent').post(`/complaints/${reference}/reply`, {
      subject: 'A picture',
      body: 'See the picture.',
      attachments: [{ filename: 'bill.png', contentType: 'image/png', content: EXE.toString('base64') }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.field).toBe('attachments.0');
    const uploads = async () =>
      (await env.t.db.kysely.selectFrom('uploads').select(['filename', 'sent_by']).execute()).filter(
        (u) => u.sent_by !== null,
      );
    expect(await uploads()).toEqual([]);
    expect((await view(reference)).timeline.some((e: { type: string }) => e.type === 'replied')).toBe(false);

    const sentReply = await env.t.as('agent').post(`/complaints/${reference}/reply`, {
      subject: 'Your statement',
      body: 'Here is the statement showing the refund.',
      attachments: [pdf],
    });
    expect(sentReply.status, JSON.stringify(sentReply.body)).toBe(200);
    await env.t.runJobs();
    const sent = (await env.sink.parsed()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.attachments.map((a) => [a.filename, a.content.equals(PDF)])).toEqual([
      ['statement.pdf', true],
    ]);
    expect(sent[0]?.text).toContain('Attached: statement.pdf');
    expect(await uploads()).toEqual([{ filename: 'statement.pdf', sent_by: env.t.users.agent.id }]);
    const complaint = await view(reference);
    expect(complaint.attachments).toEqual([
      expect.objectContaining({ filename: 'statement.pdf', source: 'sent' }),
    ]);
    expect(complaint.timeline.some((e: { type: string }) => e.type === 'file-sent')).toBe(true);
    // Staff download it as sent.
    const id = complaint.attachments[0].id;
    expect((await env.t.as('reviewer').bytes(`/attachments/${id}`)).bytes.equals(PDF)).toBe(true);

    // By post: the letter names what is enclosed.
    const posted = await raise({
      customer: {
        name: 'Pat Post',
        preferredChannel: 'letter',
        addressLines: ['1 High St'],
        postcode: 'HR8 1AB',
      },
    });
    await env.t.as('agent').post(`/complaints/${posted}/reply`, {
      subject: 'Your statement',
      body: 'Here is the statement.',
      attachments: [pdf],
    });
    await env.t.runJobs();
    const letter = (await view(posted)).documents.find((d: { kind: string }) => d.kind === 'reply');
    const text = await env.t.as('agent').bytes(`/complaints/${posted}/letters/${letter.id}?format=text`);
    expect(text.bytes.toString()).toContain('Enclosed: statement.pdf');
  });

  it('refuses a preview exactly as it would refuse the command', async () => {
    const reference = await raise();
    const early = await env.t.as('director').post(`/complaints/${reference}/record-referral/preview`, {
      schemeCaseReference: 'CO-1',
      referredOn: '2026-11-02',
    });
    expect(early.status).toBe(409);
    const agent = await env.t
      .as('agent')
      .post(`/complaints/${reference}/declare-deadlock/preview`, { reason: 'x' });
    expect(agent.status).toBe(403);
    const empty = await env.t
      .as('agent')
      .post(`/complaints/${reference}/reply/preview`, { subject: '', body: 'x' });
    expect(empty.status).toBe(400);
  });
});
