/**
 * Files a customer attaches on the website — with a new complaint or with information they add — and staff
 * (and the customer, their own) downloading them: checked by their bytes, refused whole, stored once.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';

import { describeEachDialect } from '../support/databases.ts';
import { EXE, PDF, PNG } from '../support/files.ts';
import { useApiWithSink } from '../support/mail-api.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const file = (filename: string, content: Buffer, contentType = '') => ({
  filename,
  contentType,
  content: content.toString('base64'),
});

describeEachDialect('files customers attach in the portal', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  const portal = (path: string, init: { body?: unknown; cookie?: string; key?: string } = {}) =>
    env.t.as(null).raw(`/portal${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  const form = (overrides: Record<string, unknown> = {}) => ({
    name: 'Uma Upload',
    email: 'uma@example.org',
    customerType: 'residential',
    category: 'billing',
    whatHappened: 'I was charged twice; the bill and a screenshot are attached.',
    formal: true,
    ...overrides,
  });

  const counts = async () => {
    const n = async (table: 'complaints' | 'customers' | 'uploads' | 'audit_events') =>
      Number(
        (
          await env.t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      complaints: await n('complaints'),
      customers: await n('customers'),
      uploads: await n('uploads'),
      audit: await n('audit_events'),
    };
  };

  /** Signs the customer in to the portal, as the emailed one-time link would. */
  async function signIn(reference: string, email: string): Promise<string> {
    return portalSessionCookie(env.t, env.sink, reference, email);
  }

  it('stores a PDF and a PNG with the complaint, on its timeline, and staff download them byte for byte', async () => {
    const created = await portal('/complaints', {
      key: 'uploads-first-key',
      body: form({
        attachments: [
          file('Bill October.pdf', PDF, 'application/pdf'),
          file('screen shot.png', PNG, 'image/png'),
        ],
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reference = created.body.reference as string;

    const view = (await env.t.as('agent').get(`/complaints/${reference}`)).body;
    expect(view.attachments).toEqual([
      expect.objectContaining({
        source: 'upload',
        filename: 'Bill October.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
        emailId: null,
      }),
      expect.objectContaining({ source: 'upload', filename: 'screen shot.png', contentType: 'image/png' }),
    ]);
    const uploaded = view.timeline.filter((e: { type: string }) => e.type === 'file-uploaded');
    expect(uploaded.map((e: { details: { filename: string } }) => e.details.filename)).toEqual([
      'Bill October.pdf',
      'screen shot.png',
    ]);
    expect(uploaded[0].actor).toMatch(/^customer:/);
    expect(view.contacts[0].summary).toBe(
      'Raised this complaint on our website. With 2 files: Bill October.pdf, screen shot.png.',
    );

    for (const [stored, bytes] of [
      [view.attachments[0], PDF],
      [view.attachments[1], PNG],
    ] as const) {
      const download = await env.t.as('agent').bytes(`/attachments/${stored.id}`);
      expect(download.status).toBe(200);
      expect(download.bytes.equals(bytes)).toBe(true);
      expect(download.headers.get('content-type')).toBe(stored.contentType);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    }
    // The ombudsman's case file holds them byte for byte, listed in its JSON.
    const caseFile = await env.t.as('agent').bytes(`/complaints/${reference}/case-file`);
    expect(caseFile.status).toBe(200);
    const zipped = unzipSync(new Uint8Array(caseFile.bytes));
    expect(Buffer.from(zipped['attachments/upload-01-Bill_October.pdf'] ?? []).equals(PDF)).toBe(true);
    expect(Buffer.from(zipped['attachments/upload-02-screen_shot.png'] ?? []).equals(PNG)).toBe(true);
    const json = JSON.parse(Buffer.from(zipped['complaint.json'] ?? []).toString('utf8'));
    expect(json.uploads.map((u: { filename: string; sha256: string }) => [u.filename, u.sha256])).toEqual([
      ['Bill October.pdf', sha256(PDF)],
      ['screen shot.png', sha256(PNG)],
    ]);

    const pdf = await env.t.as('agent').bytes(`/attachments/${view.attachments[0].id}`);
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="Bill_October.pdf"; filename*=UTF-8''Bill%20October.pdf`,
    );

    expect((await env.t.as('agent').bytes('/attachments/0190f000-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await env.t.as(null).bytes(`/attachments/${view.attachments[0].id}`)).status).toBe(401);

    // A retry with the same key and files is the same complaint, stored once; other files are another request.
    const before = await counts();
    const again = await portal('/complaints', {
      key: 'uploads-first-key',
      body: form({
        attachments: [
          file('Bill October.pdf', PDF, 'application/pdf'),
          file('screen shot.png', PNG, 'image/png'),
        ],
      }),
    });
    expect(again.status).toBe(201);
    expect(again.body.reference).toBe(reference);
    const otherFiles = await portal('/complaints', {
      key: 'uploads-first-key',
      body: form({ attachments: [file('another.png', PNG, 'image/png')] }),
    });
    expect(otherFiles.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('refuses a 20 MB file, an executable dressed as a PNG and a type it does not take, storing nothing', async () => {
    const before = await counts();

    const huge = await portal('/complaints', {
      body: form({
        attachments: [file('scan.pdf', Buffer.alloc(20 * 1024 * 1024, 0x25), 'application/pdf')],
      }),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(huge.body).toMatchObject({ code: 'body-too-large', field: 'attachments' });
    expect(huge.body.detail).toMatch(/each file can be at most 5\.0 MB.*Nothing was stored/);

    const tooBig = await portal('/complaints', {
      body: form({
        attachments: [
          file('ok.png', PNG, 'image/png'),
          file('scan.pdf', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'application/pdf'),
        ],
      }),
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({
      code: 'validation',
      field: 'attachments.1',
      errors: [{ field: 'attachments.1', message: 'scan.pdf is 6.0 MB: each file can be at most 5.0 MB' }],
    });

    const disguised = await portal('/complaints', {
      body: form({ attachments: [file('holiday.png', EXE, 'image/png')] }),
    });
    expect(disguised.status).toBe(400);
    expect(disguised.body).toMatchObject({ field: 'attachments.0' });
    expect(disguised.body.detail).toBe(
      'attachments.0 holiday.png is not a PNG image: its content is a .exe file',
    );

    const html = await portal('/complaints', {
      body: form({ attachments: [file('page.html', Buffer.from('<p>hi</p>'), 'text/html')] }),
    });
    expect(html.status).toBe(400);
    expect(html.body.errors).toEqual([
      { field: 'attachments.0', message: 'page.html is not a type of file we accept (text/html)' },
    ]);

    const notBase64 = await portal('/complaints', {
      body: form({ attachments: [{ filename: 'a.png', content: 'not base64!' }] }),
    });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.field).toBe('body.attachments.0.content');

    expect(await counts()).toEqual(before);
  });

  it('adds information with a file, and lets only its customer download their own uploads', async () => {
    const mine = await portal('/complaints', { body: form({ email: 'ann@example.org', name: 'Ann Own' }) });
    const theirs = await portal('/complaints', {
      body: form({
        email: 'bob@example.org',
        name: 'Bob Other',
        attachments: [file('bob.png', PNG, 'image/png')],
      }),
    });
    const [annRef, bobRef] = [mine.body.reference as string, theirs.body.reference as string];
    const ann = await signIn(annRef, 'ann@example.org');

    const added = await portal(`/complaints/${annRef}/add-information`, {
      cookie: ann,
      body: { text: 'Here is the letter you sent.', attachments: [file('letter.pdf', PDF)] },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.files).toEqual([
      expect.objectContaining({
        filename: 'letter.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
      }),
    ]);
    expect(added.body.timeline.map((e: { text: string }) => e.text)).toContain(
      'web: Here is the letter you sent. With a file: letter.pdf.',
    );
    const annFile = added.body.files[0].id as string;
    const own = await env.t.as(null).bytes(`/portal/complaints/${annRef}/uploads/${annFile}`, {
      headers: { cookie: ann },
    });
    expect(own.status).toBe(200);
    expect(own.bytes.equals(PDF)).toBe(true);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');

    const refused = await portal(`/complaints/${annRef}/add-information`, {
      cookie: ann,
      body: { text: 'And this.', attachments: [file('run.png', EXE, 'image/png')] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.field).toBe('attachments.0');
    const view = await portal(`/complaints/${annRef}`, { cookie: ann });
    expect(view.body.files).toHaveLength(1);
    expect(JSON.stringify(view.body.timeline)).not.toContain('And this.');

    // Bob's upload, asked for under Bob's reference or smuggled under Ann's: not found, either way.
    const bobFile = (await env.t.as('agent').get(`/complaints/${bobRef}`)).body.attachments[0].id as string;
    const asAnn = (path: string) => env.t.as(null).bytes(path, { headers: { cookie: ann } });
    expect((await asAnn(`/portal/complaints/${bobRef}/uploads/${bobFile}`)).status).toBe(404);
    expect((await asAnn(`/portal/complaints/${annRef}/uploads/${bobFile}`)).status).toBe(404);
    expect((await env.t.as(null).bytes(`/portal/complaints/${annRef}/uploads/${annFile}`)).status).toBe(401);
    // Staff download any of them.
    expect((await env.t.as('agent').bytes(`/attachments/${annFile}`)).bytes.equals(PDF)).toBe(true);
  });
});
