/**
 * The retention purge across its boundary, on both databases: with the default 6 years, a complaint closed 6
 * years and a day ago is anonymised, one closed 6 years less a day ago is kept, and one closed long ago whose
 * ADR letter is 11 months old is kept for its ADR window. A customer keeps their record while one of their
 * complaints remains. The dashboard's figures for the past months are unchanged, the documents leave the
 * store, and the audit trail still verifies — yet an edit to a redacted row is still caught.
 */
import { expect, it } from 'vitest';
import { anchorAuditTrail } from '../../src/app/anchor-audit-trail.ts';
import { purgePersonalData } from '../../src/app/purge-personal-data.ts';
import { insertEmailAttachment } from '../../src/db/attachments.ts';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { insertEmail } from '../../src/db/emails.ts';
import { REDACTED } from '../../src/domain/redaction.ts';
import type { TestApi } from '../support/api.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';

const PURGE_DAY = '2026-11-02T10:00:00Z';

async function closedComplaint(
  t: TestApi,
  customer: Record<string, unknown>,
  description: string,
  closedOn: string,
): Promise<{ id: string; reference: string; customerId: string }> {
  t.setNow(`${closedOn.slice(0, 8)}01T09:00:00Z`);
  const made = await t.as('agent').post('/complaints', phoneComplaint({ customer, description }));
  expect(made.status).toBe(201);
  const { id, reference } = made.body as { id: string; reference: string };
  await t.command('agent', reference, 'log-contact', {
    channel: 'phone',
    direction: 'in',
    summary: `Call about: ${description}`,
  });
  await t.runJobs();
  t.setNow(`${closedOn}T12:00:00Z`);
  await t.command('agent', reference, 'withdraw', { reason: `Withdrawn: ${description}` });
  await t.runJobs();
  const view = await t.as('agent').get(`/complaints/${reference}`);
  return { id, reference, customerId: view.body.customer.id as string };
}

