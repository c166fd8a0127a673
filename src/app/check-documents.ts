/**
 * Checks that every document a row names can be served: in the store (or still in its row, before the
 * move-out), and with `verify`, that the bytes read back hash to the name. What an operator runs after
 * restoring a backup and its document store, or after moving the store, before opening the doors.
 */
import { DOCUMENT_TABLES, type DocumentTable, listDocumentNames } from '../db/document-bytes.ts';
import { DocumentStoreError, EMPTY_SHA256 } from '../storage/document-store.ts';
import type { AppContext } from './context.ts';

export interface DocumentCheck {
  checked: number;
  /** Rows that still hold their bytes (not moved out yet): served from the row. */
  inDatabase: number;
  problems: { table: DocumentTable; id: string; sha256: string; problem: 'missing' | 'corrupt' }[];
}

const PAGE_ROWS = 500;

/** Every row's document, in the store or its row; `verify` reads and hashes each one (slower). */
export async function checkDocuments(
  ctx: AppContext,
  options: { verify?: boolean } = {},
): Promise<DocumentCheck> {
  const result: DocumentCheck = { checked: 0, inDatabase: 0, problems: [] };
  for (const table of DOCUMENT_TABLES) {
    let afterId = '';
    for (;;) {
      const rows = await listDocumentNames(ctx.db.kysely, table, afterId, PAGE_ROWS);
      if (rows.length === 0) break;
      for (const row of rows) {
        afterId = row.id;
        result.checked += 1;
        // No bytes need no store (contentOf serves them as they are).
        if (row.inRow || row.sha256 === EMPTY_SHA256) {
          result.inDatabase += 1;
          continue;
        }
        const problem = options.verify
          ? await readProblem(ctx, row.sha256)
          : (await ctx.documents.has(row.sha256))
            ? undefined
            : 'missing';
        if (problem) result.problems.push({ table, id: row.id, sha256: row.sha256, problem });
      }
    }
  }
  return result;
}

async function readProblem(ctx: AppContext, sha256: string): Promise<'missing' | 'corrupt' | undefined> {
  try {
    await ctx.documents.get(sha256);
    return undefined;
  } catch (error) {
    if (error instanceof DocumentStoreError) return error.code === 'document-missing' ? 'missing' : 'corrupt';
    throw error;
  }
}
