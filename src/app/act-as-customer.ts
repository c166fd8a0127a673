/**
 * What a customer does in the portal, through the same commands and policies as staff. Each action is also
 * recorded as the customer's own contact (web, in), in the same transaction — with the files they added
 * information with, checked before anything is written (customer-uploads.ts).
 */
import type { Command } from '../domain/commands.ts';
import type { AppContext } from './context.ts';
import {
  type CheckedUpload,
  checkUploads,
  storeUploads,
  type UploadedFile,
  withFileNames,
} from './customer-uploads.ts';
import { issueCommands } from './issue-command.ts';

export type PortalAction =
  | { action: 'respond'; agree: boolean; note?: string | undefined }
  | { action: 'follow-up'; resolved: boolean; note?: string | undefined }
  | { action: 'add-information'; text: string; attachments?: UploadedFile[] | undefined };

function commandsFor(act: PortalAction, files: readonly CheckedUpload[]): Command[] {
  const contact = (summary: string): Command => ({
    type: 'log-contact',
    channel: 'web',
    direction: 'in',
    summary,
  });
  const withNote = (text: string, note?: string) => (note ? `${text} ${note}` : text);
  switch (act.action) {
    case 'respond':
      return [
        { type: 'record-response', outcome: act.agree ? 'agreed' : 'declined', note: act.note },
        contact(
          withNote(
            act.agree ? 'Agreed to the proposal in the portal.' : 'Declined the proposal in the portal.',
            act.note,
          ),
        ),
      ];
    case 'follow-up':
      return [
        { type: 'record-follow-up', outcome: act.resolved ? 'satisfied' : 'not-satisfied', note: act.note },
        contact(
          withNote(
            act.resolved ? 'Said in the portal: resolved.' : 'Said in the portal: not resolved.',
            act.note,
          ),
        ),
      ];
    case 'add-information':
      return [contact(withFileNames(act.text, files))];
    default: {
      const unreachable: never = act;
      return unreachable;
    }
  }
}

/** Carries out the customer's action on their complaint. */
export async function actAsCustomer(
  ctx: AppContext,
  reference: string,
  customerId: string,
  act: PortalAction,
) {
  const files = act.action === 'add-information' ? await checkUploads(ctx, act.attachments ?? []) : [];
  await issueCommands(
    ctx,
    reference,
    commandsFor(act, files),
    { kind: 'customer', customerId },
    files.length
      ? (trx, complaint) => storeUploads(trx, complaint, files, ctx.now()).then(() => {})
      : undefined,
  );
}
