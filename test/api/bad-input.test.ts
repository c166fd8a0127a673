/** Bad input gets a clear 4xx problem and writes nothing. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { formatCrn } from '../../src/domain/crn.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('bad input', (harness) => {
  let t: TestApi;
  let reference: string;
  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
  });
  afterAll(() => t.close());

  /** Rows in every table a request could write to. */
  async function footprint() {
    const db = t.db.kysely;
    const count = async (
      table: 'complaints' | 'customers' | 'audit_events' | 'jobs' | 'contacts' | 'attempts' | 'steps',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      complaints: await count('complaints'),
      customers: await count('customers'),
      audit: await count('audit_events'),
      jobs: await count('jobs'),
      contacts: await count('contacts'),
      attempts: await count('attempts'),
      steps: await count('steps'),
    };
  }

  const cases: [
    string,
    () => Promise<{ status: number; body: { code: string; field?: string } }>,
    number,
    string,
    string?,
  ][] = [
    [
      'malformed JSON',
      () =>
        t.as('agent').raw('/complaints', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"customer": ',
        }),
      400,
      'malformed-json',
    ],
    [
      'an unknown field',
      () => t.as('agent').post('/complaints', { ...phoneComplaint(), colour: 'red' }),
      400,
      'validation',
      'body.colour',
    ],
    [
      'an unknown nested field',
      () => t.as('agent').post('/complaints', phoneComplaint({ customer: { name: 'Jo', shoeSize: 9 } })),
      400,
      'validation',
      'body.customer.shoeSize',
    ],
    [
      'a missing description',
      () => t.as('agent').post('/complaints', phoneComplaint({ description: undefined })),
      400,
      'validation',
      'body.description',
    ],
    [
      'an unknown channel',
      () => t.as('agent').post('/complaints', phoneComplaint({ channel: 'pigeon' })),
      400,
      'validation',
      'body.channel',
    ],
    [
      'an oversized body',
      () => t.as('agent').post('/complaints', phoneComplaint({ description: 'x'.repeat(300 * 1024) })),
      413,
      'body-too-large',
    ],
    [
      'a firstExpressedAt in the future',
      () => t.as('agent').post('/complaints', phoneComplaint({ firstExpressedAt: '2027-01-01T00:00:00Z' })),
      400,
      'validation',
      'firstExpressedAt',
    ],
    [
      'a CRN with a wrong check character',
      () =>
        t
          .as('agent')
          .post(`/complaints/${reference.slice(0, -1)}${reference.endsWith('A') ? 'C' : 'A'}/add-note`, {
            text: 'hi',
          }),
      400,
      'invalid-reference',
    ],
    [
      'an unknown CRN',
      () =>
        t
          .as('agent')
          .post(`/complaints/${formatCrn(MISO_PROCEDURE.crn, 26, 999_999)}/add-note`, { text: 'hi' }),
      404,
      'not-found',
    ],
    [
      'a command at the wrong stage',
      () => t.as('agent').post(`/complaints/${reference}/record-follow-up`, { outcome: 'satisfied' }),
      409,
      'not-allowed-now',
    ],
    [
      'a step owner who is not staff',
      () =>
        t.as('agent').post(`/complaints/${reference}/propose`, {
          summary: 'x',
          steps: [{ description: 'y', ownerId: 'nobody' }],
        }),
      400,
      'validation',
      'steps.0.ownerId',
    ],
    [
      'a due date that is not a date',
      () =>
        t.as('agent').post(`/complaints/${reference}/propose`, {
          summary: 'x',
          steps: [{ description: 'y', ownerId: null, dueOn: '2026-02-30' }],
        }),
      400,
      'validation',
      'body.steps.0.dueOn',
    ],
    [
      'a NUL character in a text field',
      () => t.as('agent').post('/complaints', phoneComplaint({ description: 'nul \u0000 here' })),
      400,
      'validation',
      'body.description',
    ],
    [
      'an owner who is not staff',
      () => t.as('agent').post('/complaints', phoneComplaint({ ownerId: 'nobody' })),
      400,
      'validation',
      'ownerId',
    ],
    [
      'an amount beyond any fee',
      () =>
        t.as('agent').post(`/complaints/${reference}/record-referral`, {
          schemeCaseReference: 'X',
          referredOn: '2026-11-01',
          caseFeePence: 3_000_000_000,
        }),
      400,
      'validation',
      'body.caseFeePence',
    ],
    [
      'a bad bearer token',
      () => t.as('agent').raw('/complaints', { headers: { authorization: 'Bearer nope' } }),
      401,
      'unauthenticated',
    ],
  ];

  for (const [name, request, status, code, field] of cases) {
    it(`refuses ${name} with ${status} ${code} and writes nothing`, async () => {
      const before = await footprint();
      const res = await request();
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      if (field) expect(res.body.field).toBe(field);
      expect(await footprint()).toEqual(before);
    });
  }

  it('lists what is allowed when a command comes at the wrong stage', async () => {
    const res = await t.as('agent').post(`/complaints/${reference}/record-response`, { outcome: 'agreed' });
    expect(res.status).toBe(409);
    expect(res.body.allowed).toEqual(expect.arrayContaining(['propose', 'not-practical', 'log-contact']));
  });

  it('makes a retried create with the same Idempotency-Key return the first complaint', async () => {
    const key = { 'idempotency-key': 'create-7f3a9c1e' };
    const first = await t.as('agent').post('/complaints', phoneComplaint(), key);
    const before = await footprint();
    const again = await t.as('agent').post('/complaints', phoneComplaint(), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.reference).toBe(first.body.reference);
    expect(again.body.replayed).toBe(true);
    expect(await footprint()).toEqual(before);
    const different = await t.as('agent').post('/complaints', phoneComplaint({ description: 'Other' }), key);
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('idempotency-key-reused');
  });

  it('treats concurrent creates with one Idempotency-Key as one', async () => {
    const key = { 'idempotency-key': 'create-concurrent-1' };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => t.as('agent').post('/complaints', phoneComplaint(), key)),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.reference)).size).toBe(1);
  });
});
