/**
 * `redress audit verify --checkpoints FILE`: the audit trail held to the signed checkpoints kept outside the
 * database. It proves that nothing up to the latest checkpoint was changed or removed:
 *
 * - the file itself: every record parses, every signature holds, every signing key after the first was
 *   vouched for by the one before, the checkpoints follow each other with no gap;
 * - the file and the database list the same checkpoints (one missing from either side is reported);
 * - each checkpoint's anchor is in the database with the hash it signed, so the anchors' chain, and through
 *   it every chain head up to the latest checkpoint, is fixed;
 * - every chain and anchor then verifies (db/audit-verify.ts) with the latest checkpoint as its seal.
 *
 * What is found is sorted: **tampering** (anything the checkpoints sealed changed or missing, a forged or
 * altered record) and **truncation after the latest checkpoint** (the newest rows or anchors, written since,
 * missing: which a checkpoint cannot prove were ever there, but the heads and later anchors still show).
 */
import { readFileSync } from 'node:fs';
import { anchorHashOf, listAuditCheckpoints } from '../db/audit-checkpoints.ts';
import { LEGACY_CHAIN } from '../db/audit-hash.ts';
import { type AuditProblem, type AuditVerification, verifyAuditChain } from '../db/audit-verify.ts';
import { type CheckpointRecord, readCheckpointFile } from '../storage/audit-checkpoint-file.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

export interface CheckpointVerification {
  ok: boolean;
  /** Checkpoints in the file (those that verify). */
  checkpoints: number;
  /** The file's first signing key (trusted as the file's own: compare it with a copy kept elsewhere). */
  firstSigningKey: string | null;
  signingKeys: number;
  latest: CheckpointRecord | null;
  /** Something sealed was changed or removed, or a record was forged or altered. */
  tampering: string[];
  /** Rows or anchors written after the latest checkpoint are missing. */
  truncation: string[];
  /** Anchors written after the latest checkpoint (not sealed yet). */
  unsealedAnchors: number;
  trail: AuditVerification;
}

const PAGE = 500;

export async function verifyAuditCheckpoints(ctx: AppContext, file: string): Promise<CheckpointVerification> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('validation', `cannot read the checkpoint file ${file}: ${(error as Error).message}`);
  }
  const db = ctx.db.kysely;
  const reading = readCheckpointFile(text);
  const tampering = reading.problems.map((p) => `checkpoint file line ${p.line}: ${p.detail}`);
  const truncation: string[] = [];

  const inFile = new Map(reading.checkpoints.map((c) => [c.seq, c]));
  const seen = new Set<number>();
  for (let after = 0; ; ) {
    const page = await listAuditCheckpoints(db, after, PAGE);
    for (const recorded of page) {
      seen.add(recorded.seq);
      const filed = inFile.get(recorded.seq);
      if (!filed)
        tampering.push(`checkpoint ${recorded.seq} is recorded in the database but missing from the file`);
      else if (filed.hash !== recorded.hash)
        tampering.push(`checkpoint ${recorded.seq} differs between the file and the database`);
    }
    if (page.length < PAGE) break;
    after = (page.at(-1) as CheckpointRecord).seq;
  }
  for (const c of reading.checkpoints) {
    if (!seen.has(c.seq)) tampering.push(`checkpoint ${c.seq} of the file is missing from the database`);
    const hash = await anchorHashOf(db, c.anchorSeq);
    if (hash === null) tampering.push(`anchor ${c.anchorSeq}, signed by checkpoint ${c.seq}, is missing`);
    else if (hash !== c.anchorHash)
      tampering.push(
        `anchor ${c.anchorSeq} is not the one checkpoint ${c.seq} signed: the anchors were rewritten`,
      );
  }

  const latest = reading.checkpoints.at(-1) ?? null;
  const trail = await verifyAuditChain(db, {
    seal: latest ? { checkpoint: latest.seq, anchorSeq: latest.anchorSeq } : undefined,
  });
  const isTruncation = (p: AuditProblem) =>
    latest !== null &&
    ((p.kind === 'truncated' && p.chain !== LEGACY_CHAIN) ||
      (p.kind === 'deleted' && p.chain === 'anchors' && (p.seq ?? 0) > latest.anchorSeq));
  for (const p of trail.problems) {
    const line = `chain ${p.chain}${p.seq === null ? '' : ` seq ${p.seq}`}: ${p.kind}: ${p.detail}`;
    (isTruncation(p) ? truncation : tampering).push(line);
  }
  if (trail.problemCount > trail.problems.length)
    tampering.push(`… and ${trail.problemCount - trail.problems.length} more problems in the trail`);
  if (!latest) tampering.push('the checkpoint file holds no checkpoint that verifies');
  const first = reading.keys.keys().next();
  return {
    ok: tampering.length === 0 && truncation.length === 0,
    checkpoints: reading.checkpoints.length,
    firstSigningKey: first.done ? null : first.value,
    signingKeys: reading.keys.size,
    latest,
    tampering,
    truncation,
    unsealedAnchors:
      latest && trail.latestAnchor ? Math.max(0, trail.latestAnchor.seq - latest.anchorSeq) : 0,
    trail,
  };
}
