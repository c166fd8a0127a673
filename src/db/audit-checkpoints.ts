/** The signed checkpoints of the audit trail, as recorded in the database (see app/checkpoint-audit-trail.ts). */
import type { CheckpointRecord } from '../storage/audit-checkpoint-file.ts';
import type { Executor } from './database.ts';
import type { AuditCheckpointsTable } from './schema.ts';

type Row = AuditCheckpointsTable;

const toRecord = (r: Row): CheckpointRecord => ({
  type: 'checkpoint',
  seq: Number(r.seq),
  at: r.at,
  anchorSeq: Number(r.anchor_seq),
  anchorHash: r.anchor_hash,
  auditKeyId: r.audit_key_id,
  signingKeyId: r.signing_key_id,
  prevHash: r.prev_hash,
  hash: r.hash,
  signature: r.signature,
});

/** Records a checkpoint; fails (primary key) when another process recorded one with its `seq` first. */
export async function insertAuditCheckpoint(db: Executor, c: CheckpointRecord): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values({
      seq: c.seq,
      at: c.at,
      anchor_seq: c.anchorSeq,
      anchor_hash: c.anchorHash,
      audit_key_id: c.auditKeyId,
      signing_key_id: c.signingKeyId,
      prev_hash: c.prevHash,
      hash: c.hash,
      signature: c.signature,
    })
    .execute();
}

export async function latestAuditCheckpoint(db: Executor): Promise<CheckpointRecord | null> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function getAuditCheckpoint(db: Executor, seq: number): Promise<CheckpointRecord | null> {
  const row = await db.selectFrom('audit_checkpoints').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Checkpoints after `afterSeq`, oldest first, a page at a time (one a day: a few thousand in ten years). */
export async function listAuditCheckpoints(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<CheckpointRecord[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** An anchor's hash, or null when there is no anchor `seq`. */
export async function anchorHashOf(db: Executor, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_anchors').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}
