/**
 * The ombudsman case file from the API, on both databases: one ZIP with the PDF, every email both ways as
 * .eml (attachments included), every letter, and a JSON that reads back into the same complaint.
 */

import { unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { insertEmailAttachment } from '../../src/db/attachments.ts';
import { findComplaintByReference } from '../../src/db/complaints.ts';
import { insertEmail } from '../../src/db/emails.ts';
import { parseCaseFileJson } from '../../src/documents/case-file/index.ts';
import { formatCrn } from '../../src/domain/crn.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';
import { readPdf } from '../support/pdf.ts';

describeEachDialect('ombudsman case file', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  it('exports a ZIP with the PDF, the .eml files, the letters, the attachments and a JSON that round-trips', async () => {
    const created = await env.t.as('agent').post(
      '/complaints',
      phoneComplaint({
        customer: {
          name: 'Cass File',
          email: 'cass@example.org',
          addressLines: ['1 High St'],
          postcode: 'WA1 1AA',
        },
        channel: 'email',
      }),
    );
    const { id, reference } = created.body;
    await insertEmail(env.t.db.kysely, {
      id: `in-${reference}`,
      complaintId: id,
      customerId: null,
      direction: 'in',
      kind: 'reply',
      status: 'received',
      messageId: `<bill-${reference}@example.org>`,
      inReplyTo: null,
      references: [],
      from: 'cass@example.org',
      to: 'complaints@miso-comms.net',
      subject: 'My bill, attached',
      text: 'Here is the bill showing the double charge.',
      html: null,
      note: null,
      sizeBytes: 2000,
      createdAt: env.t.now().toISOString(),
    });
    const bill = Buffer.from('%PDF-1.4 pretend bill\n');
    await insertEmailAttachment(env.t.db.kysely, {
      id: `att-${reference}`,
      emailId: `in-${reference}`,
      filename: '../October bill.pdf',
      contentType: 'application/pdf',
      blob: await env.t.ctx.documents.put(bill),
      createdAt: env.t.now().toISOString(),
    });
    await env.t.command('agent', reference, 'log-contact', {
      channel: 'phone',
      direction: 'in',
      summary: 'Customer called about the double charge',
    });
    await env.t.command('agent', reference, 'add-note', {
      text: 'Checked the billing system: two charges on 3 Oct',
    });
    await env.t.command('agent', reference, 'propose', {
      summary: 'Refund the second charge',
      steps: [{ description: 'Refund £24.99', ownerId: env.t.users.agent.id }],
    });
    await env.t.command('agent', reference, 'record-response', { outcome: 'declined' });
    await env.t.command('director', reference, 'declare-deadlock', { reason: 'Our refund offer stands.' });
    await env.t.runJobs();

    const res = await env.t.as('reviewer').bytes(`/complaints/${reference}/case-file`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(`${reference}`);
    const files = unzipSync(new Uint8Array(res.bytes));
    const names = Object.keys(files);
    expect(names).toContain('case-file.pdf');
    expect(names).toContain('complaint.json');
    const emls = names.filter((n) => n.endsWith('.eml'));
    const sent = await env.t.db.kysely
      .selectFrom('emails')
      .select('id')
      .where('complaint_id', '=', id)
      .execute();
    expect(emls).toHaveLength(sent.length);
    expect(names.filter((n) => n.startsWith('letters/') && n.endsWith('.pdf')).length).toBeGreaterThanOrEqual(
      3,
    );
    const attachment = names.find((n) => n.startsWith('attachments/'));
    expect(attachment).toBeDefined();
    expect(attachment).not.toContain('..');
    expect(Buffer.from(files[attachment ?? ''] ?? [])).toEqual(bill);

    const inbound = emls.map((n) => files[n]).find((b) => Buffer.from(b ?? []).includes('My bill, attached'));
    const parsed = await simpleParser(Buffer.from(inbound ?? []));
    expect(parsed.messageId).toBe(`<bill-${reference}@example.org>`);
    expect(parsed.attachments[0]?.content).toEqual(bill);

    const { text } = await readPdf(files['case-file.pdf'] ?? new Uint8Array());
    for (const needed of [
      reference,
      'Cass File',
      'Refund the second charge',
      'Our refund offer stands.',
      'Customer called about the double charge',
    ]) {
      expect(text, needed).toContain(needed);
    }

    const json = parseCaseFileJson(JSON.parse(Buffer.from(files['complaint.json'] ?? []).toString('utf8')));
    const stored = await findComplaintByReference(env.t.db.kysely, reference);
    expect(json.complaint).toEqual(stored);
    expect(
      (await env.t.as('agent').get(`/complaints/${reference}`)).body.timeline.map(
        (e: { type: string }) => e.type,
      ),
    ).toContain('case-file-exported');
  });

  it('answers 404 for an unknown complaint and 401 without a session', async () => {
    const unknown = formatCrn(MISO_PROCEDURE.crn, 2026, 999_999);
    expect((await env.t.as('agent').bytes(`/complaints/${unknown}/case-file`)).status).toBe(404);
    expect((await env.t.as(null).bytes(`/complaints/${unknown}/case-file`)).status).toBe(401);
  });
});
