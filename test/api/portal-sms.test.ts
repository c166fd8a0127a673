/**
 * Sign-in links for customers who gave only a phone number: texted through the SMS gateway (a real HTTP
 * server on loopback), retried through an outage; without a gateway, the API says links go by email only.
 * In every case the link's token is only where the customer gets it: never in a log line or the database.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSmsGateway } from '../../src/sms/http-gateway.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { linkTokensIn, startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.ts';

/** Every log line and every stored row that holds `secret`: there must be none. */
async function whereIs(t: TestApi, secret: string): Promise<string[]> {
  const db = t.db.kysely;
  const rows = [
    ...(await db.selectFrom('audit_events').selectAll().execute()),
    ...(await db.selectFrom('jobs').selectAll().execute()),
    ...(await db.selectFrom('emails').selectAll().execute()),
    ...(await db.selectFrom('portal_links').selectAll().execute()),
  ].map((row) => JSON.stringify(row));
  return [...t.logs, ...rows].filter((line) => line.includes(secret));
}

describeEachDialect('sign-in links by text message', (harness) => {
  describe('with an SMS gateway', () => {
    let t: TestApi;
    let gateway: TestSmsGateway;
    beforeAll(async () => {
      gateway = await startSmsGateway();
      t = await startApi(harness, { sms: httpSmsGateway(gateway.settings) });
    });
    afterAll(async () => {
      await t.close();
      await gateway.close();
    });

    async function phoneOnly(name: string, phone: string): Promise<string> {
      const created = await t.as('agent').post('/complaints', phoneComplaint({ customer: { name, phone } }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await t.runJobs(); // its acknowledgement
      return created.body.reference;
    }
    const ask = (reference: string, contact: string) =>
      t.as(null).post('/portal/sign-in-link', { reference, contact });
    const trail = async (reference: string) =>
      (await t.as('admin').get(`/complaints/${reference}/audit`)).body.items as {
        type: string;
        payload: Record<string, unknown>;
      }[];

    it('a phone-only customer receives the sign-in link by SMS and signs in with it; nothing secret is logged', async () => {
      const reference = await phoneOnly('Pim Phone', '07700 900 123');
      const asked = await ask(reference, '+44 (0)7700 900123');
      expect(asked.status).toBe(202);
      expect(asked.body.message).toMatch(/by text message/);
      expect((await t.as(null).get('/procedure')).body.signInLinksBy).toEqual(['email', 'sms']);
      await t.runJobs();

      expect(gateway.texts).toHaveLength(1);
      const [sms] = gateway.texts;
      expect(sms).toMatchObject({ to: '+447700900123', from: 'Miso' });
      expect(sms?.idempotencyKey).toBeTruthy();
      expect(sms?.text).toContain(`Miso Communications: here is your link to track complaint ${reference}`);
      const [token] = gateway.linkTokens('+447700900123');
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

      const signedIn = await t.as(null).post('/portal/sign-in', { token });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.body.reference).toBe(reference);

      // The text is on the complaint's trail (to whom, which gateway message), without the link.
      const sent = (await trail(reference)).filter((e) => e.type === 'sms-sent');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.payload).toMatchObject({
        purpose: 'portal-link',
        to: '+447700900123',
        gatewayId: 'sms-1',
      });
      expect(await whereIs(t, token ?? 'no token')).toEqual([]);
    });

    it('retries through a gateway outage: the customer gets one working link, nothing is logged', async () => {
      const reference = await phoneOnly('Oona Outage', '07700 900 456');
      gateway.failWith(503);
      expect((await ask(reference, '07700900456')).status).toBe(202);
      expect(await t.runJobs()).toMatchObject({ retried: 1, done: 0 });
      expect(gateway.linkTokens('+447700900456')).toEqual([]);
      const job = await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'last_error'])
        .where('kind', '=', 'portal-link')
        .where('status', '!=', 'done')
        .execute();
      expect(job).toEqual([{ status: 'pending', last_error: expect.stringContaining('HTTP 503') }]);
      expect(t.logs.some((l) => l.includes('text message not sent yet: will retry'))).toBe(true);

      gateway.failWith(null);
      t.setNow(new Date(t.now().getTime() + 60_000));
      expect(await t.runJobs()).toMatchObject({ done: 1 });
      const tokens = gateway.linkTokens('+447700900456');
      expect(tokens).toHaveLength(1);
      expect((await t.as(null).post('/portal/sign-in', { token: tokens[0] })).status).toBe(200);
      const events = await trail(reference);
      expect(events.filter((e) => e.type === 'sms-sent')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'portal-link-issued')).toHaveLength(2);
      expect(t.logs.filter((l) => l.includes('token='))).toEqual([]);
      expect(await whereIs(t, tokens[0] ?? 'no token')).toEqual([]);
    });

    it('puts a text that failed for good on the complaint’s trail, for staff to call the customer', async () => {
      const reference = await phoneOnly('Fay Fail', '07700 900 987');
      gateway.failWith(500);
      expect((await ask(reference, '07700 900 987')).status).toBe(202);
      let failed = 0;
      for (let attempt = 0; attempt < 10 && failed === 0; attempt++) {
        failed = (await t.runJobs()).failed;
        t.setNow(new Date(t.now().getTime() + 2 * 3_600_000));
      }
      gateway.failWith(null);
      expect(failed).toBe(1);
      const events = await trail(reference);
      expect(events.filter((e) => e.type === 'sms-failed').map((e) => e.payload)).toEqual([
        expect.objectContaining({
          purpose: 'portal-link',
          to: '+447700900987',
          error: expect.stringContaining('HTTP 500'),
        }),
      ]);
      expect(events.some((e) => e.type === 'sms-sent')).toBe(false);
      expect(t.logs.some((l) => l.includes('text message failed for good'))).toBe(true);
      expect(t.logs.filter((l) => l.includes('token='))).toEqual([]);
    });

    it('texts only mobile numbers: a landline on record gets nothing', async () => {
      const reference = await phoneOnly('Lan Line', '01632 960 001');
      const before = gateway.texts.length;
      expect((await ask(reference, '01632 960001')).status).toBe(202);
      expect(await t.runJobs()).toMatchObject({ done: 1 });
      expect(gateway.texts).toHaveLength(before);
      expect(t.logs.some((l) => l.includes('not a UK mobile') && l.includes(reference))).toBe(true);
    });
  });

  describe('without an SMS gateway', () => {
    let t: TestApi;
    const dir = mkdtempSync(join(tmpdir(), 'redress-no-sms-'));
    const mailboxDir = join(dir, 'mailbox');
    beforeAll(async () => {
      // As `redress serve` runs without SMTP_URL or SMS_GATEWAY_URL: email goes to the dev mailbox.
      t = await startApi(harness, { mail: { mailboxDir } });
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('says links go by email only, refuses a phone number with the company’s number, and logs no link', async () => {
      expect((await t.as(null).get('/procedure')).body.signInLinksBy).toEqual(['email']);
      const created = await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Em Both', email: 'em@example.org' } }));
      const reference = created.body.reference as string;
      await t.runJobs();
      const jobs = async () =>
        (await t.db.kysely.selectFrom('jobs').select('id').where('kind', '=', 'portal-link').execute())
          .length;

      const byPhone = await t.as(null).post('/portal/sign-in-link', { reference, contact: '07700 900 999' });
      expect(byPhone.status).toBe(400);
      expect(byPhone.headers.get('content-type')).toContain('application/problem+json');
      expect(byPhone.body).toMatchObject({ code: 'validation', field: 'contact' });
      expect(byPhone.body.detail).toContain('by email only');
      expect(byPhone.body.detail).toContain('01531 576 006');
      expect(await jobs()).toBe(0);

      const byEmail = await t.as(null).post('/portal/sign-in-link', { reference, contact: 'em@example.org' });
      expect(byEmail.status).toBe(202);
      expect(byEmail.body.message).toContain('emailed you a link');
      await t.runJobs();
      const files = readdirSync(mailboxDir).map((f) => readFileSync(join(mailboxDir, f)));
      const texts = await Promise.all(files.map(async (raw) => (await simpleParser(raw)).text ?? ''));
      const [token] = texts.flatMap(linkTokensIn);
      expect(token, 'the link is in the dev mailbox').toBeTruthy();
      expect(await whereIs(t, token ?? 'no token')).toEqual([]);
      expect((await t.as(null).post('/portal/sign-in', { token })).status).toBe(200);
    });
  });
});
