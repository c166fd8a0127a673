/**
 * Subject access: `GET /customers/{id}/personal-data` streams everything held about one person — their two
 * complaints with timelines, contacts, emails both ways, letters and an attachment byte for byte — and
 * nothing about anyone else. Admins only; the export is on the audit trail.
 */
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { insertEmailAttachment } from '../../src/db/attachments.ts';
import { insertEmail } from '../../src/db/emails.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';

describeEachDialect('subject access export', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  it('holds both complaints, the letters, the attachment byte for byte and the emails, and no one else’s data', async () => {
    const t = env.t;
    const first = await t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: {
          name: 'Sadie Access',
          email: 'sadie@example.org',
          phone: '01632 960 777',
          postcode: 'WA1 1AA',
        },
        description: 'Broadband drops every evening.',
      }),
    );
    expect(first.status).toBe(201);
    const view = await t.as('agent').get(`/complaints/${first.body.reference}`);
    const customerId = view.body.customer.id as string;
    const second = await t
      .as('agent')
      .post(
        '/complaints',
        phoneComplaint({ customer: { id: customerId }, description: 'Billed for a router I returned.' }),
      );
    expect(second.status).toBe(201);
    const other = await t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: { name: 'Otto Other', email: 'otto@example.org', phone: '01632 960 888' },
        description: 'Otto’s private matter.',
      }),
    );
    await t.command('agent', first.body.reference, 'log-contact', {
      channel: 'phone',
      direction: 'in',
      summary: 'Sadie called about the evening drops',
    });
    await insertEmail(t.db.kysely, {
      id: `in-${first.body.reference}`,
      complaintId: first.body.id,
      customerId,
      direction: 'in',
      kind: 'reply',
      status: 'received',
      messageId: `<speed-${first.body.reference}@example.org>`,
      inReplyTo: null,
      references: [],
      from: 'sadie@example.org',
      to: 'complaints@miso-comms.net',
      subject: 'Speed test results',
      text: 'Attached are my speed tests.',
      html: null,
      note: null,
      sizeBytes: 900,
      createdAt: t.now().toISOString(),
    });
    const speedTest = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 250, 251, 252]);
    await insertEmailAttachment(t.db.kysely, {
      id: `att-${first.body.reference}`,
      emailId: `in-${first.body.reference}`,
      filename: '../speed test.png',
      contentType: 'image/png',
      blob: await t.ctx.documents.put(speedTest),
      createdAt: t.now().toISOString(),
    });
    await t.runJobs();

    expect((await t.as('agent').bytes(`/customers/${customerId}/personal-data`)).status).toBe(403);
    const started = Date.now();
    const res = await t.as('admin').bytes(`/customers/${customerId}/personal-data`);
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(took).toBeLessThan(5000);
    const files = unzipSync(new Uint8Array(res.bytes));
    const names = Object.keys(files);
    const text = (name: string) => Buffer.from(files[name] ?? []).toString('utf8');
    const all = names.map(text).join('\n');

    for (const reference of [first.body.reference, second.body.reference]) {
      expect(names).toContain(`complaints/${reference}/complaint.json`);
      expect(names).toContain(`complaints/${reference}/timeline.json`);
      expect(JSON.parse(text(`complaints/${reference}/complaint.json`)).reference).toBe(reference);
      const timeline = JSON.parse(text(`complaints/${reference}/timeline.json`)) as { type: string }[];
      expect(timeline.map((e) => e.type)).toContain('complaint-recorded');
    }
    expect(JSON.parse(text('customer.json')).customer.name).toBe('Sadie Access');
    expect(text(`complaints/${first.body.reference}/contacts.json`)).toContain(
      'Sadie called about the evening drops',
    );
    const emails = JSON.parse(text(`complaints/${first.body.reference}/emails.json`)) as {
      direction: string;
      subject: string;
    }[];
    expect(emails.some((e) => e.direction === 'in' && e.subject === 'Speed test results')).toBe(true);
    expect(emails.some((e) => e.direction === 'out')).toBe(true);

    const attachment = names.find((n) => n.startsWith(`complaints/${first.body.reference}/attachments/`));
    expect(attachment).toBeDefined();
    expect(attachment).not.toContain('..');
    expect(Buffer.from(files[attachment ?? ''] ?? [])).toEqual(speedTest);

    // Every letter the database names is in the ZIP, byte for byte as the store holds it.
    const letters = await t.db.kysely
      .selectFrom('documents')
      .select(['id', 'sha256', 'complaint_id'])
      .where('complaint_id', 'in', [first.body.id, second.body.id])
      .execute();
    expect(letters.length).toBeGreaterThanOrEqual(2);
    for (const letter of letters) {
      const path = names.find((n) => n.includes(`/letters/${letter.id}-`) && n.endsWith('.pdf'));
      expect(path, letter.id).toBeDefined();
      expect(Buffer.from(files[path ?? ''] ?? [])).toEqual(await t.ctx.documents.get(letter.sha256));
    }
    const manifest = JSON.parse(text('manifest.json')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json').sort(),
    );

    // Nobody else's data.
    expect(all).not.toContain('Otto');
    expect(all).not.toContain(other.body.reference);
    expect(all).not.toContain('otto@example.org');

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['type', 'actor', 'payload'])
      .where('complaint_id', 'is', null)
      .where('type', '=', 'personal-data-exported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(t.users.admin.id);
    expect(JSON.parse(audit[0]?.payload ?? '{}').customerId).toBe(customerId);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await env.t.as('admin').get('/customers/01JUNKNOWNCUSTOMER0000000000/personal-data');
    expect(res.status).toBe(404);
  });
});
