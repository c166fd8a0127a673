/**
 * A signed checkpoint of the audit trail: every changed chain is anchored first, then the newest anchor's
 * hash (which fixes every chain's history up to it), with the time and the previous checkpoint's hash, is
 * signed with the Ed25519 signing key, recorded in the database and appended to the checkpoint file outside
 * it — both in one transaction, the file fsynced before the commit, so a checkpoint missing from either side
 * shows in `audit verify --checkpoints`. Mailing it (AUDIT_CHECKPOINT_MAIL_TO) and POSTing it
 * (AUDIT_CHECKPOINT_URL) are jobs written in the same transaction, retried like any email.
 *
 * Daily at 02:00 UK time (a durable job, one a day however many workers schedule it), and on demand with
 * `redress audit checkpoint`. A checkpoint also records the audit key its process hashes with, so the first
 * one after a key's rotation marks the switch.
 */
import { readFileSync } from 'node:fs';
import { latestAuditAnchor } from '../db/audit-anchors.ts';
import { insertAuditCheckpoint, latestAuditCheckpoint } from '../db/audit-checkpoints.ts';
import { auditKeysOf } from '../db/audit-keys.ts';
import { transaction } from '../db/database.ts';
import { enqueueAll } from '../db/jobs.ts';
import { addDays, londonDate, startOfLondonDay } from '../domain/time.ts';
import {
  appendCheckpointRecords,
  type CheckpointFileRecord,
  type CheckpointRecord,
  GENESIS_CHECKPOINT_HASH,
  loadSigningKey,
  readCheckpointFile,
  type SigningKey,
  signCheckpoint,
  signingKeyRecord,
} from '../storage/audit-checkpoint-file.ts';
import { anchorAuditTrail } from './anchor-audit-trail.ts';
import type { AppContext, AuditCheckpointSettings } from './context.ts';
import { AppError } from './errors.ts';

export const AUDIT_CHECKPOINT_KIND = 'audit-checkpoint';
export const AUDIT_CHECKPOINT_MAIL_KIND = 'audit-checkpoint-mail';
export const AUDIT_CHECKPOINT_POST_KIND = 'audit-checkpoint-post';
const CHECKPOINT_AT_HOUR = 2;

export interface WrittenCheckpoint {
  checkpoint: CheckpointRecord;
  /** Anchors written just before it. */
  anchors: number;
  file: string;
}

/** The settings, or a clear refusal where a process has none (a test harness). */
export function checkpointSettings(ctx: AppContext): AuditCheckpointSettings {
  if (!ctx.auditCheckpoints) throw new AppError('validation', 'audit checkpoints are not configured here');
  return ctx.auditCheckpoints;
}

/** Anchors what changed and writes one signed checkpoint; null when the trail has nothing to anchor yet. */
export async function checkpointAuditTrail(
  ctx: AppContext,
  options: { signingKey?: SigningKey | undefined } = {},
): Promise<WrittenCheckpoint | null> {
  const settings = checkpointSettings(ctx);
  const anchors = await anchorAuditTrail(ctx, { maxAnchors: Number.POSITIVE_INFINITY });
  const key = options.signingKey ?? signingKeyFor(ctx, settings);
  const now = ctx.now();
  const checkpoint = await transaction(ctx.db, async (trx) => {
    const anchor = await latestAuditAnchor(trx);
    if (!anchor) return null;
    const previous = await latestAuditCheckpoint(trx);
    const record = signCheckpoint(
      {
        seq: (previous?.seq ?? 0) + 1,
        at: now.toISOString(),
        anchorSeq: anchor.seq,
        anchorHash: anchor.hash,
        auditKeyId: auditKeysOf(trx)?.current.id ?? null,
        prevHash: previous?.hash ?? GENESIS_CHECKPOINT_HASH,
      },
      key,
    );
    // First, so that of two processes checkpointing at once, the one that loses writes nothing to the file.
    await insertAuditCheckpoint(trx, record);
    await enqueueAll(
      trx,
      [
        ...(settings.mailTo ? [AUDIT_CHECKPOINT_MAIL_KIND] : []),
        ...(settings.url ? [AUDIT_CHECKPOINT_POST_KIND] : []),
      ].map((kind) => ({
        kind,
        payload: { seq: record.seq },
        runAt: now,
        dedupeKey: `${kind}:${record.seq}`,
      })),
      now,
    );
    appendCheckpointRecords(settings.file, [...keyRecordsNeeded(ctx, settings.file, key, now), record]);
    return record;
  });
  if (!checkpoint) return null;
  ctx.logger.info(
    { seq: checkpoint.seq, anchorSeq: checkpoint.anchorSeq, hash: checkpoint.hash, file: settings.file },
    'audit checkpoint written',
  );
  return { checkpoint, anchors: anchors.length, file: settings.file };
}

/** The signing key of the settings, generated on first use (and logged). */
export function signingKeyFor(ctx: AppContext, settings: AuditCheckpointSettings): SigningKey {
  const { key, generated } = loadSigningKey(settings.signingKeyFile);
  if (generated)
    ctx.logger.warn(
      { file: settings.signingKeyFile, keyId: key.id },
      'generated the audit signing key: keep this file apart from the database and its backups',
    );
  return key;
}

/** The public key's record, when the file does not carry it yet. */
export function keyRecordsNeeded(
  ctx: AppContext,
  file: string,
  key: SigningKey,
  now: Date,
): CheckpointFileRecord[] {
  const reading = readCheckpointFile(readIfExists(file), { keysOnly: true });
  if (reading.keys.has(key.id)) return [];
  if (reading.keys.size > 0)
    // Nothing can vouch for it: the verifier will say so. `audit rotate-key --signing` is the way.
    ctx.logger.error(
      { keyId: key.id, file },
      'the signing key changed without a rotation: checkpoints will not verify',
    );
  return [signingKeyRecord(key, now.toISOString(), null)];
}

export function readIfExists(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** When the checkpoint after `now` is due: 02:00 UK time the next day. */
export function nextCheckpointAt(now: Date): Date {
  return new Date(startOfLondonDay(addDays(londonDate(now), 1)).getTime() + CHECKPOINT_AT_HOUR * 3_600_000);
}

/** Makes sure tomorrow's checkpoint is due (one job a day, however many processes ask). */
export async function scheduleAuditCheckpoint(ctx: AppContext, after: Date = ctx.now()): Promise<void> {
  const at = nextCheckpointAt(after);
  await enqueueAll(
    ctx.db.kysely,
    [
      {
        kind: AUDIT_CHECKPOINT_KIND,
        payload: null,
        runAt: at,
        dedupeKey: `${AUDIT_CHECKPOINT_KIND}:${londonDate(at)}`,
      },
    ],
    ctx.now(),
  );
}

/** The daily job: schedules the next, then writes the checkpoint (nothing where checkpoints are not set up). */
export async function runDailyAuditCheckpoint(ctx: AppContext): Promise<void> {
  await scheduleAuditCheckpoint(ctx);
  if (!ctx.auditCheckpoints) return;
  await checkpointAuditTrail(ctx);
}
