/**
 * Access (issue 13): request counts shared by every process on one database, so that a rate limit holds
 * however many web processes answer.
 *
 * `rate_limit_hits` has one row per limited endpoint and client in each fixed window, counted by one upsert.
 * Its key starts with the window, so housekeeping deletes old windows along the primary key, and the
 * upsert of a window that is still young finds its row the same way.
 *
 * `sign_in_failures` counts failed password sign-ins in a row per email address, known or not (an unknown
 * address is locked out like a known one, so a lockout says nothing of who has an account). The address is
 * kept as its sha256 only: this table must not become a list of the addresses strangers tried.
 *
 * API tokens get an optional expiry and a scope (`full`, `read`, or `commands:a,b`): existing tokens are full.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['window_start', 'key'])
    .execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  // A token may expire, and may be held to reading or to named commands (domain/token-scope.ts).
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();

  // Housekeeping forgets the failures of a day ago.
  await db.schema
    .createIndex('sign_in_failures_last_idx')
    .on('sign_in_failures')
    .column('last_failure_at')
    .execute();
}
