/**
 * Which `redress serve` processes are using this database right now: each keeps one row fresh while it runs
 * and deletes it when it stops. A clock drill (`redress jobs run --until`) moves the clock forward and would
 * send customers letters dated in the future, so it refuses a database with a fresh heartbeat: the live one.
 * A row, not a file lock, so that it works the same on PostgreSQL shared by several hosts.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('process_heartbeats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('beat_at', 'text', (c) => c.notNull())
    .execute();
}
