/**
 * Sends a signed audit checkpoint elsewhere, so a copy is out of reach of whoever can change this host:
 * by email to AUDIT_CHECKPOINT_MAIL_TO and as a JSON POST to AUDIT_CHECKPOINT_URL. Jobs written with the
 * checkpoint (app/checkpoint-audit-trail.ts); each throws when not delivered, and then the job retries.
 * What is sent is the checkpoint's line of the file and the public key that signs it.
 */
import { getAuditCheckpoint } from '../db/audit-checkpoints.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { deliver } from '../mail/outbound/transport.ts';
import { type CheckpointRecord, readCheckpointFile } from '../storage/audit-checkpoint-file.ts';
import { checkpointSettings, readIfExists } from './checkpoint-audit-trail.ts';
import type { AppContext } from './context.ts';
import type { OutboxJob } from './send-customer-email.ts';
import { fromAddress } from './send-customer-email.ts';

const POST_TIMEOUT_MS = 10_000;

async function checkpointOf(ctx: AppContext, payload: unknown) {
  const seq = Number((payload as { seq?: unknown } | null)?.seq);
  const checkpoint = await getAuditCheckpoint(ctx.db.kysely, seq);
  if (!checkpoint) throw new Error(`audit checkpoint ${seq} is not in the database`);
  const settings = checkpointSettings(ctx);
  const publicKey =
    readCheckpointFile(readIfExists(settings.file), { keysOnly: true }).keys.get(checkpoint.signingKeyId)
      ?.publicKey ?? null;
  return { checkpoint, publicKey, settings };
}

/** The body sent: the checkpoint as in the file, and its signer's public key (SPKI DER, base64). */
export function checkpointMessage(checkpoint: CheckpointRecord, publicKey: string | null) {
  return { redress: 'audit-checkpoint' as const, checkpoint, publicKey };
}

/** The mail job. */
export async function mailAuditCheckpoint(ctx: AppContext, job: OutboxJob, payload: unknown): Promise<void> {
  const { checkpoint, publicKey, settings } = await checkpointOf(ctx, payload);
  if (!settings.mailTo) return;
  const from = fromAddress(ctx);
  const delivery = await deliver(ctx.mail ?? {}, {
    messageId: outboxMessageId(job.id, from),
    from,
    to: settings.mailTo,
    replyTo: from,
    subject: `Redress audit checkpoint ${checkpoint.seq} (${checkpoint.at})`,
    inReplyTo: null,
    references: [],
    text:
      'A signed checkpoint of the Redress audit trail. Keep this message: `redress audit verify --checkpoints` ' +
      'compares the trail with the checkpoint file, and this copy shows whether that file was changed.\n\n' +
      `${JSON.stringify(checkpointMessage(checkpoint, publicKey), null, 2)}\n`,
    html: null,
    date: ctx.now(),
  });
  ctx.logger.info({ seq: checkpoint.seq, via: delivery.via }, 'audit checkpoint mailed');
}

/** The POST job: any 2xx answer delivers it. */
export async function postAuditCheckpoint(ctx: AppContext, payload: unknown): Promise<void> {
  const { checkpoint, publicKey, settings } = await checkpointOf(ctx, payload);
  if (!settings.url) return;
  const answer = await fetch(settings.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(checkpointMessage(checkpoint, publicKey)),
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
  await answer.body?.cancel();
  if (!answer.ok) throw new Error(`the checkpoint URL answered ${answer.status}`);
  ctx.logger.info({ seq: checkpoint.seq, status: answer.status }, 'audit checkpoint posted');
}
