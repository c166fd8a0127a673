/**
 * The audit trail becomes a hash chain per complaint (plus one "system" chain for events about no complaint)
 * with periodic anchors, instead of one global chain whose appends all waited on one lock (see db/audit.ts).
 *
 * - `audit_events.chain_seq`: a row's position in its chain (1, 2, …). Rows written before this migration
 *   keep NULL: they stay what they were, one global chain in `seq` order, the "legacy" chain, and verify
 *   exactly as before. Audit rows are never updated, so the migration rewrites none of them (re-chaining would
 *   re-hash history and so bless whatever had been tampered with; it would also rewrite every row of a large
 *   table). Adding a nullable column is instant on both dialects.
 * - `audit_chains`: one row per chain with its head (length, hash). Appends lock this row, so two complaints'
 *   changes never wait for each other. `anchored_length` is how much of the chain the last anchor covered;
 *   the partial index lists exactly the chains changed since, so anchoring never scans the audit trail.
 * - `audit_anchors` (each chained to the one before) and `audit_anchor_heads` (the chain heads it records).
 *
 * The legacy chain gets its `audit_chains` row here (its length and last hash), so the first anchor covers it.
 * Chain ids use bytewise order on PostgreSQL (`collate "C"`, SQLite's default) so an anchor's heads hash in
 * the same order whatever the server's locale.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const pg = dialect === 'postgres';
  const count = pg ? 'bigint' : 'integer';
  const chainId = pg ? sql`text collate "C"` : sql`text`;

  await db.schema.alterTable('audit_events').addColumn('chain_seq', count).execute();

  await db.schema
    .createTable('audit_chains')
    .addColumn('chain_id', chainId, (c) => c.primaryKey())
    .addColumn('length', count, (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('anchored_length', count, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('audit_chains_unanchored_idx')
    .on('audit_chains')
    .column('chain_id')
    .where(sql.ref('length'), '>', sql.ref('anchored_length'))
    .execute();

  await db.schema
    .createTable('audit_anchors')
    .addColumn('seq', count, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('chains', 'integer', (c) => c.notNull())
    .addColumn('heads_hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_anchor_heads')
    .addColumn('anchor_seq', count, (c) => c.notNull())
    .addColumn('chain_id', chainId, (c) => c.notNull())
    .addColumn('length', count, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_anchor_heads_pk', ['anchor_seq', 'chain_id'])
    .execute();
  // The latest anchored head of a chain, for `audit verify`.
  await db.schema
    .createIndex('audit_anchor_heads_chain_idx')
    .on('audit_anchor_heads')
    .columns(['chain_id', 'anchor_seq'])
    .execute();

  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last) {
    const { n } = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await db
      .insertInto('audit_chains')
      .values({ chain_id: 'legacy', length: Number(n), head_hash: last.hash, anchored_length: 0 })
      .execute();
  }
}
