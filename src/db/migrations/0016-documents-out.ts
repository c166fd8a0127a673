/**
 * Documents out of the database. From here on, letters, email attachments and uploads are written to the
 * document store (DATA_DIR/documents or S3) and their rows keep only the sha256, size and type; `content` is
 * left empty. Rows written before keep their bytes in `content` until `redress documents move-out` puts them
 * in the store and empties the column, a batch at a time; readers take the row's bytes while it has them.
 *
 * Why not move them here: a migration is SQL and runs inside the start of every process; moving 100 GB of
 * PDFs would hold the start for hours and cannot reach the store. Why not drop `content` or make it nullable:
 * SQLite can do neither without copying the whole table (every blob again). Emptying it costs nothing and
 * its pages are reused (VACUUM returns them to the disk).
 *
 * These partial indexes hold exactly the rows whose bytes are still in the database, so the move-out finds
 * the next batch without scanning, and `redress documents check` counts what is left at once. Once every row
 * is moved out they are empty.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export const BYTES_IN_ROW_TABLES = ['documents', 'email_attachments', 'uploads'] as const;

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  for (const table of BYTES_IN_ROW_TABLES) {
    await db.schema
      .createIndex(`${table}_bytes_in_row_idx`)
      .on(table)
      .column('id')
      .where(sql`length(content)`, '>', 0)
      .execute();
  }
}
