/**
 * Access (issue 13): request counts shared by every process on one database, so that a rate limit holds
 * however many web processes answer.
 *
 * `rate_limit_hits` has one row per limited endpoint and client in each fixed window, counted by one upsert.
 * Its key starts with the window, so housekeeping deletes old windows along the primary key, and the
 * upsert of a window that is still young finds its row the same way.
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
}
