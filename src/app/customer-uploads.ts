/**
 * Files a customer uploads in the portal, with a new complaint or with information they add: checked by the
 * same rules as email attachments (types, extension, bytes, 5 MB each) and, in all, by MAIL_MAX_BYTES as a
 * whole email is — all before anything is written, so a refused file leaves nothing behind. Once accepted,
 * the bytes go to the document store; the rows naming them are written in the transaction of the change they
 * came with, each with an audit event (its sha256 on the trail), which puts it on the complaint's timeline.
 */
import { insertUpload, type Upload } from '../db/attachments.ts';
import { appendAuditEvents } from '../db/audit.ts';
import type { Executor } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { MAX_ATTACHMENTS, sizeInWords } from '../domain/attachments.ts';
import { checkAttachment } from '../domain/sniff-attachment.ts';
import type { StoredBlob } from '../storage/document-store.ts';
import { type AppContext, DEFAULT_UPLOAD_BYTES } from './context.ts';
import { invalidField } from './errors.ts';

/** A file as the customer sent it. */
export interface UploadedFile {
  filename: string;
  /** What the browser said; empty when it did not know. The bytes decide. */
  contentType: string;
  content: Buffer;
}

/** A file that passed the checks, with the type it is stored as, its bytes already in the document store. */
export interface CheckedUpload {
  filename: string;
  contentType: string;
  blob: StoredBlob;
}

/** The name as the customer's computer had it, without any folder, control characters or excess length. */
function plainName(filename: string): string {
  const base = filename.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const name = base.replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return (name || 'file').slice(-255);
}

/**
 * Checks every file, or throws a validation error naming the first refused one (`attachments.2`) in words
 * the customer can act on, before anything is written; then puts the accepted files' bytes in the store.
 */
export async function checkUploads(
  ctx: AppContext,
  files: readonly UploadedFile[],
): Promise<CheckedUpload[]> {
  if (files.length > MAX_ATTACHMENTS) {
    throw invalidField('attachments', `can be at most ${MAX_ATTACHMENTS} files at once`);
  }
  const limit = ctx.maxUploadBytes ?? DEFAULT_UPLOAD_BYTES;
  const total = files.reduce((sum, f) => sum + f.content.length, 0);
  const accepted: { filename: string; contentType: string; content: Buffer }[] = [];
  for (const [i, file] of files.entries()) {
    const filename = plainName(file.filename);
    const verdict = await checkAttachment({ ...file, filename });
    if (!verdict.ok) throw invalidField(`attachments.${i}`, `${filename} ${verdict.reason}`);
    accepted.push({ filename, contentType: verdict.kind.type, content: file.content });
  }
  if (total > limit) {
    throw invalidField(
      'attachments',
      `are ${sizeInWords(total)} in all: you can send at most ${sizeInWords(limit)} at once`,
    );
  }
  const checked: CheckedUpload[] = [];
  for (const file of accepted) {
    const blob = await ctx.documents.put(file.content);
    checked.push({ filename: file.filename, contentType: file.contentType, blob });
  }
  return checked;
}

/** `summary`, saying which files came with it. */
export function withFileNames(summary: string, files: readonly CheckedUpload[]): string {
  if (files.length === 0) return summary;
  const names = files.map((f) => f.filename).join(', ');
  return `${summary} ${files.length === 1 ? 'With a file' : `With ${files.length} files`}: ${names}.`;
}

/** What identifies the files of a request, for its idempotency key: their names, types and hashes. */
export function uploadsFingerprint(files: readonly CheckedUpload[]) {
  return files.map((f) => ({
    filename: f.filename,
    contentType: f.contentType,
    sha256: f.blob.sha256,
  }));
}

/** Ids for files stored now: random after the timestamp, so sorted they keep the files in the order sent. */
export function uploadIds(count: number, now: Date): string[] {
  return Array.from({ length: count }, () => newId(now.getTime())).sort();
}

/**
 * Stores the checked files on the complaint, inside the caller's transaction, each with an audit event: a
 * `file-uploaded` by the customer, or a `file-sent` by the member of staff who sent it with a reply.
 */
export async function storeUploads(
  trx: Executor,
  complaint: { id: string; customerId: string },
  files: readonly CheckedUpload[],
  now: Date,
  sent?: { by: string; ids: readonly string[] },
): Promise<Upload[]> {
  const ids = sent?.ids ?? uploadIds(files.length, now);
  const stored: Upload[] = [];
  for (const [i, file] of files.entries()) {
    stored.push(
      await insertUpload(trx, {
        id: ids[i] as string,
        complaintId: complaint.id,
        customerId: complaint.customerId,
        sentBy: sent?.by ?? null,
        filename: file.filename,
        contentType: file.contentType,
        blob: file.blob,
        createdAt: now.toISOString(),
      }),
    );
  }
  await appendAuditEvents(
    trx,
    stored.map((u) => ({
      complaintId: complaint.id,
      type: sent ? 'file-sent' : 'file-uploaded',
      actor: sent ? sent.by : `customer:${complaint.customerId}`,
      at: now.toISOString(),
      payload: {
        uploadId: u.id,
        filename: u.filename,
        contentType: u.contentType,
        sizeBytes: u.sizeBytes,
        sha256: u.sha256,
      },
    })),
  );
  return stored;
}
