/**
 * Where `npm run bench -- --seed N` and `-- --drill N` write: `--dialect sqlite|postgres` (sqlite), a SQLite
 * data directory (`--out DIR`, default a new temp dir, kept) or a PostgreSQL database (`--database-url URL`,
 * default a throwaway database on an embedded server, gone at exit). The database is opened and migrated.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import type { AppContext } from '../src/app/context.ts';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { type Db, type Dialect, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations/index.ts';
import type { DocumentStore } from '../src/storage/document-store.ts';
import { fileDocumentStore } from '../src/storage/file-store.ts';

export interface Target {
  db: Db;
  /** Where letters are kept (files beside the database, or a temp dir for PostgreSQL). */
  documents: DocumentStore;
  /** Where it is, to print: a directory or a URL. */
  where: string;
  close(): Promise<void>;
}

/** The value after `--name`, or undefined. */
export function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

/** A whole number flag (`--seed 100000`, `--seed 100k`, `--seed 1M`). */
export function count(argv: readonly string[], name: string): number {
  const raw = flag(argv, name) ?? '';
  const m = /^(\d+)([kKmM]?)$/.exec(raw);
  if (!m) throw new Error(`--${name} must be a whole number (100000, 100k, 1M), not "${raw}"`);
  const scale = { '': 1, k: 1_000, K: 1_000, m: 1_000_000, M: 1_000_000 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * scale;
}

export async function openTarget(argv: readonly string[]): Promise<Target> {
  const dialect = (flag(argv, 'dialect') ?? 'sqlite') as Dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('--dialect must be sqlite or postgres');
  const stops: (() => Promise<void>)[] = [];
  let where: string;
  let db: Db;
  if (dialect === 'sqlite') {
    where = resolve(flag(argv, 'out') ?? mkdtempSync(join(tmpdir(), 'redress-seed-')));
    db = await openDatabase({ dataDir: where });
  } else {
    let url = flag(argv, 'database-url');
    if (!url) {
      const { startEmbeddedPostgres } = await import('../test/support/embedded-postgres-server.ts');
      const server = await startEmbeddedPostgres();
      stops.push(() => server.stop());
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      await admin.query('create database redress_seed');
      await admin.end();
      const u = new URL(server.adminUrl);
      u.pathname = '/redress_seed';
      url = u.toString();
    }
    where = url;
    db = await openDatabase({ databaseUrl: url, dataDir: tmpdir() });
  }
  await migrate(db);
  // Letters go to files beside a SQLite database, or to a temp dir beside a PostgreSQL one.
  const documentsDir =
    dialect === 'sqlite' ? join(where, 'documents') : mkdtempSync(join(tmpdir(), 'redress-seed-documents-'));
  return {
    db,
    documents: fileDocumentStore(documentsDir),
    where,
    async close() {
      await db.close();
      for (const stop of stops) await stop();
    },
  };
}

/** A context on the target with the bench's clock and a silent logger. */
export function benchContext(target: Target, now: () => Date): AppContext {
  return {
    db: target.db,
    documents: target.documents,
    procedure: MISO_PROCEDURE,
    now,
    logger: pino({ level: 'silent' }),
    publicUrl: 'https://complaints.example',
  };
}

/** One line on a terminal, redrawn: `label [#####.....] 42% 1234/5000 320/s eta 12s`. */
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let drawn = 0;
  let finished = false;
  return {
    update(done: number) {
      const now = Date.now();
      // A log file gets a line every 10 s, a terminal a redrawn line four times a second; the end once.
      if (finished || (now - drawn < (tty ? 250 : 10_000) && done < total)) return;
      finished = done >= total;
      drawn = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      const filled = Math.round((done / Math.max(total, 1)) * 30);
      const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.floor((done / Math.max(total, 1)) * 100)}% ${done}/${total} ${Math.round(rate)}/s eta ${eta}s`;
      if (tty) process.stderr.write(`\r${text}`);
      else process.stderr.write(`${text}\n`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
