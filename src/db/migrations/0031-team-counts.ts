/**
 * The team's open complaints by stage and owner, with the nearest ADR date (`countOpenByOwnerAndStage`, the
 * dashboard's and the workload page's team panel), answered from an index alone. 0014's open-stage index
 * orders the same rows by (stage, owner) but lacks `adr_watch_on`, so each open complaint cost a read of its
 * table row: 1.4 s on both dialects with 100,000 open complaints of a million (issue 12's benchmark,
 * docs/PERFORMANCE.md). This one covers the query.
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex('complaints_open_team_idx')
    .on('complaints')
    .columns(['stage', 'owner_id', 'adr_watch_on'])
    .where(sql<SqlBool>`stage <> 'closed'`)
    .execute();
}
