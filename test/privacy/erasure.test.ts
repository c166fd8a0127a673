/**
 * Rectification and erasure through the API: every change to a customer's details is on the audit trail,
 * old and new, with who made it; an erasure is refused with the reason while a complaint is open or within
 * 12 months of an ADR letter, and otherwise anonymises the customer and their complaints at once, the audit
 * trail still verifying.
 */
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { REDACTED } from '../../src/domain/redaction.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';

describeEachDialect('rectification and erasure', (harness) => {
  const env = useApiWithSink(harness, '2026-01-05T10:00:00Z');

  const systemEvents = (type: string) =>
    env.t.db.kysely
      .selectFrom('audit_events')
      .select(['actor', 'payload'])
      .where('complaint_id', 'is', null)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();

  it('audits every change to a customer’s details, old and new, with who made it', async () => {
    const t = env.t;
    const made = await t.as('agent').post('/customers', {
      name: 'Rita Rectify',
      email: 'rita@example.org',
      phone: '01632 960 333',
    });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    const changed = await t.as('agent').patch(`/customers/${id}`, {
      email: 'rita.new@example.org',
      postcode: 'WA2 2BB',
      name: 'Rita Rectify',
    });
    expect(changed.status).toBe(200);
    const events = await systemEvents('customer-details-changed');
    const mine = events.filter((e) => JSON.parse(e.payload).customerId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.actor).toBe(t.users.agent.id);
    expect(JSON.parse(mine[0]?.payload ?? '{}').changes).toEqual({
      email: { from: 'rita@example.org', to: 'rita.new@example.org' },
      postcode: { from: null, to: 'WA2 2BB' },
    });
  });

  it('refuses erasure while a complaint is open or inside the ADR window, and erases once neither holds', async () => {
    const t = env.t;
    t.setNow('2026-01-05T10:00:00Z');
    const made = await t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: { name: 'Erin Erase', email: 'erin@example.org', phone: '01632 960 444' },
        description: 'Erin’s line has been dead for a week.',
      }),
    );
    const { reference, id } = made.body as { reference: string; id: string };
    const customerId = (await t.as('agent').get(`/complaints/${reference}`)).body.customer.id as string;
    await t.runJobs();

    expect((await t.as('agent').post(`/customers/${customerId}/erase`)).status).toBe(403);
    const open = await t.as('admin').post(`/customers/${customerId}/erase`);
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('erasure-refused');
    expect(open.body.detail).toContain(reference);
    expect(open.body.detail).toContain('open complaint');

    // Deadlock issues the ADR letter; the complaint then closes as withdrawn.
    await t.command('agent', reference, 'not-practical', { reason: 'Needs the engineers' });
    await t.command('reviewer', reference, 'take');
    await t.command('reviewer', reference, 'record-review', { findings: 'Erin’s line fault was missed' });
    await t.command('reviewer', reference, 'escalate', { reason: 'Erin asked for a director' });
    await t.command('director', reference, 'take');
    await t.command('director', reference, 'record-review', { findings: 'Looked again' });
    await t.command('director', reference, 'declare-deadlock', { reason: 'Nothing more to offer Erin' });
    await t.runJobs();
    await t.command('director', reference, 'withdraw', {
      reason: 'Erin withdrew',
      rootCause: 'billing-wrong-charge',
    });
    const closed = await t.as('agent').get(`/complaints/${reference}`);
    expect(closed.body.stage).toBe('closed');

    const adr = await t.as('admin').post(`/customers/${customerId}/erase`);
    expect(adr.status).toBe(409);
    expect(adr.body.code).toBe('erasure-refused');
    expect(adr.body.detail).toContain('ADR letter');
    expect(adr.body.detail).toContain('2027-01-05');
    expect((await t.as('agent').get(`/customers/${customerId}`)).body.name).toBe('Erin Erase');

    t.setNow('2027-01-06T10:00:00Z');
    const erased = await t.as('admin').post(`/customers/${customerId}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body.complaints).toEqual([reference]);
    const customer = await t.as('agent').get(`/customers/${customerId}`);
    expect(customer.body).toMatchObject({ name: REDACTED, email: null, phone: null });
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select(['description', 'purged_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(complaint.description).toBe(REDACTED);
    const payloads = await t.db.kysely
      .selectFrom('audit_events')
      .select('payload')
      .where('complaint_id', '=', id)
      .execute();
    expect(JSON.stringify(payloads)).not.toContain('Erin');
    const erasedEvents = await t.db.kysely
      .selectFrom('audit_events')
      .select('actor')
      .where('complaint_id', '=', id)
      .where('type', '=', 'personal-data-erased')
      .execute();
    expect(erasedEvents).toEqual([{ actor: t.users.admin.id }]);
    expect(
      (await systemEvents('customer-anonymised')).some(
        (e) => JSON.parse(e.payload).customerId === customerId,
      ),
    ).toBe(true);
    expect((await t.as('agent').patch(`/customers/${customerId}`, { name: 'Back again' })).status).toBe(409);

    const verified = await verifyAuditChain(t.db.kysely);
    expect(verified.problems).toEqual([]);
  });
});
