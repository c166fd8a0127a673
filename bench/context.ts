/**
 * What the bench opens and runs Redress on, in a child or in its own process: Redress's context on a fresh,
 * migrated database (a SQLite dir or a PG URL), its outbox run until nothing is due, and row counts to check.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { AppContext } from '../src/app/context.ts';
import { defaultSqliteReaders } from '../src/config/env.ts';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { type Db, isPostgresUrl, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations/index.ts';
import { type JobHandlers, type RunOptions, type RunSummary, runDueJobs } from '../src/jobs/worker.ts';
import { fileDocumentStore } from '../src/storage/file-store.ts';

/** Redress's default pool size, used by the Redress servers and the baselines alike. */
export const POOL_SIZE = 10;

/** `onCleanup`, if given, is handed the close of the database (and of a temp document store) once open. */
export async function openBenchContext(
  target: string,
  onCleanup?: (cleanup: () => Promise<void>) => void,
): Promise<AppContext> {
  const db = await openDatabase({
    databaseUrl: isPostgresUrl(target) ? target : undefined,
    dataDir: target,
    poolSize: POOL_SIZE,
    // As `redress serve` reads SQLite: on reader threads.
    sqliteReaders: sqliteReaders(),
  });
  // Letters and attachments go to files beside a SQLite database, or to a temp dir beside a PG one.
  const documentsDir = isPostgresUrl(target)
    ? await mkdtemp(join(tmpdir(), 'redress-bench-documents-'))
    : join(target, 'documents');
  onCleanup?.(async () => {
    await db.close();
    if (isPostgresUrl(target)) await rm(documentsDir, { recursive: true, force: true });
  });
  await migrate(db);
  return {
    db,
    documents: fileDocumentStore(documentsDir),
    procedure: MISO_PROCEDURE,
    now: () => new Date(),
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://localhost',
  };
}

/** SQLITE_READERS, as `redress serve` reads it (0 to compare with reads on the main thread). */
function sqliteReaders(): number {
  const raw = process.env.SQLITE_READERS;
  return raw ? Number(raw) : defaultSqliteReaders();
}

/** Runs `runDueJobs` (which stops after `maxBatches`) until nothing is due; what it did, added up. */
export async function runAllDueJobs(
  db: Db,
  handlers: JobHandlers,
  options: Omit<RunOptions, 'owner'>,
): Promise<RunSummary> {
  const total: RunSummary = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };
  for (;;) {
    const summary = await runDueJobs(db, handlers, { ...options, owner: `bench:${process.pid}` });
    for (const key of Object.keys(total) as (keyof RunSummary)[]) total[key] += summary[key];
    if (summary.claimed === 0) return total;
  }
}

type Counted = 'complaints' | 'emails' | 'documents' | 'audit_events';

/** Rows of `table`, or of those whose `column` is `value`. */
export async function countRows(
  db: Db,
  table: Counted,
  where?: { column: 'direction' | 'status' | 'type'; value: string },
): Promise<number> {
  let query = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  if (where) query = query.where(where.column, '=', where.value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
