/** The customer portal's API: one-time sign-in, their own complaint only, answers as commands. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { httpSmsGateway } from '../../src/sms/http-gateway.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { linkTokensIn, startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describeEachDialect('customer portal', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  let gateway: TestSmsGateway;
  beforeAll(async () => {
    [sink, gateway] = await Promise.all([startSmtpSink(), startSmsGateway()]);
    t = await startApi(harness, { mail: { smtpUrl: sink.url }, sms: httpSmsGateway(gateway.settings) });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([sink.close(), gateway.close()]);
  });

  const portal = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    t.as(null).raw(`/portal${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  /** Every sign-in link sent for this reference, where the customer gets it: by email, or by text message. */
  async function linkTokens(reference: string, via: 'email' | 'sms'): Promise<string[]> {
    if (via === 'sms') {
      return gateway.texts.filter((m) => m.text.includes(reference)).flatMap((m) => linkTokensIn(m.text));
    }
    return (await sink.parsed())
      .filter((m) => m.subject?.includes(`[${reference}]`))
      .flatMap((m) => linkTokensIn(m.text ?? ''));
  }
  const linkToken = async (reference: string, via: 'email' | 'sms' = 'email') =>
    (await linkTokens(reference, via)).at(-1);

  const runJobs = () => runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });

  async function signIn(reference: string, contact: string): Promise<string> {
    const asked = await portal('/sign-in-link', { body: { reference, contact } });
    expect(asked.status).toBe(202);
    await runJobs();
    const token = await linkToken(reference, contact.includes('@') ? 'email' : 'sms');
    expect(token, 'a sign-in link was sent').toBeTruthy();
    const signedIn = await portal('/sign-in', { body: { token } });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    expect(signedIn.body.reference).toBe(reference);
    return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  it('lets a customer sign in once, decline a proposal, later say it is resolved, and see it closed', async () => {
    const created = await t
      .as('agent')
      .post(
        '/complaints',
        phoneComplaint({ customer: { name: 'Pat Web', email: 'pat@example.org' }, channel: 'web' }),
      );
    const reference = created.body.reference;
    await t
      .as('agent')
      .post(`/complaints/${reference}/add-note`, { text: 'Internal: customer sounded upset' });
    await t.as('agent').post(`/complaints/${reference}/propose`, {
      summary: 'A £5 credit',
      steps: [{ description: 'Credit £5', ownerId: null }],
    });

    const cookie = await signIn(reference, 'PAT@example.org');
    const token = await linkToken(reference);
    expect((await portal('/sign-in', { body: { token } })).status).toBe(401); // single use

    const view = await portal(`/complaints/${reference}`, { cookie });
    expect(view.status).toBe(200);
    expect(view.body.status).toContain('Please tell us whether you agree');
    expect(view.body.proposal.summary).toBe('A £5 credit');
    // What happens next, and when the customer may go to the ombudsman, in plain words with the dates.
    expect(view.body.nextStep).toEqual({
      text: expect.stringContaining('Please tell us below whether you agree with what we propose.'),
      by: null,
    });
    expect(view.body.nextStep.text).toContain('we will look at your complaint again at a more senior level');
    // Received Monday 2 November 2026: the 6-week ADR limit falls on Monday 14 December.
    expect(view.body.adr).toEqual({
      from: '2026-12-14',
      text: expect.stringContaining(
        'you can take your complaint to the Communications Ombudsman, free of charge',
      ),
    });
    expect(view.body.adr.text).toContain('14 December 2026');
    expect(view.body.actions).toEqual(expect.arrayContaining(['respond', 'add-information']));
    expect(JSON.stringify(view.body)).not.toContain('Internal: customer sounded upset');

    const declined = await portal(`/complaints/${reference}/respond`, {
      cookie,
      body: { agree: false, note: 'Not enough' },
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body.stageName).toBe('Resolution Attempt 2');

    // Staff run attempt 2 to the follow-up question.
    await t
      .as('reviewer')
      .post(`/complaints/${reference}/record-review`, { findings: 'Billing error confirmed' });
    await t.as('reviewer').post(`/complaints/${reference}/propose`, {
      summary: 'Refund in full',
      steps: [{ description: 'Refund', ownerId: null }],
    });
    const agreed = await portal(`/complaints/${reference}/respond`, { cookie, body: { agree: true } });
    expect(agreed.body.status).toContain('carrying out the steps');
    expect(agreed.body.nextStep.text).toMatch(/^We will carry out the steps we agreed by \d+ \w+ 2026\./);
    expect(agreed.body.nextStep.by).toMatch(/^2026-/);
    const staffView = await t.as('reviewer').get(`/complaints/${reference}`);
    const stepId = staffView.body.attempts[1].proposal.steps[0].id;
    await t.as('reviewer').post(`/complaints/${reference}/complete-step`, { stepId });

    const asked = await portal(`/complaints/${reference}`, { cookie });
    expect(asked.body.actions).toContain('follow-up');
    const closed = await portal(`/complaints/${reference}/follow-up`, { cookie, body: { resolved: true } });
    expect(closed.body.open).toBe(false);
    expect(closed.body.status).toBe('Your complaint is closed.');
    expect(closed.body.nextStep).toBeNull();
    expect(closed.body.adr).toBeNull();
    expect(JSON.stringify(closed.body)).not.toContain('Internal: customer sounded upset');

    // Every customer action is on record as their own contact, through the same commands as staff.
    const after = await t.as('reviewer').get(`/complaints/${reference}`);
    const fromCustomer = after.body.contacts.filter(
      (c: { channel: string; direction: string }) => c.channel === 'web' && c.direction === 'in',
    );
    expect(fromCustomer).toHaveLength(3);
    expect(after.body.closure.reason).toBe('resolved');
    const actors = after.body.timeline
      .filter((e: { type: string }) => e.type === 'response-recorded')
      .map((e: { actor: string }) => e.actor);
    expect(actors).toHaveLength(2);
    expect(actors.every((a: string) => a.startsWith('customer:'))).toBe(true);
  });

  it('refuses another customer’s complaint, even with a valid CRN', async () => {
    const mine = (
      await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Mo', email: 'mo@example.org' } }))
    ).body.reference;
    const theirs = (
      await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Jo', email: 'jo2@example.org' } }))
    ).body.reference;
    const cookie = await signIn(mine, 'mo@example.org');
    expect((await portal(`/complaints/${theirs}`, { cookie })).status).toBe(404);
    const acted = await portal(`/complaints/${theirs}/add-information`, { cookie, body: { text: 'hello' } });
    expect(acted.status).toBe(404);
    expect((await portal(`/complaints/${mine}`)).status).toBe(401);
  });

  it('never says whether the details matched, and sends no link when they do not', async () => {
    const reference = (
      await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Al', phone: '07700 900 777' } }))
    ).body.reference;
    const wrong = await portal('/sign-in-link', { body: { reference, contact: 'someone@example.org' } });
    expect(wrong.status).toBe(202);
    const wrongPhone = await portal('/sign-in-link', { body: { reference, contact: '07700 900 778' } });
    expect(wrongPhone.status).toBe(202);
    await runJobs();
    expect(await linkTokens(reference, 'sms')).toEqual([]);
    expect(await linkTokens(reference, 'email')).toEqual([]);
    const byPhone = await portal('/sign-in-link', { body: { reference, contact: '+44 (0)7700 900777' } });
    expect(byPhone.status).toBe(202);
    expect(byPhone.body.message).toContain('by text message');
    await runJobs();
    expect(await linkToken(reference, 'sms')).toBeTruthy();
    // A flood of requests yields a few live links, not one per request.
    for (let i = 0; i < 5; i++)
      await portal('/sign-in-link', { body: { reference, contact: '07700 900777' } });
    await runJobs();
    const links = await t.db.kysely
      .selectFrom('portal_links')
      .select('id')
      .where('used_at', 'is', null)
      .execute();
    expect(await linkTokens(reference, 'sms')).toHaveLength(3);
    expect(links.length).toBeGreaterThanOrEqual(3);
    const badCheck = await portal('/sign-in-link', {
      body: { reference: `${reference.slice(0, -1)}Z`, contact: 'x@example.org' },
    });
    expect(badCheck.status).toBe(400);
  });

  it('lets a link expire', async () => {
    const reference = (
      await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Ed', email: 'ed@example.org' } }))
    ).body.reference;
    await portal('/sign-in-link', { body: { reference, contact: 'ed@example.org' } });
    await runJobs();
    const token = await linkToken(reference);
    t.setNow(new Date(t.now().getTime() + 31 * 60_000));
    expect((await portal('/sign-in', { body: { token } })).status).toBe(401);
  });

  it('never writes a sign-in link’s token to the log, however it was sent', async () => {
    const tokens = [
      ...gateway.texts.flatMap((m) => linkTokensIn(m.text)),
      ...(await sink.parsed()).flatMap((m) => linkTokensIn(m.text ?? '')),
    ];
    expect(tokens.length).toBeGreaterThan(5);
    const leaks = t.logs.filter((line) => tokens.some((token) => line.includes(token)));
    expect(leaks).toEqual([]);
  });
});
