/**
 * Staff write to the customer, with files if they like (a corrected bill, a statement): the files are checked
 * by the same rules as the customer's own, then the reply and its files are recorded in one transaction — the
 * files beside the complaint's others, sent by this member of staff — and the reply's job emails them with
 * it, or the letter for post names them as enclosed.
 */
import type { Actor } from '../domain/actor.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { AppContext } from './context.ts';
import { checkUploads, storeUploads, type UploadedFile, uploadIds } from './customer-uploads.ts';
import { issueCommands } from './issue-command.ts';

export interface Reply {
  subject: string;
  body: string;
  attachments?: readonly UploadedFile[] | undefined;
}

export async function replyToCustomer(
  ctx: AppContext,
  reference: string,
  reply: Reply,
  actor: Extract<Actor, { kind: 'staff' }>,
): Promise<Complaint> {
  const files = await checkUploads(ctx, reply.attachments ?? []);
  const ids = uploadIds(files.length, ctx.now());
  const command = {
    type: 'reply' as const,
    subject: reply.subject,
    body: reply.body,
    files: files.map((f, i) => ({ id: ids[i] as string, filename: f.filename })),
  };
  return issueCommands(
    ctx,
    reference,
    [command],
    actor,
    files.length
      ? (trx, complaint) =>
          storeUploads(trx, complaint, files, ctx.now(), { by: actor.id, ids }).then(() => {})
      : undefined,
  );
}