describeEachDialect('retention purge', (harness) => {
  const env = useApiWithSink(harness, '2020-10-01T09:00:00Z');

  it('anonymises exactly the complaints past retention, keeps the figures, and the audit trail verifies', async () => {
    const t = env.t;
    const sadie = { name: 'Sadie Purge', email: 'sadie.purge@example.org', phone: '01632 960 111' };
    const past = await closedComplaint(t, sadie, 'Old broadband fault', '2020-11-01');
    const inside = await closedComplaint(
      t,
      { id: past.customerId },
      'Recent-ish billing error',
      '2020-11-03',
    );
    const adr = await closedComplaint(
      t,
      { name: 'Ada Window', email: 'ada@example.org' },
      'Router never arrived',
      '2020-11-01',
    );
    const alone = await closedComplaint(
      t,
      { name: 'Yuri Gone', email: 'yuri@example.org', phone: '01632 960 222', postcode: 'WA1 1AA' },
      'Mis-sold contract',
      '2020-11-01',
    );
    // A letter 11 months before the purge (an imported history, say): its 12-month window keeps the complaint.
    await t.db.kysely
      .insertInto('adr_letters')
      .values({
        id: `adr-${adr.reference}`,
        complaint_id: adr.id,
        trigger: 'deadlock',
        issued_at: '2025-12-02T10:00:00.000Z',
        issued_on: '2025-12-02',
        window_ends_on: '2026-12-02',
      })
      .execute();
    // An email with an attachment on the purged complaint: its bytes must leave the store.
    await insertEmail(t.db.kysely, {
      id: `in-${past.reference}`,
      complaintId: past.id,
      customerId: past.customerId,
      direction: 'in',
      kind: 'reply',
      status: 'received',
      messageId: `<old-${past.reference}@example.org>`,
      inReplyTo: null,
      references: [],
      from: 'sadie.purge@example.org',
      to: 'complaints@miso-comms.net',
      subject: 'My old router photo',
      text: 'Photo of the router lights attached.',
      html: null,
      note: null,
      sizeBytes: 500,
      createdAt: '2020-11-01T09:30:00.000Z',
    });
    const photo = await t.ctx.documents.put(Buffer.from('pretend photo of a purged complaint'));
    await insertEmailAttachment(t.db.kysely, {
      id: `att-${past.reference}`,
      emailId: `in-${past.reference}`,
      filename: 'router lights.jpg',
      contentType: 'image/jpeg',
      blob: photo,
      createdAt: '2020-11-01T09:30:00.000Z',
    });
    const letters = await t.db.kysely
      .selectFrom('documents')
      .select('sha256')
      .where('complaint_id', '=', past.id)
      .execute();
    expect(letters.length).toBeGreaterThan(0);

    t.setNow(PURGE_DAY);
    await anchorAuditTrail(t.ctx);
    const figures = async () => (await t.as('director').get('/insight?from=2020-10-01&to=2020-11-30')).body;
    const totals = () =>
      t.db.kysely
        .selectFrom('insight_totals')
        .selectAll()
        .orderBy('measure')
        .orderBy('day')
        .orderBy('value')
        .orderBy('category')
        .orderBy('channel')
        .orderBy('customer_type')
        .orderBy('stage_reached')
        .execute();
    const figuresBefore = await figures();
    const totalsBefore = await totals();
    const auditCount = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditBefore = await auditCount();

    const dry = await purgePersonalData(t.ctx, { dryRun: true });
    expect(dry.complaints.map((c) => c.reference).sort()).toEqual([past.reference, alone.reference].sort());
    expect(dry.keptForAdr).toEqual([adr.reference]);
    expect(dry.customersCleared).toBe(1);
    expect(dry.complaints.find((c) => c.reference === alone.reference)?.customerCleared).toBe(true);
    expect(dry.complaints.find((c) => c.reference === past.reference)?.records).toMatchObject({
      contacts: 1,
      emails: expect.any(Number),
      attachments: 1,
    });
    expect(await auditCount()).toBe(auditBefore);
    const untouched = await t.db.kysely
      .selectFrom('complaints')
      .select('description')
      .where('id', '=', past.id)
      .executeTakeFirstOrThrow();
    expect(untouched.description).toBe('Old broadband fault');

    const report = await purgePersonalData(t.ctx, { dryRun: false });
    expect(report.complaints.map((c) => c.reference).sort()).toEqual(
      [past.reference, alone.reference].sort(),
    );
    expect(report.documentsRemoved).toBeGreaterThan(0);

    const complaints = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'description', 'purged_at'])
      .where('id', 'in', [past.id, inside.id, adr.id, alone.id])
      .execute();
    const byId = new Map(complaints.map((c) => [c.id, c]));
    expect(byId.get(past.id)?.description).toBe(REDACTED);
    expect(byId.get(alone.id)?.description).toBe(REDACTED);
    expect(byId.get(inside.id)?.description).toBe('Recent-ish billing error');
    expect(byId.get(adr.id)?.description).toBe('Router never arrived');
    expect(byId.get(inside.id)?.purged_at).toBeNull();

    // Nothing of the purged complaints' words is left in any of their rows, audit payloads included.
    const traces = async (id: string) =>
      JSON.stringify([
        await t.db.kysely.selectFrom('contacts').selectAll().where('complaint_id', '=', id).execute(),
        await t.db.kysely
          .selectFrom('emails')
          .select(['from_address', 'to_address', 'subject', 'text_body', 'html_body'])
          .where('complaint_id', '=', id)
          .execute(),
        await t.db.kysely
          .selectFrom('documents')
          .select(['text_content', 'sha256'])
          .where('complaint_id', '=', id)
          .execute(),
        await t.db.kysely
          .selectFrom('audit_events')
          .select('payload')
          .where('complaint_id', '=', id)
          .execute(),
        await t.db.kysely.selectFrom('attempts').selectAll().where('complaint_id', '=', id).execute(),
      ]);
    const pastTraces = await traces(past.id);
    for (const word of [
      'Old broadband fault',
      'Call about',
      'Withdrawn:',
      'sadie.purge@example.org',
      'router lights',
      'Sadie',
    ])
      expect(pastTraces, word).not.toContain(word);
    expect(await traces(inside.id)).toContain('Recent-ish billing error');
    expect(await t.ctx.documents.has(photo.sha256)).toBe(false);
    for (const letter of letters) expect(await t.ctx.documents.has(letter.sha256)).toBe(false);

    // Sadie still has a complaint within retention: her record stays. Yuri has none left: his is cleared.
    const customers = await t.db.kysely
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'phone', 'postcode'])
      .where('id', 'in', [past.customerId, alone.customerId])
      .execute();
    expect(customers.find((c) => c.id === past.customerId)?.name).toBe('Sadie Purge');
    expect(customers.find((c) => c.id === alone.customerId)).toMatchObject({
      name: REDACTED,
      email: null,
      phone: null,
      postcode: null,
    });

    expect(await figures()).toEqual(figuresBefore);
    expect(await totals()).toEqual(totalsBefore);

    const verified = await verifyAuditChain(t.db.kysely);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);

    // A second run finds nothing more to do.
    expect((await purgePersonalData(t.ctx, { dryRun: false })).complaints).toEqual([]);

    // A redacted row edited again is still caught.
    const redacted = await t.db.kysely
      .selectFrom('audit_events')
      .select(['seq', 'payload'])
      .where('complaint_id', '=', past.id)
      .where('type', '=', 'complaint-recorded')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('audit_events')
      .set({ payload: redacted.payload.replace(REDACTED, 'forged') })
      .where('seq', '=', redacted.seq)
      .execute();
    const tampered = await verifyAuditChain(t.db.kysely);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems.map((p) => p.kind)).toContain('edited');
    await t.db.kysely
      .updateTable('audit_events')
      .set({ payload: redacted.payload })
      .where('seq', '=', redacted.seq)
      .execute();
  });
});
