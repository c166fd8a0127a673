/**
 * Keyed audit hashes and signed checkpoints (issue 13; see db/audit-keys.ts and app/checkpoint-audit-trail.ts).
 *
 * - `audit_events.key_id`, `audit_anchors.key_id`: the fingerprint of the audit key that hashed the row (an
 *   HMAC-SHA256), never the key. NULL for rows written before this migration: they keep their plain sha256
 *   and verify as they are, and the first checkpoint after the upgrade seals them. A nullable column is
 *   instant on both dialects and no row is rewritten (re-hashing history would bless any earlier tampering).
 * - `audit_checkpoints`: every signed checkpoint of the anchors' head, as also appended to the checkpoint file
 *   outside the database, so a checkpoint missing from either side shows.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const count = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema.alterTable('audit_events').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_anchors').addColumn('key_id', 'text').execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('seq', count, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('anchor_seq', count, (c) => c.notNull())
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    .addColumn('audit_key_id', 'text')
    .addColumn('signing_key_id', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
}
