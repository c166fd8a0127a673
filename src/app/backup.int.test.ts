/** The PostgreSQL backup pages through tables by key: every row once, whatever the page size. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, expect, it } from 'vitest';
import { describeDialect } from '../../test/support/databases.ts';
import { MISO_PROCEDURE } from '../config/miso.ts';
import { fileDocumentStore } from '../storage/file-store.ts';
import { backup } from './backup.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redress-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeDialect('postgres', 'backup in pages', (harness) => {
  it('writes every row exactly once when tables span several pages, and a trailer with the count', async () => {
    const db = await harness.freshDb();
    const names = ['a', 'b', 'c', 'd', 'e'];
    await db.kysely
      .insertInto('sequences')
      .values(names.map((name, i) => ({ name, value: i })))
      .execute();
    const ctx = {
      db,
      documents: fileDocumentStore(join(db.options.dataDir, 'documents')),
      procedure: MISO_PROCEDURE,
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
      publicUrl: '',
    };
    const file = join(scratch, 'paged.jsonl');
    const done = await backup(ctx, file, { pageRows: 2 });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const sequences = lines.filter((l) => l.table === 'sequences').map((l) => l.row.name);
    expect(sequences).toEqual(names);
    expect(lines.at(-1)).toEqual({ end: true, rows: done.rows });
    expect(done.rows).toBe(lines.length - 2);
  });
});
