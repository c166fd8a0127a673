/**
 * A consistent copy of the database. SQLite: `VACUUM INTO` a new file (a transactionally consistent
 * snapshot, safe while Redress runs). PostgreSQL: every table as JSON lines from one REPEATABLE READ
 * snapshot (format in db/backup-tables.ts) — for a full physical backup use pg_dump or the cluster's own
 * tools. `redress restore` reads both back.
 */
import { existsSync } from 'node:fs';
import { link, open, unlink } from 'node:fs/promises';
import { type RawBuilder, sql } from 'kysely';
import {
  BACKUP_TABLES,
  type BackupHeader,
  encodeValue,
  type TableName,
  tableKey,
} from '../db/backup-tables.ts';
import type { Executor } from '../db/database.ts';
import { schemaVersion } from '../db/migrations/index.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

// Rows per query. A table is read in pages along its primary key, so memory holds one page, not the
// database: a million complaints back up in constant memory. Letters (PDFs of tens of kB) are the widest rows.
const PAGE_ROWS = 500;

/** Writes a backup of the database to `file`, which must not exist; the file appears only when complete. */
export async function backup(
  ctx: AppContext,
  file: string,
  options: { pageRows?: number } = {},
): Promise<{ file: string; format: 'sqlite' | 'jsonl'; rows?: number }> {
  if (existsSync(file))
    throw new AppError('validation', `${file} already exists; choose a new file`, { field: 'file' });
  if (ctx.db.dialect === 'sqlite') {
    await sql`vacuum into ${file}`.execute(ctx.db.kysely);
    return { file, format: 'sqlite' };
  }
  const schema = await schemaVersion(ctx.db);
  if (!schema) throw new AppError('validation', 'the database has no schema yet: nothing to back up');
  // Written under a temporary name and linked into place at the end, so a backup cut short (a full disk, a
  // dropped connection) never sits at FILE looking complete; link, unlike rename, refuses to overwrite.
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'wx');
  let rows = 0;
  try {
    const header: BackupHeader = { redress: 'backup', format: 1, schema };
    await handle.write(`${JSON.stringify(header)}\n`);
    await ctx.db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        for (const table of BACKUP_TABLES) {
          for await (const page of pages(trx, table, options.pageRows ?? PAGE_ROWS)) {
            rows += page.length;
            await handle.write(
              page.map((row) => `${JSON.stringify({ table, row: encodeRow(row) })}\n`).join(''),
            );
          }
        }
      });
    await handle.write(`${JSON.stringify({ end: true, rows })}\n`);
    await handle.sync();
    await handle.close();
    await link(partial, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  } finally {
    await unlink(partial).catch(() => undefined);
  }
  return { file, format: 'jsonl', rows };
}

type Row = Record<string, unknown>;

/** A table's rows in primary-key order, a page at a time (keyset pagination: no OFFSET to rescan). */
async function* pages(executor: Executor, table: TableName, pageRows: number): AsyncGenerator<Row[]> {
  const key = tableKey(table);
  const keyColumns = sql.join(key.map((column) => sql.ref(column)));
  let after: RawBuilder<unknown> | undefined;
  for (;;) {
    const where = after ? sql`where (${keyColumns}) > (${after})` : sql``;
    const { rows } = await sql<Row>`select * from ${sql.table(table)} ${where}
      order by ${keyColumns} limit ${pageRows}`.execute(executor);
    if (rows.length) yield rows;
    if (rows.length < pageRows) return;
    const last = rows[rows.length - 1] as Row;
    after = sql.join(key.map((column) => last[column]));
  }
}

function encodeRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, encodeValue(value)]));
}
