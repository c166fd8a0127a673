/**
 * Letters end to end, on both databases: issued by the jobs of the changes they report, stored once, sent
 * as the PDF attached to the email (the same bytes as stored), queued for post when the customer takes no
 * email, downloadable by staff and by the customer, and the ADR letters on time, every time.
 */
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { expect, it } from 'vitest';
import { acknowledgementFacts } from '../../src/app/acknowledge-complaint.ts';
import { issueLetter } from '../../src/app/issue-letter.ts';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { sweepAdrClock } from '../../src/app/sweep-adr-clock.ts';
import { findComplaintByReference } from '../../src/db/complaints.ts';
import { findCustomer } from '../../src/db/customers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { formatDate } from '../../src/mail/templates/layout.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { readPdf } from '../support/pdf.ts';

const DAY = 86_400_000;
const ADDRESS = { addressLines: ['12 Acacia Avenue', 'Little Whinging'], postcode: 'WA1 1AA' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Letter {
  id: string;
  kind: string;
  title: string;
  sha256: string;
  issuedOn: string;
  delivery: 'email' | 'post';
  printStatus: 'queued' | 'posted' | null;
  largePrint: boolean;
}

import { useApiWithSink } from '../support/mail-api.ts';

describeEachDialect('letters', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  const later = (ms: number) => env.t.setNow(new Date(env.t.now().getTime() + ms));
  async function raise(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await env.t.as('agent').post('/complaints', phoneComplaint(overrides));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.reference;
  }
  const view = async (reference: string) => (await env.t.as('agent').get(`/complaints/${reference}`)).body;
  const letters = async (reference: string): Promise<Letter[]> => (await view(reference)).documents;
  async function download(reference: string, id: string) {
    const res = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${id}`);
    expect(res.status).toBe(200);
    return res;
  }
  const mailFor = async (reference: string): Promise<ParsedMail[]> =>
    (await env.sink.parsed()).filter((m) => m.subject?.includes(`[${reference}]`));

  it('walks to deadlock: the ADR letter is issued that same day, says all it must, and is the PDF emailed', async () => {
    env.t.setNow('2026-11-02T10:00:00Z');
    const reference = await raise({ customer: { name: 'Jo Bloggs', email: 'jo@example.org', ...ADDRESS } });
    await env.t.command('agent', reference, 'assign', { ownerId: env.t.users.director.id });
    await env.t.command('agent', reference, 'escalate', { reason: 'Needs a detailed review' });
    await env.t.command('reviewer', reference, 'record-review', {
      findings: 'Charged twice; one refund due',
    });
    await env.t.command('reviewer', reference, 'propose', {
      summary: 'Refund £24.99 and a £10 credit',
      steps: [{ description: 'Refund', ownerId: env.t.users.reviewer.id }],
    });
    await env.t.command('reviewer', reference, 'record-response', {
      outcome: 'declined',
      note: 'Wants £100',
    });
    await env.t.command('director', reference, 'record-review', { findings: 'Our offer is fair' });
    later(3_600_000);
    await env.t.command('director', reference, 'declare-deadlock', {
      reason: 'We stand by our offer of a refund of £24.99 and a £10 credit.',
    });
    await env.t.runJobs();

    const adr = (await letters(reference)).find((l) => l.kind === 'adr-letter-deadlock');
    expect(adr, JSON.stringify(await letters(reference))).toBeDefined();
    const complaint = await view(reference);
    const issued = complaint.adr.letters[0];
    expect(adr?.issuedOn).toBe('2026-11-02');
    expect(issued).toMatchObject({ trigger: 'deadlock', issuedOn: '2026-11-02' });

    const file = await download(reference, adr?.id ?? '');
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('etag')).toBe(`"${adr?.sha256}"`);
    expect(sha256(file.bytes)).toBe(adr?.sha256);
    const { text } = await readPdf(file.bytes);
    for (const needed of [
      'Jo Bloggs',
      reference,
      'Communications Ombudsman',
      'PO Box 730',
      'WA4 6WU',
      '0330 440 1614',
      '12 months',
      formatDate(issued.windowEndsOn),
      'We stand by our offer of a refund of £24.99 and a £10 credit.',
      'Test director',
      '12 Acacia Avenue',
    ]) {
      expect(text, needed).toContain(needed);
    }
    expect(text).toMatch(/final position/i);

    // The email carries exactly the stored letter.
    const sent = (await mailFor(reference)).find((m) => m.subject?.includes('ADR letter'));
    const attached = sent?.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attached, 'the ADR email carries the letter').toBeDefined();
    expect(sha256(attached?.content as Buffer)).toBe(adr?.sha256);

    // The plain-text version is there for screen readers and text relay.
    const plain = await env.t.as('agent').bytes(`/complaints/${reference}/letters/${adr?.id}?format=text`);
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(plain.bytes.toString('utf8')).toContain('12 months');

    // On the timeline, and a job run again makes no second letter.
    expect(complaint.timeline.map((e: { type: string }) => e.type)).toContain('letter-issued');
    const before = (await letters(reference)).length;
    await env.t.db.kysely
      .updateTable('jobs')
      .set({ status: 'pending', run_at: env.t.now().toISOString() })
      .execute();
    await env.t.runJobs();
    expect(await letters(reference)).toHaveLength(before);
  });

  it('issues exactly one time-limit ADR letter 43 days on, after two runs and a restart; none once closed', async () => {
    env.t.setNow('2026-11-02T10:00:00Z');
    const due = await raise({ firstExpressedAt: new Date(env.t.now().getTime() - 43 * DAY).toISOString() });
    const closed = await raise({
      firstExpressedAt: new Date(env.t.now().getTime() - 30 * DAY).toISOString(),
    });
    await env.t.command('agent', closed, 'withdraw', { reason: 'Sorted' });
    await env.t.runJobs();
    // The worker runs every job again (a crash before it marked them done), then a restart's sweep.
    await env.t.db.kysely
      .updateTable('jobs')
      .set({ status: 'pending', run_at: env.t.now().toISOString() })
      .execute();
    await env.t.runJobs();
    // A restart: a new process's context, whose sweep catches up on start.
    const restarted = { ...env.t.ctx, now: () => env.t.now() };
    await sweepAdrClock(restarted);
    await runDueJobs(env.t.db, jobHandlers(restarted), { now: env.t.now, owner: 'restarted' });
    const timeLimit = (await letters(due)).filter((l) => l.kind === 'adr-letter-time-limit');
    expect(timeLimit).toHaveLength(1);
    expect((await view(due)).adr.letters).toHaveLength(1);
    const { text } = await readPdf((await download(due, timeLimit[0]?.id ?? '')).bytes);
    expect(text).toContain('12 months');
    expect(text).toContain('Communications Ombudsman');

    later(30 * DAY);
    await sweepAdrClock(env.t.ctx);
    await env.t.runJobs();
    expect((await letters(closed)).map((l) => l.kind)).not.toContain('adr-letter-time-limit');
    expect((await view(closed)).adr.letters).toEqual([]);
  });

  it('produces the large-print variant for a customer who needs it', async () => {
    const reference = await raise({
      customer: { name: 'Ada Large', email: 'ada@example.org', needs: { largePrint: true }, ...ADDRESS },
    });
    await env.t.runJobs();
    const [ack] = await letters(reference);
    expect(ack).toMatchObject({ kind: 'acknowledgement', largePrint: true });
    const { runs } = await readPdf((await download(reference, ack?.id ?? '')).bytes);
    const body = runs.filter((r) => r.text.includes('Ada Large'));
    expect(body.length).toBeGreaterThan(0);
    for (const run of body) expect(run.size, run.text).toBeGreaterThanOrEqual(16);
  });

  it('queues letters for post when the customer prefers letters; staff mark them posted once', async () => {
    const reference = await raise({
      customer: { name: 'Pip Post', preferredChannel: 'letter', ...ADDRESS },
    });
    await env.t.runJobs();
    const [ack] = await letters(reference);
    expect(ack).toMatchObject({ kind: 'acknowledgement', delivery: 'post', printStatus: 'queued' });
    expect(await mailFor(reference)).toEqual([]);

    const queue = await env.t.as('agent').get('/print-queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(ack?.id);
    const posted = await env.t.as('agent').post(`/print-queue/${ack?.id}/posted`);
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({ printStatus: 'posted', postedBy: env.t.users.agent.id });
    const again = await env.t.as('agent').post(`/print-queue/${ack?.id}/posted`);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect(
      (await env.t.as('agent').get('/print-queue')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(ack?.id);
    expect((await env.t.as('agent').get('/print-queue?status=posted')).body.items[0]).toMatchObject({
      id: ack?.id,
      reference,
    });
    expect((await view(reference)).timeline.map((e: { type: string }) => e.type)).toContain('letter-posted');

    // Every letter after the acknowledgement goes the same way, the follow-up question included.
    const steps = await env.t.command('agent', reference, 'propose', {
      summary: 'Refund',
      steps: [{ description: 'Refund £24.99', ownerId: env.t.users.agent.id }],
    });
    await env.t.command('agent', reference, 'record-response', { outcome: 'agreed' });
    await env.t.command('agent', reference, 'complete-step', {
      stepId: steps.attempts[0].proposal.steps[0].id,
    });
    await env.t.runJobs();
    expect((await letters(reference)).map((l) => `${l.kind}: ${l.printStatus}`).sort()).toEqual([
      'acknowledgement: posted',
      'follow-up: queued',
      'proposal: queued',
    ]);

    // An emailed letter is not in the queue and cannot be "posted".
    const emailed = await raise({ customer: { name: 'Em Mail', email: 'em@example.org' } });
    await env.t.runJobs();
    const [emailedAck] = await letters(emailed);
    expect(emailedAck?.delivery).toBe('email');
    expect((await env.t.as('agent').post(`/print-queue/${emailedAck?.id}/posted`)).status).toBe(409);
    expect((await env.t.as('agent').post('/print-queue/01NOPE/posted')).status).toBe(404);
  });

  it('keeps a letter to its complaint: another complaint’s reference or an unknown id is 404', async () => {
    const one = await raise();
    const two = await raise();
    await env.t.runJobs();
    const [letter] = await letters(one);
    expect((await env.t.as('agent').bytes(`/complaints/${two}/letters/${letter?.id}`)).status).toBe(404);
    expect((await env.t.as('agent').bytes(`/complaints/${one}/letters/01UNKNOWN`)).status).toBe(404);
    expect((await env.t.as(null).bytes(`/complaints/${one}/letters/${letter?.id}`)).status).toBe(401);
  });

  it('lets the customer download their own letters in the portal, and nobody else’s', async () => {
    const reference = await raise({ customer: { name: 'Pia Portal', email: 'pia@example.org', ...ADDRESS } });
    const other = await raise({ customer: { name: 'Oli Other', email: 'oli@example.org' } });
    await env.t.runJobs();
    const asked = await env.t
      .as(null)
      .post('/portal/sign-in-link', { reference, contact: 'pia@example.org' });
    expect(asked.status).toBe(202);
    await env.t.runJobs();
    const link = (await mailFor(reference))
      .map((m) => /https?:\/\/\S+token=[\w-]+/.exec(m.text ?? '')?.[0])
      .find(Boolean);
    const token = new URL(link ?? 'http://x').searchParams.get('token');
    const signedIn = await env.t.as(null).post('/portal/sign-in', { token });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asCustomer = { headers: { cookie } };

    const view = await env.t.as(null).raw(`/portal/complaints/${reference}`, asCustomer);
    const [ack] = view.body.letters;
    expect(ack).toMatchObject({
      title: expect.stringMatching(/received your complaint/i),
      largePrint: false,
    });
    const pdf = await env.t.as(null).bytes(`/portal/complaints/${reference}/letters/${ack.id}`, asCustomer);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await readPdf(pdf.bytes)).text).toContain('Pia Portal');
    const text = await env.t
      .as(null)
      .bytes(`/portal/complaints/${reference}/letters/${ack.id}?format=text`, asCustomer);
    expect(text.bytes.toString('utf8')).toContain('Dear Pia Portal,');

    const [theirs] = await letters(other);
    expect(
      (await env.t.as(null).bytes(`/portal/complaints/${other}/letters/${theirs?.id}`, asCustomer)).status,
    ).toBe(404);
    expect(
      (await env.t.as(null).bytes(`/portal/complaints/${reference}/letters/${theirs?.id}`, asCustomer))
        .status,
    ).toBe(404);
    expect((await env.t.as(null).bytes(`/portal/complaints/${reference}/letters/${ack.id}`)).status).toBe(
      401,
    );
  });

  it('stores a letter once when two workers issue it at the same moment', async () => {
    const reference = await raise({ customer: { name: 'Raz Race', email: 'raz@example.org', ...ADDRESS } });
    const complaint = await findComplaintByReference(env.t.db.kysely, reference);
    const customer = complaint && (await findCustomer(env.t.db.kysely, complaint.customerId));
    if (!complaint || !customer) throw new Error('complaint not stored');
    const letter = {
      complaint,
      customer,
      facts: acknowledgementFacts(complaint, env.t.ctx.procedure),
      sourceKey: `race:${complaint.id}`,
      date: '2026-11-02',
      handlerId: null,
      delivery: 'email' as const,
    };
    const [one, two] = await Promise.all([issueLetter(env.t.ctx, letter), issueLetter(env.t.ctx, letter)]);
    expect(one?.id).toBe(two?.id);
    expect(one?.sha256).toBe(two?.sha256);
    const trail = (await view(reference)).timeline.filter(
      (e: { type: string; details: { documentId?: string } }) =>
        e.type === 'letter-issued' && e.details.documentId === one?.id,
    );
    expect(trail).toHaveLength(1);
  });

  it('sends, after an outage, the very letter it stored on the first try', async () => {
    const reference = await raise({ customer: { name: 'Out Age', email: 'out@example.org', ...ADDRESS } });
    env.t.ctx.mail = { smtpUrl: 'smtp://127.0.0.1:1' }; // nothing listens: refused, tried again later
    try {
      await env.t.runJobs();
    } finally {
      env.t.ctx.mail = { smtpUrl: env.sink.url };
    }
    const [stored] = await letters(reference);
    expect(await mailFor(reference)).toEqual([]);
    later(3_600_000);
    await env.t.runJobs();
    const [sent] = await mailFor(reference);
    const attached = sent?.attachments.find((a) => a.contentType === 'application/pdf');
    expect(sha256(attached?.content as Buffer)).toBe(stored?.sha256);
    expect(await letters(reference)).toHaveLength(1);
  });
});
