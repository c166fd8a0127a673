/**
 * Documents written before migration 0016 keep their bytes in their rows: Redress serves them from there,
 * `moveDocumentsOut` puts them in the store and empties the rows (a batch at a time, again without harm), and
 * `checkDocuments` finds any document a row names that the store lacks or holds altered.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../../test/support/api.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { PDF, PNG } from '../../test/support/files.ts';
import { insertUpload } from '../db/attachments.ts';
import { documentPath, sha256Hex } from '../storage/document-store.ts';
import { fileDocumentStore } from '../storage/file-store.ts';
import { checkDocuments } from './check-documents.ts';
import type { AppContext } from './context.ts';
import { getAttachmentForStaff } from './get-attachment.ts';
import { getLetterForStaff } from './get-letter.ts';
import { documentsLeftInDatabase, moveDocumentsOut } from './move-documents-out.ts';

describeEachDialect('moving documents out of the database', (harness) => {
  let t: TestApi;
  let ctx: AppContext;
  let storeDir: string;
  let reference: string;
  let letter: { id: string; bytes: Buffer };
  afterAll(() => t?.close());

  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
    await t.runJobs(); // the acknowledgement letter
    const k = t.db.kysely;
    const complaint = await k
      .selectFrom('complaints')
      .select(['id', 'customer_id'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const row = await k.selectFrom('documents').select(['id', 'sha256']).executeTakeFirstOrThrow();
    letter = { id: row.id, bytes: await t.ctx.documents.get(row.sha256) };
    // As a database from before 0016 has them: the bytes in the rows, a store that has never seen them.
    await k.updateTable('documents').set({ content: letter.bytes }).where('id', '=', row.id).execute();
    for (const [id, bytes] of [
      ['upload-1', PDF],
      ['upload-2', PNG],
      ['upload-3', Buffer.from('bytes damaged in the database')],
    ] as const) {
      await insertUpload(k, {
        id,
        complaintId: complaint.id,
        customerId: complaint.customer_id,
        filename: `${id}.bin`,
        contentType: 'application/pdf',
        blob: { sha256: sha256Hex(id === 'upload-3' ? PDF : bytes), sizeBytes: bytes.length },
        createdAt: t.now().toISOString(),
      });
      await k.updateTable('uploads').set({ content: bytes }).where('id', '=', id).execute();
    }
    storeDir = join(t.db.options.dataDir, 'moved-documents');
    ctx = { ...t.ctx, documents: fileDocumentStore(storeDir) };
  });

  it('serves documents from their rows until they are moved', async () => {
    expect((await getLetterForStaff(ctx, reference, letter.id)).content.equals(letter.bytes)).toBe(true);
    expect((await getAttachmentForStaff(ctx, 'upload-2')).content.equals(PNG)).toBe(true);
    expect(await documentsLeftInDatabase(ctx)).toEqual({ documents: 1, email_attachments: 0, uploads: 3 });
    const check = await checkDocuments(ctx);
    expect(check).toMatchObject({ inDatabase: 4, problems: [] });
  });

  it('moves each into the store and empties its row, leaving one whose bytes fail their hash', async () => {
    const batches: string[] = [];
    const report = await moveDocumentsOut(ctx, {
      batchRows: 1,
      onBatch: (table, moved) => batches.push(`${table}:${moved}`),
    });
    expect(report.moved).toEqual({ documents: 1, email_attachments: 0, uploads: 2 });
    expect(report.corrupt).toEqual([{ table: 'uploads', id: 'upload-3' }]);
    expect(batches).toEqual(['documents:1', 'uploads:1', 'uploads:2', 'uploads:2']);
    expect(await documentsLeftInDatabase(ctx)).toEqual({ documents: 0, email_attachments: 0, uploads: 1 });
    const emptied = await t.db.kysely.selectFrom('uploads').select(['id', 'content']).orderBy('id').execute();
    expect(emptied.map((r) => [r.id, Buffer.from(r.content).length])).toEqual([
      ['upload-1', 0],
      ['upload-2', 0],
      ['upload-3', 29],
    ]);
    // Served byte for byte from the store now, and a second run has nothing to move.
    expect((await getLetterForStaff(ctx, reference, letter.id)).content.equals(letter.bytes)).toBe(true);
    expect((await getAttachmentForStaff(ctx, 'upload-1')).content.equals(PDF)).toBe(true);
    expect((await moveDocumentsOut(ctx)).moved).toEqual({ documents: 0, email_attachments: 0, uploads: 0 });
    await expect(getAttachmentForStaff(ctx, 'upload-3')).rejects.toThrow(/is corrupt/);
  });

  it('finds a document missing from the store, and with verify one altered in it', async () => {
    expect(await checkDocuments(ctx, { verify: true })).toMatchObject({ checked: 4, problems: [] });
    rmSync(join(storeDir, documentPath(sha256Hex(PDF))));
    writeFileSync(join(storeDir, documentPath(sha256Hex(PNG))), 'altered');
    expect((await checkDocuments(ctx)).problems).toEqual([
      { table: 'uploads', id: 'upload-1', sha256: sha256Hex(PDF), problem: 'missing' },
    ]);
    expect((await checkDocuments(ctx, { verify: true })).problems).toEqual([
      { table: 'uploads', id: 'upload-1', sha256: sha256Hex(PDF), problem: 'missing' },
      { table: 'uploads', id: 'upload-2', sha256: sha256Hex(PNG), problem: 'corrupt' },
    ]);
    await expect(getAttachmentForStaff(ctx, 'upload-1')).rejects.toThrow(/is missing from file:/);
  });
});
