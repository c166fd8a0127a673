/** Raising a complaint on the website: no account, a new customer every time, then tracked like any other. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { linkTokensIn } from '../support/sms-gateway.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describeEachDialect('raising a complaint on the website', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApi(harness, { mail: { smtpUrl: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const portal = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.as(null).raw(`/portal${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const form = (overrides: Record<string, unknown> = {}) => ({
    name: 'Sam Online',
    email: 'sam@example.org',
    customerType: 'residential',
    category: 'billing',
    whatHappened: 'My bill doubled without warning.',
    whatYouWant: 'The old price back',
    formal: true,
    ...overrides,
  });

  const count = async (table: 'complaints' | 'customers') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records a web complaint, as the customer, with their web contact and a new customer record', async () => {
    // Someone already on record with the same email: the form must not touch their record.
    const existing = await t.as('agent').post('/complaints', {
      customer: { name: 'Sam Original', email: 'sam@example.org' },
      channel: 'phone',
      description: 'Earlier complaint',
    });
    expect(existing.status).toBe(201);

    const created = await portal(
      '/complaints',
      form({
        phone: '01632 960 555',
        addressLines: ['1 High Street', 'Ledbury'],
        postcode: 'hr8 1aa',
        customerType: 'small-business',
        firstComplainedOn: '2026-10-26',
        needs: { largePrint: true },
        support: 'I am partially sighted.',
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // First complained on Monday 26 October 2026 (after the 2026 change: 6 weeks); raised Monday 2 November,
    // acknowledged the same working day (MISO acknowledges on receipt).
    expect(created.body).toEqual({
      reference: expect.any(String),
      acknowledgeBy: '2026-11-02',
      adrDueOn: '2026-12-07',
    });
    const reference = created.body.reference as string;

    const staffView = await t.as('agent').get(`/complaints/${reference}`);
    expect(staffView.status).toBe(200);
    const complaint = staffView.body;
    // The customer is told the same dates as staff see.
    expect(complaint.acknowledgeBy).toBe(created.body.acknowledgeBy);
    expect(complaint.adr.dueOn).toBe(created.body.adrDueOn);
    expect(complaint.channel).toBe('web');
    expect(complaint.stage).toBe('attempt-1');
    expect(complaint.formal).toBe(true);
    expect(complaint.desiredOutcome).toBe('The old price back');
    expect(complaint.owner).toBeNull();
    expect(complaint.firstExpressedAt).toBe('2026-10-26T00:00:00.000Z');
    expect(complaint.contacts).toEqual([
      expect.objectContaining({
        channel: 'web',
        direction: 'in',
        recordedBy: expect.stringMatching(/^customer:/),
      }),
    ]);
    const recorded = complaint.timeline.find((e: { type: string }) => e.type === 'complaint-recorded');
    expect(recorded.actor).toMatch(/^customer:/);

    expect(complaint.customer).toMatchObject({
      name: 'Sam Online',
      type: 'small-business',
      postcode: 'HR8 1AA',
      needs: { largePrint: true, braille: false, textRelay: false },
      vulnerabilityNotes: 'I am partially sighted.',
    });
    const original = await t.as('agent').get(`/complaints/${existing.body.reference}`);
    expect(original.body.customer.name).toBe('Sam Original');
    expect(original.body.customer.id).not.toBe(complaint.customer.id);
  });

  it('gives the ADR date from the limit in force when the customer first complained', async () => {
    // First complained before the 2026 change (8 April 2026): the older 8-week limit.
    const before = await portal('/complaints', form({ firstComplainedOn: '2026-03-30' }));
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    expect(before.body.adrDueOn).toBe('2026-05-25');
    // Complained today: 6 weeks from today.
    const today = await portal('/complaints', form());
    expect(today.body).toMatchObject({ acknowledgeBy: '2026-11-02', adrDueOn: '2026-12-14' });
  });

  it('refuses bad input with the field’s path and writes nothing', async () => {
    const complaints = await count('complaints');
    const customers = await count('customers');
    const badEmail = await portal('/complaints', form({ email: 'not-an-email' }));
    expect(badEmail.status).toBe(400);
    expect(badEmail.headers.get('content-type')).toContain('application/problem+json');
    expect(badEmail.body.errors.map((e: { field: string }) => e.field)).toContain('body.email');

    // Checks across fields are the use case's, which names fields bare, as every use case does; the HTTP
    // layer's own validation says where in the request (`body.…`).
    const noContact = await portal('/complaints', form({ email: undefined }));
    expect(noContact.status).toBe(400);
    expect(noContact.body.field).toBe('email');

    const future = await portal('/complaints', form({ firstComplainedOn: '2026-11-03' }));
    expect(future.status).toBe(400);
    expect(future.body.field).toBe('firstComplainedOn');

    const empty = await portal('/complaints', form({ whatHappened: '   ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('body.whatHappened');

    const smuggled = await portal('/complaints', form({ customer: { id: 'someone-else' } }));
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.field).toBe('body.customer');

    expect(await count('complaints')).toBe(complaints);
    expect(await count('customers')).toBe(customers);
  });

  it('returns the first reference when a submission is retried with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'web-form-0001-retry' };
    const first = await portal('/complaints', form({ name: 'Rita Retry' }), key);
    expect(first.status).toBe(201);
    const complaints = await count('complaints');
    const again = await portal('/complaints', form({ name: 'Rita Retry' }), key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count('complaints')).toBe(complaints);

    const different = await portal('/complaints', form({ name: 'Someone Else' }), key);
    expect(different.status).toBe(422);

    // A staff member's key of the same value is another request altogether.
    const staff = await t
      .as('agent')
      .post(
        '/complaints',
        { customer: { name: 'Phone caller', phone: '01632 960 111' }, channel: 'phone', description: 'x' },
        key,
      );
    expect(staff.status).toBe(201);
    expect(staff.body.reference).not.toBe(first.body.reference);
  });

  it('lets the customer track what they raised with a sign-in link', async () => {
    const reference = (await portal('/complaints', form({ email: 'track@example.org', phone: undefined })))
      .body.reference as string;
    const asked = await portal('/sign-in-link', { reference, contact: 'Track@Example.org' });
    expect(asked.status).toBe(202);
    await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
    const token = (await sink.parsed())
      .filter((m) => m.to && JSON.stringify(m.to).includes('track@example.org'))
      .flatMap((m) => linkTokensIn(m.text ?? ''))
      .at(-1);
    expect(token, 'the sign-in link was emailed').toBeTruthy();
    expect(t.logs.filter((line) => line.includes(token ?? '-'))).toEqual([]);
    const signedIn = await portal('/sign-in', { token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.reference).toBe(reference);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const view = await portal(`/complaints/${reference}`, undefined, { cookie });
    expect(view.status).toBe(200);
    expect(view.body.description).toBe('My bill doubled without warning.');
    expect(view.body.open).toBe(true);
    expect(view.body.actions).toContain('add-information');
  });
});
