/**
 * Runs the schema migrations. The list is a static object of imported modules, not a folder scan, so the
 * migrations travel inside any bundle and a typo is a compile error. Migrations only go forward.
 */
import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Db, Dialect } from '../database.ts';
import * as m0001 from './0001-complaints.ts';
import * as m0002 from './0002-auth.ts';
import * as m0003 from './0003-infrastructure.ts';
import * as m0004 from './0004-portal.ts';
import * as m0005 from './0005-mail.ts';
import * as m0006 from './0006-documents.ts';
import * as m0007 from './0007-routing.ts';
import * as m0008 from './0008-uploads.ts';
import * as m0009 from './0009-customers.ts';
import * as m0010 from './0010-templates.ts';
import * as m0011 from './0011-staff-files.ts';
import * as m0012 from './0012-job-pruning.ts';
import * as m0013 from './0013-upload-customer.ts';
import * as m0014 from './0014-open-work.ts';
import * as m0015 from './0015-audit-chains.ts';
import * as m0016 from './0016-documents-out.ts';
import * as m0017 from './0017-search.ts';
import * as m0018 from './0018-process-heartbeats.ts';
import * as m0019 from './0019-screen-indexes.ts';
import * as m0020 from './0020-insight-records.ts';
import * as m0022 from './0022-improvements.ts';
import * as m0023 from './0023-imports.ts';
import * as m0024 from './0024-insight-facts.ts';
import * as m0025 from './0025-insight-panels.ts';
import * as m0026 from './0026-insight-month-totals.ts';
import * as m0027 from './0027-audit-keys.ts';
import * as m0028 from './0028-sessions-and-sso.ts';
import * as m0029 from './0029-access.ts';
import * as m0030 from './0030-privacy.ts';
import * as m0031 from './0031-team-counts.ts';
import * as m0032 from './0032-second-factor.ts';
import * as m0033 from './0033-insight-rollups.ts';
import * as m0034 from './0034-audit-user-chains.ts';
import * as m0035 from './0035-insight-owner-totals.ts';
import * as m0036 from './0036-audit-customer-events.ts';
import type { AnyDb } from './sql-helpers.ts';

type DialectMigration = { up(db: AnyDb, dialect: Dialect): Promise<void> };

// Names sort in the order they must run; never rename or reorder one that has shipped.
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-complaints': m0001,
  '0002-auth': m0002,
  '0003-infrastructure': m0003,
  '0004-portal': m0004,
  '0005-mail': m0005,
  '0006-documents': m0006,
  '0007-routing': m0007,
  '0008-uploads': m0008,
  '0009-customers': m0009,
  '0010-templates': m0010,
  '0011-staff-files': m0011,
  '0012-job-pruning': m0012,
  '0013-upload-customer': m0013,
  '0014-open-work': m0014,
  '0015-audit-chains': m0015,
  '0016-documents-out': m0016,
  '0017-search': m0017,
  '0018-process-heartbeats': m0018,
  '0019-screen-indexes': m0019,
  '0020-insight-records': m0020,
  '0022-improvements': m0022,
  '0023-imports': m0023,
  '0024-insight-facts': m0024,
  '0025-insight-panels': m0025,
  '0026-insight-month-totals': m0026,
  '0027-audit-keys': m0027,
  '0028-sessions-and-sso': m0028,
  '0029-access': m0029,
  '0030-privacy': m0030,
  '0031-team-counts': m0031,
  '0032-second-factor': m0032,
  '0033-insight-rollups': m0033,
  '0034-audit-user-chains': m0034,
  '0035-insight-owner-totals': m0035,
  '0036-audit-customer-events': m0036,
};

function forDialect(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: AnyDb) => m.up(db, dialect) }]),
  );
}

export interface MigrateResult {
  /** Names of the migrations this call ran, in order (empty when already up to date). */
  ran: string[];
}

/** Every migration's name, oldest first: a schema version is the name of the last one applied. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** The last migration applied to this database, or undefined when it has none (no tables yet). */
export async function schemaVersion(db: Db): Promise<string | undefined> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => forDialect(db.dialect) },
  });
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined);
  return applied.at(-1)?.name;
}

/** Brings the schema to the latest version; safe to call on every start and from several processes at once. */
export async function migrate(db: Db): Promise<MigrateResult> {
  return migrateTo(db, undefined);
}

/** Brings the schema up to `target` (a name in MIGRATION_NAMES), or to the latest when undefined. */
export async function migrateTo(db: Db, target: string | undefined): Promise<MigrateResult> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => forDialect(db.dialect) },
  });
  const { error, results }: MigrationResultSet =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
  return { ran: (results ?? []).map((r) => r.migrationName) };
}
