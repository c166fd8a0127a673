/** Likely duplicate customers found by index, merged into one record with their history, and audited. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUpload } from '../../src/db/attachments.ts';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { PNG } from '../support/files.ts';

describeEachDialect('duplicate customers', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  /** A complaint raised on the web form, which always makes a new customer record; returns both. */
  async function raisedOnline(customer: {
    name: string;
    email?: string;
    phone?: string;
    postcode?: string;
    type?: string;
  }) {
    const { type, ...details } = customer;
    const made = await t.as(null).post(
      '/portal/complaints',
      {
        ...details,
        customerType: type ?? 'residential',
        category: 'service-quality',
        whatHappened: 'My broadband drops every evening.',
        formal: false,
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const view = await t.as('agent').get(`/complaints/${made.body.reference}`);
    return { reference: made.body.reference as string, customerId: view.body.customer.id as string };
  }

  it('finds records with the same email, phone in national form, or postcode and a similar name', async () => {
    const first = await raisedOnline({
      name: 'Dana Duplicate',
      email: 'dana@example.org',
      phone: '01632 960 321',
      postcode: 'HR8 2BB',
    });
    const byEmail = await raisedOnline({ name: 'D. Duplicate', email: 'DANA@example.org' });
    const byPhone = await raisedOnline({
      name: 'Someone',
      email: 'someone@example.org',
      phone: '+44 (0)1632 960321',
    });
    const byPostcode = await raisedOnline({
      name: 'Mrs Dana Duplicate',
      email: 'mrs.d@example.org',
      postcode: 'hr82bb',
    });
    const neighbour = await raisedOnline({
      name: 'Sam Other',
      email: 'sam@example.org',
      postcode: 'HR8 2BB',
    });

    const found = await t.as('agent').get(`/customers/${first.customerId}/duplicates`);
    expect(found.status).toBe(200);
    const reasons = Object.fromEntries(
      found.body.items.map((d: { customer: { id: string }; reasons: string[] }) => [
        d.customer.id,
        d.reasons,
      ]),
    );
    expect(reasons).toEqual({
      [byEmail.customerId]: ['email'],
      [byPhone.customerId]: ['phone'],
      [byPostcode.customerId]: ['postcode-and-name'],
    });
    expect(reasons[neighbour.customerId]).toBeUndefined();
    expect((await t.as(null).get(`/customers/${first.customerId}/duplicates`)).status).toBe(401);
    expect((await t.as('agent').get('/customers/nobody/duplicates')).status).toBe(404);
  });

  it('answers find-duplicates from indexes, never by scanning customers', async () => {
    const db = t.db.kysely;
    const plans: string[] = [];
    // Enough customers, with statistics, that the planners choose as they would on a real book.
    const at = t.now().toISOString();
    for (let batch = 0; batch < 4; batch++) {
      const rows = Array.from({ length: 500 }, (_, i) => {
        const n = batch * 500 + i;
        return {
          id: `plan-${String(n).padStart(5, '0')}`,
          name: `Planner ${n}`,
          email: `planner${n}@example.org`,
          phone: null,
          type: 'residential',
          address_lines: '[]',
          postcode: null,
          needs_large_print: 0 as const,
          needs_braille: 0 as const,
          needs_text_relay: 0 as const,
          preferred_channel: null,
          vulnerability_notes: null,
          created_at: at,
          updated_at: at,
          merged_into_id: null,
          merged_at: null,
          phone_key: `0163296${String(n).padStart(4, '0')}`,
          postcode_key: `HR${n % 97}${n % 9}AA`,
        };
      });
      await db.insertInto('customers').values(rows).execute();
    }
    await sql`analyze`.execute(db);
    const lookups = [
      sql`select * from customers where lower(email) = ${'x@example.org'} and merged_into_id is null`,
      sql`select * from customers where phone_key = ${'01632960001'} and merged_into_id is null`,
      sql`select * from customers where postcode_key = ${'HR82BB'} and merged_into_id is null`,
      sql`select reference from complaints where customer_id = ${'c'} order by received_at desc limit 20`,
    ];
    for (const query of lookups) {
      if (harness.dialect === 'sqlite') {
        const plan = await sql<{ detail: string }>`explain query plan ${query}`.execute(db);
        plans.push(plan.rows.map((r) => r.detail).join('; '));
      } else {
        // The test's complaints table is tiny, where a sequential scan is rightly cheapest: ask whether an
        // index can answer, which is what a book of a million complaints needs.
        const plan = await db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          return sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
        });
        plans.push(plan.rows.map((r) => r['QUERY PLAN']).join('; '));
      }
    }
    const expected = [
      'customers_email_idx',
      'customers_phone_key_idx',
      'customers_postcode_key_idx',
      'complaints_customer_received_idx',
    ];
    expected.forEach((index, i) => {
      expect(plans[i], plans[i]).toContain(index);
      if (harness.dialect === 'sqlite') expect(plans[i]).not.toMatch(/^SCAN (customers|complaints)\b/);
    });
  });

  it('merges a record into another: complaints, emails and portal sign-ins follow, the old record points on', async () => {
    const survivor = await raisedOnline({ name: 'Mo Merge', email: 'mo@example.org' });
    const older = await raisedOnline({
      name: 'Mo Merge',
      email: 'mo@example.org',
      phone: '01632 960 777',
      postcode: 'HR8 3CC',
    });
    // A sign-in link for the record that is about to be merged: the customer's session must keep working.
    expect(
      (
        await t
          .as(null)
          .post('/portal/sign-in-link', { reference: older.reference, contact: 'mo@example.org' })
      ).status,
    ).toBe(202);
    await t.runJobs();
    // A file on the merged record's complaint: the portal shows files by customer, so it must follow.
    const olderComplaint = await t.db.kysely
      .selectFrom('complaints')
      .select('id')
      .where('reference', '=', older.reference)
      .executeTakeFirstOrThrow();
    await insertUpload(t.db.kysely, {
      id: 'upload-before-merge',
      complaintId: olderComplaint.id,
      customerId: older.customerId,
      filename: 'bill.png',
      contentType: 'image/png',
      blob: await t.ctx.documents.put(PNG),
      createdAt: t.now().toISOString(),
    });
    t.setNow(new Date(t.now().getTime() + 60_000));

    const merged = await t
      .as('reviewer')
      .post(`/customers/${older.customerId}/merge`, { into: survivor.customerId });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.moved.complaints).toEqual([older.reference]);
    expect(merged.body.moved.emails).toBeGreaterThan(0);
    expect(merged.body.moved.portalLinks).toBe(1);
    // The survivor keeps what it had and gains what it lacked.
    expect(merged.body.customer).toMatchObject({
      id: survivor.customerId,
      email: 'mo@example.org',
      phone: '01632 960 777',
      postcode: 'HR8 3CC',
      merged: null,
    });

    const tombstone = await t.as('agent').get(`/customers/${older.customerId}`);
    expect(tombstone.body.merged).toEqual({ intoId: survivor.customerId, at: t.now().toISOString() });
    const moved = await t.as('agent').get(`/complaints/${older.reference}`);
    expect(moved.body.customer.id).toBe(survivor.customerId);
    expect(moved.body.customer.otherComplaints.map((c: { reference: string }) => c.reference)).toEqual([
      survivor.reference,
    ]);
    const emails = await t.db.kysely
      .selectFrom('emails')
      .select('customer_id')
      .where('customer_id', '=', older.customerId)
      .execute();
    expect(emails).toEqual([]);
    const upload = await t.db.kysely
      .selectFrom('uploads')
      .select('customer_id')
      .where('id', '=', 'upload-before-merge')
      .executeTakeFirstOrThrow();
    expect(upload.customer_id).toBe(survivor.customerId);

    // Audited on the complaint that moved and once for the merge, naming both records; the chain holds.
    const trail = await t.as('agent').get(`/complaints/${older.reference}/audit`);
    const event = trail.body.items.find((e: { type: string }) => e.type === 'customer-merged');
    expect(event.payload).toEqual({ fromCustomerId: older.customerId, intoCustomerId: survivor.customerId });
    const mergeRow = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'customers-merged')
      .executeTakeFirstOrThrow();
    expect(mergeRow.complaint_id).toBeNull();
    expect(mergeRow.actor).toBe(t.users.reviewer.id);
    expect(JSON.parse(mergeRow.payload)).toMatchObject({
      mergedCustomerId: older.customerId,
      intoCustomerId: survivor.customerId,
      complaints: [older.reference],
      uploads: 1,
    });
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);

    // The merged record is out of searches and duplicates, cannot change, and cannot take new complaints.
    const search = await t.as('agent').get('/customers?q=mo%40example.org');
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([survivor.customerId]);
    expect((await t.as('agent').get(`/customers/${survivor.customerId}/duplicates`)).body.items).toEqual([]);
    const patch = await t.as('agent').patch(`/customers/${older.customerId}`, { name: 'x' });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('customer-merged');
    const onTombstone = await t
      .as('agent')
      .post('/complaints', phoneComplaint({ customer: { id: older.customerId } }));
    expect(onTombstone.status).toBe(400);
    expect(onTombstone.body.field).toBe('customer.id');
  });

  it('refuses a merge by an agent, into itself, of a merged record, into a merged record, and across types unconfirmed', async () => {
    const a = await raisedOnline({ name: 'Ann Alpha', email: 'ann@example.org' });
    const b = await raisedOnline({ name: 'Ann Alpha', email: 'ann@example.org' });
    const business = await raisedOnline({
      name: 'Ann Alpha Ltd',
      email: 'ann@example.org',
      type: 'small-business',
    });
    const before = await t.db.kysely.selectFrom('audit_events').select('seq').execute();

    // An agent finds duplicates but may not merge them: a merge cannot be undone.
    const byAgent = await t.as('agent').post(`/customers/${b.customerId}/merge`, { into: a.customerId });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body).toMatchObject({ code: 'forbidden' });
    expect(byAgent.body.detail).toContain('only a reviewer, a director or an admin');

    const self = await t.as('reviewer').post(`/customers/${a.customerId}/merge`, { into: a.customerId });
    expect(self.status).toBe(400);
    expect(self.body.field).toBe('into');
    const bad = await t.as('reviewer').post(`/customers/${a.customerId}/merge`, { into: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('body.into');
    const unknown = await t.as('reviewer').post(`/customers/${a.customerId}/merge`, { into: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('into');

    const types = await t
      .as('reviewer')
      .post(`/customers/${business.customerId}/merge`, { into: a.customerId });
    expect(types.status).toBe(409);
    expect(types.body).toMatchObject({ code: 'confirmation-required', field: 'confirmDifferentType' });
    // Nothing was written by any refusal.
    expect(await t.db.kysely.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
    expect((await t.as('agent').get(`/complaints/${business.reference}`)).body.customer.id).toBe(
      business.customerId,
    );

    expect(
      (await t.as('reviewer').post(`/customers/${b.customerId}/merge`, { into: a.customerId })).status,
    ).toBe(200);
    const again = await t.as('reviewer').post(`/customers/${b.customerId}/merge`, { into: a.customerId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('customer-merged');
    const intoTombstone = await t.as('reviewer').post(`/customers/${business.customerId}/merge`, {
      into: b.customerId,
      confirmDifferentType: true,
    });
    expect(intoTombstone.body.code).toBe('customer-merged');

    const confirmed = await t.as('reviewer').post(`/customers/${business.customerId}/merge`, {
      into: a.customerId,
      confirmDifferentType: true,
    });
    expect(confirmed.status).toBe(200);
    // The moved complaint now takes the survivor's type.
    expect((await t.as('agent').get(`/complaints/${business.reference}`)).body.customer.type).toBe(
      'residential',
    );
    // Merging the survivor on repoints the records merged into it: one hop to the live record.
    const c = await raisedOnline({ name: 'Ann Alpha', email: 'ann@example.org' });
    expect(
      (await t.as('reviewer').post(`/customers/${a.customerId}/merge`, { into: c.customerId })).status,
    ).toBe(200);
    expect((await t.as('agent').get(`/customers/${b.customerId}`)).body.merged.intoId).toBe(c.customerId);
  });

  it('lists a customer’s other complaints on a complaint, newest first, at most 20', async () => {
    const created = await t
      .as('agent')
      .post('/customers', { name: 'Olive Other', email: 'olive@example.org' });
    const references: string[] = [];
    for (let i = 0; i < 22; i++) {
      t.setNow(new Date(Date.UTC(2026, 10, 3, 9, i)));
      const made = await t
        .as('agent')
        .post(
          '/complaints',
          phoneComplaint({ customer: { id: created.body.id }, description: `Number ${i}` }),
        );
      references.push(made.body.reference);
    }
    const last = references.at(-1);
    const view = await t.as('agent').get(`/complaints/${last}`);
    const others = view.body.customer.otherComplaints;
    expect(others).toHaveLength(20);
    expect(others.map((c: { reference: string }) => c.reference)).toEqual(references.slice(1, 21).reverse());
    expect(others[0]).toEqual({
      reference: references[20],
      stage: 'attempt-1',
      stageName: 'Resolution Attempt 1',
      receivedAt: '2026-11-03T09:20:00.000Z',
    });
  });
});
