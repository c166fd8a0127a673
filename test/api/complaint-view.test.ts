/**
 * A complaint's GET reads everything in one query (db/complaint-view.ts) and answers exactly what reading
 * each list on its own answered: the same values, the same types, the same order, the same keys in the same
 * order. Checked on a complaint that has some of everything: attempts with proposed steps owned by others,
 * contacts logged out of order, notes, emails both ways, letters, files staff sent, an email's attachments, and
 * the customer's other complaints.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { getComplaint, type StaffViewRecord, staffView } from '../../src/app/get-complaint.ts';
import { getPortalComplaint } from '../../src/app/get-portal-complaint.ts';
import { receiveEmail } from '../../src/app/receive-email.ts';
import { replyToCustomer } from '../../src/app/reply-to-customer.ts';
import { listComplaintEmailAttachments, listUploads } from '../../src/db/attachments.ts';
import { listAuditEvents } from '../../src/db/audit.ts';
import { findComplaintByReference, listCustomerComplaints } from '../../src/db/complaints.ts';
import { findCustomer } from '../../src/db/customers.ts';
import type { Executor } from '../../src/db/database.ts';
import { listDocuments } from '../../src/db/documents.ts';
import { listEmailsForComplaint } from '../../src/db/emails.ts';
import { listContacts, listNotes } from '../../src/db/interaction-log.ts';
import { findSurvey } from '../../src/db/satisfaction.ts';
import { findUsersByIds } from '../../src/db/users.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { formatCrn } from '../../src/domain/crn.ts';
import { STAFF, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { complaintAt } from '../support/factories.ts';
import { PDF, PNG } from '../support/files.ts';
import { countQueries } from '../support/query-counter.ts';

/** The lists read one by one, as the GET read them before it was one query: the reference to compare with. */
async function readOneByOne(db: Executor, reference: string): Promise<StaffViewRecord> {
  const complaint = await findComplaintByReference(db, reference);
  if (!complaint) throw new Error(`no complaint ${reference}`);
  const customer = await findCustomer(db, complaint.customerId);
  if (!customer) throw new Error('no customer');
  const notes = await listNotes(db, complaint.id);
  const staff = await findUsersByIds(db, [
    complaint.ownerId,
    ...complaint.attempts.flatMap((a) => [a.handlerId, ...(a.proposal?.steps.map((s) => s.ownerId) ?? [])]),
    ...notes.map((n) => n.authorId),
  ]);
  return {
    complaint,
    customer,
    otherComplaints: await listCustomerComplaints(db, complaint.customerId, {
      exceptId: complaint.id,
      limit: 20,
    }),
    contacts: await listContacts(db, complaint.id),
    notes,
    auditEvents: await listAuditEvents(db, complaint.id),
    emails: await listEmailsForComplaint(db, complaint.id),
    documents: await listDocuments(db, complaint.id),
    uploads: await listUploads(db, complaint.id),
    emailAttachments: await listComplaintEmailAttachments(db, complaint.id),
    satisfaction: (await findSurvey(db, complaint.id)) ?? null,
    staffNames: new Map([...staff].map(([id, user]) => [id, user.name])),
  };
}

