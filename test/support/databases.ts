/**
 * Real databases for integration tests, one run per dialect: SQLite in a fresh temp dir, PostgreSQL as a
 * fresh database on the server the global setup started. No mocks.
 *
 *   describeEachDialect('audit chain', (t) => {
 *     it('verifies', async () => {
 *       const db = await t.freshDb();      // migrated; closed and dropped after the file
 *       ...
 *     });
 *   });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, inject } from 'vitest';
import { type Db, type Dialect, type OpenDatabaseOptions, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrations/index.ts';

/** The dialects to run, `REDRESS_TEST_DIALECTS=sqlite` for a quick local loop; both by default. */
export const dialects: Dialect[] = (process.env.REDRESS_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

/**
 * Reader threads per SQLite database. None by default: each database's threads cost 0.3–0.5 s to start and
 * made the suite about 30% slower, while what readers change is tested where it matters — the dialect's own
 * tests (sqlite-readers.int.test.ts) and the API with a slow read (`describeDialect(…, { sqliteReaders: 2 })`,
 * as `redress serve` runs). `REDRESS_TEST_SQLITE_READERS=2` runs the whole suite on readers.
 */
const SQLITE_READERS = Number(process.env.REDRESS_TEST_SQLITE_READERS ?? 0);

export interface HarnessOptions {
  /** Reader threads for this harness's SQLite databases, instead of the suite's default. */
  sqliteReaders?: number;
}

export interface TestDb extends Db {
  /** How to open this same database again (a second pool, another process). */
  options: OpenDatabaseOptions;
}

export interface DialectHarness {
  dialect: Dialect;
  /** A new, migrated, empty database. */
  freshDb(): Promise<TestDb>;
  /** A new database with no tables, for migration tests. */
  emptyDb(): Promise<TestDb>;
  /** Opens another connection (SQLite) or pool (PostgreSQL) to a database, closed after the file. */
  reopen(db: TestDb): Promise<Db>;
}

/** Declares `body`'s tests once per dialect, each in its own `describe` named `${name} [dialect]`. */
export function describeEachDialect(
  name: string,
  body: (harness: DialectHarness) => void,
  options: HarnessOptions = {},
): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      const harness = createHarness(dialect, options);
      afterAll(() => harness.cleanup());
      body(harness);
    });
  }
}

/** Like `describeEachDialect`, for behaviour only one dialect has (a test of SQLite's full disk). */
export function describeDialect(
  dialect: Dialect,
  name: string,
  body: (harness: DialectHarness) => void,
  options: HarnessOptions = {},
): void {
  const run = dialects.includes(dialect) ? describe : describe.skip;
  run(`${name} [${dialect}]`, () => {
    const harness = createHarness(dialect, options);
    afterAll(() => harness.cleanup());
    body(harness);
  });
}

function createHarness(
  dialect: Dialect,
  options: HarnessOptions = {},
): DialectHarness & { cleanup(): Promise<void> } {
  const sqliteReaders = options.sqliteReaders ?? SQLITE_READERS;
  const opened: Db[] = [];
  const created: { dir?: string; database?: string }[] = [];
  let admin: pg.Client | undefined;

  async function adminClient(): Promise<pg.Client> {
    if (!admin) {
      const url = inject('postgresAdminUrl');
      if (!url) throw new Error('no PostgreSQL server: is the integration project running its global setup?');
      admin = new pg.Client({ connectionString: url });
      await admin.connect();
    }
    return admin;
  }

  async function track(options: OpenDatabaseOptions): Promise<TestDb> {
    const db = await openDatabase(options);
    opened.push(db);
    return { ...db, options };
  }

  async function emptyDb(): Promise<TestDb> {
    const dir = mkdtempSync(join(tmpdir(), 'redress-test-'));
    created.push({ dir });
    if (dialect === 'sqlite') return track({ dataDir: dir, sqliteReaders });
    const client = await adminClient();
    const database = `redress_test_${randomBytes(6).toString('hex')}`;
    await client.query(`create database ${database}`);
    created.push({ database });
    const url = new URL(inject('postgresAdminUrl'));
    url.pathname = `/${database}`;
    return track({ dataDir: dir, databaseUrl: url.toString() });
  }

  return {
    dialect,
    emptyDb,
    async freshDb() {
      const db = await emptyDb();
      await migrate(db);
      return db;
    },
    async reopen(db) {
      return track(db.options);
    },
    async cleanup() {
      await Promise.all(opened.map((db) => db.close()));
      for (const { dir, database } of created) {
        if (dir) rmSync(dir, { recursive: true, force: true });
        if (database) await (await adminClient()).query(`drop database if exists ${database} with (force)`);
      }
      await admin?.end();
    },
  };
}
