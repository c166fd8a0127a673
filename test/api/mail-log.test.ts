/** The mail log: staff read every message both ways, including what was ignored and why. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEmail, type NewEmail } from '../../src/db/emails.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('mail log', (harness) => {
  let t: TestApi;
  let reference: string;
  const base = (n: number): NewEmail => ({
    id: `mail-${n}`,
    complaintId: null,
    customerId: null,
    direction: 'in',
    kind: 'reply',
    status: 'received',
    messageId: `<mail-${n}@test.redress>`,
    inReplyTo: null,
    references: [],
    from: 'jo@example.org',
    to: 'complaints@test.redress',
    subject: `Message ${n}`,
    text: `Body ${n}`,
    html: null,
    note: null,
    sizeBytes: 100,
    createdAt: `2026-11-02T10:0${n}:00.000Z`,
  });
  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'customer_id'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    await insertEmail(t.db.kysely, {
      ...base(1),
      complaintId: complaint.id,
      customerId: complaint.customer_id,
      direction: 'out',
      kind: 'acknowledgement',
      status: 'sent',
      from: 'complaints@test.redress',
      to: 'jo@example.org',
      subject: `[${reference}] We have your complaint`,
    });
    await insertEmail(t.db.kysely, {
      ...base(2),
      kind: 'auto-reply',
      status: 'ignored',
      note: 'Auto-Submitted: auto-replied',
    });
    await t.db.kysely
      .insertInto('email_attachments')
      .values({
        id: 'att-1',
        email_id: 'mail-2',
        filename: 'bill.pdf',
        content_type: 'application/pdf',
        size_bytes: 4,
        sha256: 'x',
        content: Buffer.from('%PDF'),
        created_at: '2026-11-02T10:02:00.000Z',
      })
      .execute();
  });
  afterAll(() => t.close());

  it('lists every message newest first, filters, pages, and opens one', async () => {
    const all = await t.as('agent').get('/mail');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(['mail-2', 'mail-1']);
    expect(all.body.items[1]).toMatchObject({ reference, status: 'sent', direction: 'out' });

    const ignored = await t.as('agent').get('/mail?status=ignored');
    expect(ignored.body.items).toEqual([
      expect.objectContaining({ id: 'mail-2', note: 'Auto-Submitted: auto-replied', reference: null }),
    ]);

    const first = await t.as('agent').get('/mail?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await t.as('agent').get(`/mail?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((m: { id: string }) => m.id)).toEqual(['mail-1']);
    expect(second.body.nextCursor).toBeNull();

    const one = await t.as('agent').get('/mail/mail-2');
    expect(one.body).toMatchObject({
      text: 'Body 2',
      messageId: '<mail-2@test.redress>',
      attachments: [{ id: 'att-1', filename: 'bill.pdf', contentType: 'application/pdf', sizeBytes: 4 }],
    });
  });

  it('leaves out the portal’s sign-in links when asked, on every page', async () => {
    await insertEmail(t.db.kysely, {
      ...base(3),
      direction: 'out',
      kind: 'portal-link',
      status: 'sent',
      from: 'complaints@test.redress',
      to: 'jo@example.org',
      subject: `[${reference}] Your sign-in link`,
    });
    const ids = (body: { items: { id: string }[] }) => body.items.map((m) => m.id);
    expect(ids((await t.as('agent').get('/mail')).body)).toEqual(['mail-3', 'mail-2', 'mail-1']);
    expect(ids((await t.as('agent').get('/mail?signInLinks=exclude')).body)).toEqual(['mail-2', 'mail-1']);
    // Paging skips them too: the first page of one is the newest message that is not a sign-in link.
    const first = await t.as('agent').get('/mail?signInLinks=exclude&limit=1');
    expect(ids(first.body)).toEqual(['mail-2']);
    const second = await t
      .as('agent')
      .get(`/mail?signInLinks=exclude&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual(['mail-1']);
    expect((await t.as('agent').get('/mail?signInLinks=maybe')).status).toBe(400);
  });

  it('refuses strangers, unknown messages and bad cursors', async () => {
    expect((await t.as(null).get('/mail')).status).toBe(401);
    expect((await t.as('agent').get('/mail/nope')).status).toBe(404);
    const bad = await t.as('agent').get('/mail?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('cursor');
  });
});