describeEachDialect(
  'a complaint as staff see it, in one query',
  (harness) => {
    let t: TestApi;
    let complaint: Complaint;
    const staff = (name: keyof typeof STAFF) => ({
      kind: 'staff' as const,
      id: t.users[name].id,
      roles: [...STAFF[name]],
    });

    beforeAll(async () => {
      t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
      complaint = await complaintAt(t, { at: 'attempt-2', owner: 'reviewer' });
      const { reference, customerId } = complaint;
      for (const [i, day] of ['03', '04'].entries()) {
        t.setNow(`2026-11-${day}T09:00:00Z`);
        await complaintAt(t, {
          at: 'attempt-1',
          facts: { customer: { id: customerId }, description: `Another complaint ${i}` },
        });
      }
      t.setNow('2026-11-05T10:00:00Z');
      await t.command('reviewer', reference, 'propose', {
        summary: 'Refund the second charge and call back',
        steps: [
          { description: 'Refund the second charge', ownerId: t.users.agent2.id },
          { description: 'Call the customer back', ownerId: t.users.director.id },
        ],
      });
      // Logged out of order: the later call first.
      await t.command('agent', reference, 'log-contact', {
        channel: 'phone',
        direction: 'out',
        summary: 'Called about the refund',
        occurredAt: '2026-11-05T09:30:00Z',
        visibleToCustomer: true,
      });
      await t.command('agent', reference, 'log-contact', {
        channel: 'phone',
        direction: 'in',
        summary: 'The customer called first',
        occurredAt: '2026-11-05T08:00:00Z',
      });
      await t.command('director', reference, 'add-note', { text: 'Watch the refund goes through' });
      await replyToCustomer(
        t.ctx,
        reference,
        {
          subject: 'Your corrected bill',
          body: 'Here is the corrected bill.',
          attachments: [{ filename: 'corrected bill.pdf', contentType: 'application/pdf', content: PDF }],
        },
        staff('reviewer'),
      );
      const raw = `a reply about ${reference}`;
      const receipt = await receiveEmail(t.ctx, {
        messageId: '<reply-1@example.org>',
        inReplyTo: null,
        references: [],
        from: { address: 'jo@example.org', name: 'Jo Bloggs' },
        to: 'complaints@redress.example',
        subject: `Re: ${reference}`,
        date: t.now(),
        text: 'My bill and a photo are attached.',
        html: null,
        headers: {},
        returnPath: 'jo@example.org',
        attachments: [
          { filename: 'bill.pdf', contentType: 'application/pdf', content: PDF },
          { filename: 'photo.png', contentType: 'image/png', content: PNG },
        ],
        rawSha256: createHash('sha256').update(raw).digest('hex'),
        sizeBytes: raw.length,
      });
      expect(receipt.outcome).toBe('reply');
      await t.runJobs();
    }, 120_000);

    it('answers a GET in at most 3 queries (one), the same as reading each list on its own', async () => {
      const counted = countQueries(t.ctx);
      const view = await getComplaint(counted.ctx, complaint.reference, staff('director'));
      expect(counted.queries).toBeLessThanOrEqual(3);
      expect(counted.queries).toBe(1);

      const record = await readOneByOne(t.db.kysely, complaint.reference);
      // Some of everything, so that a list read wrong cannot pass for an empty one.
      expect(record.complaint.attempts).toHaveLength(2);
      expect(record.complaint.attempts[1]?.proposal?.steps).toHaveLength(2);
      expect(record.otherComplaints).toHaveLength(2);
      expect(record.contacts.length).toBeGreaterThanOrEqual(3);
      expect(record.notes.length).toBeGreaterThanOrEqual(1);
      expect(record.emails.map((e) => e.direction).sort()).toEqual(expect.arrayContaining(['in', 'out']));
      expect(record.documents.length).toBeGreaterThanOrEqual(1);
      expect(record.uploads).toHaveLength(1);
      expect(record.emailAttachments).toHaveLength(2);
      expect(record.auditEvents.length).toBeGreaterThan(10);
      expect(record.staffNames.get(t.users.agent2.id)).toBe('Test agent2');

      const expected = staffView(t.ctx, record, staff('director'));
      expect(view).toEqual(expected);
      // Byte for byte: the same keys in the same order, the same types (a 1 is not a true, nor "1").
      expect(JSON.stringify(view)).toBe(JSON.stringify(expected));
      const summaries = view.contacts.map((c) => c.summary);
      expect(summaries.indexOf('The customer called first')).toBeLessThan(
        summaries.indexOf('Called about the refund'),
      );
      expect(view.customer.otherComplaints[0]?.receivedAt).toBe('2026-11-04T09:00:00.000Z');
    });

    it('serves the same over HTTP', async () => {
      const res = await t.as('director').get(`/complaints/${complaint.reference}`);
      expect(res.status).toBe(200);
      const expected = staffView(
        t.ctx,
        await readOneByOne(t.db.kysely, complaint.reference),
        staff('director'),
      );
      expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
    });

    it('answers an unknown reference in one query', async () => {
      const counted = countQueries(t.ctx);
      const unknown = formatCrn(t.ctx.procedure.crn, 26, 999_999);
      await expect(getComplaint(counted.ctx, unknown, staff('director'))).rejects.toMatchObject({
        code: 'not-found',
      });
      expect(counted.queries).toBe(1);
    });

    it("answers the portal's view in one query, and nothing of another customer's complaint", async () => {
      const counted = countQueries(t.ctx);
      const view = await getPortalComplaint(counted.ctx, complaint.reference, complaint.customerId);
      expect(counted.queries).toBe(1);
      expect(view.timeline.map((e) => e.text)).toContain('phone: Called about the refund');
      expect(view.timeline.map((e) => e.text)).not.toContain('phone: The customer called first');
      expect(view.files).toHaveLength(1);
      expect(view.letters.length).toBeGreaterThanOrEqual(1);
      await expect(getPortalComplaint(t.ctx, complaint.reference, 'someone-else')).rejects.toMatchObject({
        code: 'not-found',
      });
    });
  },
  // On SQLite the view is read as `serve` reads it: on reader threads (each list comes back as JSON text).
  { sqliteReaders: 2 },
);
