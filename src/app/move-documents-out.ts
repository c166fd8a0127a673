/**
 * Moves the bytes of letters, attachments and uploads written before migration 0016 out of the database into
 * the document store, a batch at a time, safe to stop at any moment and to run from several processes: each
 * document is put in the store (durable) before its row's `content` is emptied, in that order, so a crash
 * between the two leaves the bytes in both places and the next run simply empties the row. Readers take the
 * bytes from the row until then, so Redress serves every document throughout.
 */
import {
  countBytesInRow,
  DOCUMENT_TABLES,
  type DocumentTable,
  listBytesInRow,
  markMovedOut,
} from '../db/document-bytes.ts';
import { sha256Hex } from '../storage/document-store.ts';
import type { AppContext } from './context.ts';

export interface MoveOutReport {
  moved: Record<DocumentTable, number>;
  /** Rows whose bytes in the database do not match their recorded sha256: left where they are, named. */
  corrupt: { table: DocumentTable; id: string }[];
}

/** Moves every document still in the database; `onBatch` hears the running count after each batch. */
export async function moveDocumentsOut(
  ctx: AppContext,
  options: { batchRows?: number; onBatch?: (table: DocumentTable, moved: number) => void } = {},
): Promise<MoveOutReport> {
  const batchRows = options.batchRows ?? 100;
  const report: MoveOutReport = { moved: { documents: 0, email_attachments: 0, uploads: 0 }, corrupt: [] };
  for (const table of DOCUMENT_TABLES) {
    // Keyset by id: a corrupt row left behind is passed over, not read again forever.
    let afterId = '';
    for (;;) {
      const rows = await listBytesInRow(ctx.db.kysely, table, afterId, batchRows);
      if (rows.length === 0) break;
      for (const row of rows) {
        afterId = row.id;
        if (sha256Hex(row.content) !== row.sha256) {
          report.corrupt.push({ table, id: row.id });
          continue;
        }
        await ctx.documents.put(row.content);
        await markMovedOut(ctx.db.kysely, table, row);
        report.moved[table] += 1;
      }
      options.onBatch?.(table, report.moved[table]);
    }
  }
  if (report.corrupt.length) {
    ctx.logger.error({ corrupt: report.corrupt }, 'documents whose bytes in the database fail their hash');
  }
  return report;
}

/** How many rows, per table, still hold their bytes in the database. */
export async function documentsLeftInDatabase(ctx: AppContext): Promise<Record<DocumentTable, number>> {
  const left = { documents: 0, email_attachments: 0, uploads: 0 };
  for (const table of DOCUMENT_TABLES) left[table] = await countBytesInRow(ctx.db.kysely, table);
  return left;
}
