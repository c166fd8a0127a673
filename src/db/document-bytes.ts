/**
 * The rows that name documents, across the three tables that do (letters, email attachments, uploads), as
 * the move-out and the check page through them. Rows from before migration 0016 may still hold their bytes
 * in `content`; everything written since holds them in the document store (`content` empty).
 */
import { sql } from 'kysely';
import type { Executor } from './database.ts';
import { IN_STORE } from './documents.ts';

export const DOCUMENT_TABLES = ['documents', 'email_attachments', 'uploads'] as const;
export type DocumentTable = (typeof DOCUMENT_TABLES)[number];

// Spelled as migration 0016's partial indexes are, so the planner answers these queries from them.
const bytesInRow = sql<boolean>`length(content) > 0`;

/** The next rows, by id after `afterId`, whose bytes are still in the database, with those bytes. */
export async function listBytesInRow(
  executor: Executor,
  table: DocumentTable,
  afterId: string,
  limit: number,
): Promise<{ id: string; sha256: string; content: Buffer }[]> {
  const rows = await executor
    .selectFrom(table)
    .select(['id', 'sha256', 'content'])
    .where(bytesInRow)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, sha256: r.sha256, content: Buffer.from(r.content) }));
}

/** Empties `content` of a row whose bytes are now in the store (the same bytes: the hash must still match). */
export async function markMovedOut(
  executor: Executor,
  table: DocumentTable,
  row: { id: string; sha256: string },
): Promise<void> {
  await executor
    .updateTable(table)
    .set({ content: IN_STORE })
    .where('id', '=', row.id)
    .where('sha256', '=', row.sha256)
    .execute();
}

/** How many rows still hold their bytes, per table. */
export async function countBytesInRow(executor: Executor, table: DocumentTable): Promise<number> {
  const row = await executor
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(bytesInRow)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next rows' document names, by id after `afterId`, and whether each still holds its bytes. */
export async function listDocumentNames(
  executor: Executor,
  table: DocumentTable,
  afterId: string,
  limit: number,
): Promise<{ id: string; sha256: string; inRow: boolean }[]> {
  const rows = await executor
    .selectFrom(table)
    .select(['id', 'sha256', sql<number>`length(content)`.as('bytes_in_row')])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, sha256: r.sha256, inRow: Number(r.bytes_in_row) > 0 }));
}
