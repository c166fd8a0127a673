/**
 * Puts a backup made by `redress backup` back as the configured database. A SQLite backup file becomes the
 * SQLite database under DATA_DIR; a JSON-lines backup is loaded into the PostgreSQL database of
 * DATABASE_URL. Either way a database that already holds complaints or users is refused unless forced, and
 * the schema ends up current.
 *
 * It takes the database's settings rather than an open context: on SQLite it replaces the very file a
 * context would hold open.
 */
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { indexSystemChainCustomers } from '../db/audit.ts';
import { type BackupHeader, decodeValue, isTableName, type TableName } from '../db/backup-tables.ts';
import { type Db, type Executor, type OpenDatabaseOptions, openDatabase } from '../db/database.ts';
import { MIGRATION_NAMES, migrate, migrateTo, schemaVersion } from '../db/migrations/index.ts';
import { AppError } from './errors.ts';

export interface RestoreResult {
  format: 'sqlite' | 'jsonl';
  /** Rows loaded (JSON lines only: a SQLite file is put in place whole). */
  rows?: number;
}

/** Restores `file` into the database `target` names; `force` replaces a database that holds data. */
export async function restoreBackup(
  target: OpenDatabaseOptions,
  file: string,
  options: { force: boolean },
): Promise<RestoreResult> {
  const format = await backupFormat(file);
  const onPostgres = target.databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(target.databaseUrl);
  if (format === 'sqlite' && onPostgres)
    throw new AppError(
      'validation',
      `${file} is a SQLite backup; it restores onto SQLite (unset DATABASE_URL)`,
    );
  if (format === 'jsonl' && !onPostgres)
    throw new AppError(
      'validation',
      `${file} is a PostgreSQL (JSON lines) backup; set DATABASE_URL to restore it`,
    );
  if (format === 'sqlite') {
    await restoreSqliteFile(target.dataDir, file, options);
    return { format };
  }
  const db = await openDatabase(target);
  try {
    return { format, rows: await loadJsonLines(db, file, options) };
  } finally {
    await db.close();
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

async function backupFormat(file: string): Promise<'sqlite' | 'jsonl'> {
  if (!existsSync(file)) throw new AppError('not-found', `${file} does not exist`);
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    if (bytesRead === 16 && buffer.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
    if (bytesRead > 0 && buffer[0] === '{'.charCodeAt(0)) return 'jsonl';
  } finally {
    await handle.close();
  }
  throw new AppError('validation', `${file} is neither a SQLite database nor a JSON-lines backup`);
}

const refusal = (what: string) =>
  new AppError(
    'conflict',
    `the database already holds ${what}; restoring would replace them. Use --force to replace it anyway`,
  );

/**
 * Copies the backup over DATA_DIR/redress.sqlite: checked first, written to a temporary file in the same
 * directory, fsynced, then renamed into place (atomic: a crash leaves the old database or the new one, never
 * half of each), and the directory fsynced so the rename itself survives a power cut.
 */
async function restoreSqliteFile(dataDir: string, file: string, options: { force: boolean }): Promise<void> {
  const backup = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('validation', `${file} is a damaged SQLite database: ${check}`);
  } finally {
    backup.close();
  }
  const live = join(dataDir, 'redress.sqlite');
  if (existsSync(live)) {
    const current = new BetterSqlite3(live, { fileMustExist: true, timeout: 0 });
    try {
      if (!options.force) {
        const held = heldData(current);
        if (held) throw refusal(held);
      }
      // Leaving WAL mode needs the only connection to the file: it fails while any Redress process has the
      // database open, which is exactly when swapping the file underneath would lose that process's writes.
      // It also folds the WAL into the file and deletes it, so no stale -wal is left to replay on the new one.
      let mode: unknown;
      try {
        mode = current.pragma('journal_mode = delete', { simple: true });
      } catch {
        mode = 'busy';
      }
      if (mode !== 'delete')
        throw new AppError(
          'conflict',
          `${live} is in use by another process: stop every Redress process first`,
        );
    } finally {
      current.close();
    }
  }
  const temporary = join(dataDir, `.${basename(live)}.${process.pid}.restoring`);
  await mkdir(dataDir, { recursive: true });
  try {
    await copyFile(file, temporary);
    const handle = await open(temporary, 'r+');
    await handle.sync();
    await handle.close();
    for (const leftover of ['-wal', '-shm', '-journal']) await rm(live + leftover, { force: true });
    await rename(temporary, live);
    await syncDirectory(dirname(live));
  } finally {
    await rm(temporary, { force: true });
  }
  // The backup carries its own schema version (its migration table): bring it up to date now.
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

function heldData(database: BetterSqlite3.Database): string | undefined {
  for (const table of ['complaints', 'users']) {
    const exists = database
      .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
      .get(table);
    if (exists && database.prepare(`select 1 from ${table} limit 1`).get()) return table;
  }
  return undefined;
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Rows per INSERT: PostgreSQL takes at most 65,535 parameters a statement; 500 rows of the widest table
// (emails, 22 columns) stay well below it.
const INSERT_ROWS = 500;

/**
 * Loads a JSON-lines backup into PostgreSQL in one transaction: all of it or, on any failure, nothing.
 *
 * Schema versions: the schema is first migrated to the backup's own version, the rows are loaded, and only
 * then do the later migrations run. That way a migration that fills a new column from old ones (0009's
 * customer keys) runs over the restored rows exactly as it ran over the live ones; loading an old backup
 * into today's schema would leave such columns empty. So a database already migrated past the backup's
 * version is refused: restore into a new, empty database instead. Backups from before the header was
 * written carry no version; they load into the current schema (missing columns take their defaults).
 */
async function loadJsonLines(db: Db, file: string, options: { force: boolean }): Promise<number> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    const parsedFirst = first.done ? undefined : parseLine(first.value, 1);
    const header = isHeader(parsedFirst) ? parsedFirst : undefined;
    if (header && !MIGRATION_NAMES.includes(header.schema))
      throw new AppError(
        'validation',
        `${file} comes from a newer Redress (schema ${header.schema}): upgrade Redress before restoring it`,
      );

    const current = await schemaVersion(db);
    if (!options.force && current) {
      const held = await heldDataPostgres(db);
      if (held) throw refusal(held);
    }
    if (header && current && current > header.schema)
      throw new AppError(
        'conflict',
        `the database's schema (${current}) is newer than the backup's (${header.schema}); restore into a new, ` +
          'empty database so that the later migrations run over the restored rows',
      );
    await migrateTo(db, header?.schema);

    let rows = 0;
    let complete = false;
    await db.kysely.transaction().execute(async (trx) => {
      // Whatever is there goes: templates seeded at a first start, jobs, and with --force everything else.
      const tables = await sql<{ tablename: string }>`select tablename from pg_tables
        where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(trx);
      if (tables.rows.length)
        await sql`truncate ${sql.join(tables.rows.map((t) => sql.table(t.tablename)))}`.execute(trx);

      let batch: { table: TableName; rows: Record<string, unknown>[] } | undefined;
      const flush = async () => {
        if (batch?.rows.length) await insertRows(trx, batch.table, batch.rows);
        batch = undefined;
      };
      let number = 1;
      let pending = header ? undefined : parsedFirst;
      for (;;) {
        let entry: unknown;
        if (pending !== undefined) {
          entry = pending;
          pending = undefined;
        } else {
          const next = await iterator.next();
          if (next.done) break;
          number += 1;
          if (next.value.trim() === '') continue;
          entry = parseLine(next.value, number);
        }
        if (isTrailer(entry)) {
          complete = entry.rows === rows;
          break;
        }
        const { table, row } = entry as { table?: unknown; row?: unknown };
        if (typeof table !== 'string' || !isTableName(table) || typeof row !== 'object' || row === null)
          throw new AppError('validation', `${file} line ${number} is not a row of a Redress table`);
        if (batch?.table !== table || batch.rows.length >= INSERT_ROWS) {
          await flush();
          batch = { table, rows: [] };
        }
        batch.rows.push(row as Record<string, unknown>);
        rows += 1;
      }
      await flush();
      // Rows only (an older backup) cannot say whether they are complete; a headed file must end in its trailer.
      if (header && !complete)
        throw new AppError('validation', `${file} is incomplete (no trailer, or a row count that differs)`);
      // Rows only predate `audit_customer_events` (0036), which no migration now fills for them: without it,
      // an erasure would leave the customer's events on the system chain unredacted.
      if (!header) await indexSystemChainCustomers(trx);
      await continueIdentities(trx);
    });
    await migrate(db);
    return rows;
  } finally {
    lines.close();
  }
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new AppError('validation', `line ${number} of the backup is not JSON`);
  }
}

function isHeader(value: unknown): value is BackupHeader {
  const v = value as Partial<BackupHeader> | undefined;
  return v?.redress === 'backup' && typeof v.schema === 'string';
}

function isTrailer(value: unknown): value is { end: true; rows: number } {
  return (value as { end?: unknown } | undefined)?.end === true;
}

async function heldDataPostgres(db: Db): Promise<string | undefined> {
  for (const table of ['complaints', 'users'] as const) {
    const exists = await sql<{ found: string | null }>`select to_regclass(${table}) as found`.execute(
      db.kysely,
    );
    if (!exists.rows[0]?.found) continue;
    const row = await db.kysely.selectFrom(table).select('id').limit(1).executeTakeFirst();
    if (row) return table;
  }
  return undefined;
}

async function insertRows(trx: Executor, table: TableName, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  const values = rows.map(
    (row) => sql`(${sql.join(columns.map((column) => decodeValue(row[column] ?? null)))})`,
  );
  // OVERRIDING SYSTEM VALUE: audit_events.seq is GENERATED ALWAYS, and the restored rows keep their seq (the
  // hash chain is verified in seq order). On tables without an identity column it changes nothing.
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    overriding system value values ${sql.join(values)}`.execute(trx);
}

/** Moves every identity column's sequence past the highest restored value, so new rows continue the series. */
async function continueIdentities(trx: Executor): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(
    trx,
  );
  for (const { table_name, column_name } of identities.rows) {
    // setval(…, max, true) continues at max + 1; on an empty table setval(…, 1, false) starts at 1.
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 1),
      (select count(*) > 0 from ${sql.table(table_name)}))`.execute(trx);
  }
}
