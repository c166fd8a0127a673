/**
 * Logs carry CRNs and ids, never personal data or secrets. A full walk — a complaint by email and one by the
 * API, a portal sign-in, a proposal accepted and followed up in the portal, the letters, the survey answered
 * with a comment — with every log line captured (the pino destination of the context, which Fastify's request
 * logs share), then searched for the customer's name, email address and phone number, every body text, the
 * API tokens, the sign-in link's token, the portal session's secret and the survey's token. SQLite only: the
 * logs do not depend on the database.
 */
import { expect, it } from 'vitest';
import { describeDialect } from '../support/databases.ts';
import { useApiWithMailBothWays } from '../support/mail-api.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';
import { sendMail } from '../support/smtp-send.ts';

const NAME = 'Lola Logline';
const EMAIL = 'lola.logline@example.org';
const PHONE = '01632 960 999';
const BODIES = {
  email: 'LOLA-EMAIL-BODY my broadband drops each night',
  emailSubject: 'LOLA-SUBJECT broadband',
  description: 'LOLA-DESCRIPTION charged for a cancelled line',
  proposal: 'LOLA-PROPOSAL refund of the last bill',
  step: 'LOLA-STEP refund',
  note: 'LOLA-NOTE happy with that',
  comment: 'LOLA-COMMENT thanks for sorting it',
  contact: 'LOLA-CONTACT called to chase',
};

describeDialect('sqlite', 'logs without personal data', (harness) => {
  const env = useApiWithMailBothWays(harness);

  it('a full walk logs no name, address, phone number, body text, token or session secret', async () => {
    const { t, sink, listener } = env;
    await sendMail(listener.port, {
      from: `${NAME} <${EMAIL}>`,
      subject: BODIES.emailSubject,
      text: BODIES.email,
      messageId: '<lola-1@example.org>',
    });
    await t.runJobs();

    const made = await t.as('agent').post('/complaints', {
      customer: { name: NAME, email: EMAIL, phone: PHONE, addressLines: ['1 Log Lane'], postcode: 'WA9 9ZZ' },
      channel: 'phone',
      description: BODIES.description,
      category: 'billing',
      formal: true,
      desiredOutcome: 'LOLA-OUTCOME a refund',
    });
    expect(made.status).toBe(201);
    const reference = made.body.reference as string;
    await t.command('agent', reference, 'log-contact', {
      channel: 'phone',
      direction: 'in',
      summary: BODIES.contact,
    });
    await t.command('agent', reference, 'propose', {
      summary: BODIES.proposal,
      steps: [{ description: BODIES.step, ownerId: t.users.agent.id }],
    });
    await t.runJobs();

    const cookie = await portalSessionCookie(t, sink, reference, EMAIL);
    const portal = (path: string, body: unknown) =>
      t.as(null).raw(`/portal/complaints/${reference}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
    expect((await portal('/respond', { agree: true, note: BODIES.note })).status).toBe(200);
    const stepId = (await t.as('agent').get(`/complaints/${reference}`)).body.attempts[0].proposal.steps[0]
      .id;
    await t.command('agent', reference, 'complete-step', { stepId });
    expect((await portal('/follow-up', { resolved: true })).status).toBe(200);
    await t.runJobs();
    expect((await portal('/satisfaction', { score: 5, comment: BODIES.comment })).status).toBe(200);
    await t.runJobs();
    // Staff sign in with a password (wrong, then right): neither the password nor the session may be logged.
    const password = 'Tq9#vLm2!pRx7wKz-brisk';
    expect(
      (
        await t.as('admin').post('/users', {
          email: 'staff.logline@test.redress',
          name: 'Staffer Logline',
          roles: ['agent'],
          password,
        })
      ).status,
    ).toBe(201);
    await t
      .as(null)
      .post('/auth/login', { email: 'staff.logline@test.redress', password: 'Wr0ng-Pa55-Zq8#xM-damp' });
    const login = await t.as(null).post('/auth/login', { email: 'staff.logline@test.redress', password });
    expect(login.status).toBe(200);
    const staffSession = (login.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? '';
    // Refused input is logged without what was sent.
    const bad = await t.as('agent').post('/complaints', {
      customer: { name: NAME, email: 'LOLA-NOT-AN-EMAIL', phone: PHONE },
      channel: 'phone',
      description: BODIES.description,
      category: 'billing',
    });
    expect(bad.status).toBe(400);
    // A wrong sign-in and a bad request log too: neither may echo what was sent.
    await t.as(null).post('/portal/sign-in', { token: 'lolas-made-up-token-0000000000' });
    await t.as(null).post('/portal/sign-in-link', { reference, contact: EMAIL });
    await t.runJobs();

    const mail = await sink.parsed();
    const texts = mail.map((m) => m.text ?? '').join('\n');
    const secrets = [
      ...[...texts.matchAll(/\/track\/sign-in\?token=([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? ''),
      ...[...texts.matchAll(/\/survey#([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? ''),
      cookie.split('=')[1] ?? '',
      ...Object.values(t.users).map((u) => u.token),
      'lolas-made-up-token-0000000000',
      staffSession,
      password,
      'Wr0ng-Pa55-Zq8#xM-damp',
    ].filter((s) => s.length >= 16);
    expect(secrets.length).toBeGreaterThanOrEqual(7);

    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(20);
    expect(logs).toContain(reference);
    const personal = [
      NAME,
      'Lola',
      'Logline',
      EMAIL,
      'lola.logline',
      PHONE,
      PHONE.replaceAll(' ', ''),
      '1 Log Lane',
      'WA9 9ZZ',
      ...Object.values(BODIES),
      'LOLA-',
      'Staffer',
    ];
    for (const needle of personal) expect(logs, `personal data in the logs: ${needle}`).not.toContain(needle);
    for (const secret of secrets) expect(logs, 'a secret in the logs').not.toContain(secret);
  });
});
