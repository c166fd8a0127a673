/**
 * Files people send us: those that came with an inbound email, and those a customer uploaded in the portal.
 * Their bytes live in the document store, named by the row's sha256 (0016); rows older than that hold them
 * in `content` until moved out. This is the one module that reads those bytes for a row.
 */
import type { Selectable } from 'kysely';
import { contentOf, type DocumentStore, type StoredBlob } from '../storage/document-store.ts';
import type { Executor } from './database.ts';
import { IN_STORE } from './documents.ts';
import type { EmailAttachmentsTable, UploadsTable } from './schema.ts';

export interface EmailAttachment {
  id: string;
  emailId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface NewEmailAttachment {
  id: string;
  emailId: string;
  filename: string;
  contentType: string;
  /** The bytes, already put in the document store: the row only names them. */
  blob: StoredBlob;
  createdAt: string;
}

export async function insertEmailAttachment(
  executor: Executor,
  attachment: NewEmailAttachment,
): Promise<void> {
  await executor
    .insertInto('email_attachments')
    .values({
      id: attachment.id,
      email_id: attachment.emailId,
      filename: attachment.filename,
      content_type: attachment.contentType,
      size_bytes: attachment.blob.sizeBytes,
      sha256: attachment.blob.sha256,
      content: IN_STORE,
      created_at: attachment.createdAt,
    })
    .execute();
}

/** The columns an email attachment is read from, without its bytes (also by complaint-view.ts, as JSON). */
export const EMAIL_ATTACHMENT_COLUMNS = [
  'id',
  'email_id',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'created_at',
] as const satisfies readonly (keyof EmailAttachmentsTable)[];

/** An email's attachments, without their content, in the order they were stored. */
export async function listEmailAttachments(executor: Executor, emailId: string): Promise<EmailAttachment[]> {
  const rows = await executor
    .selectFrom('email_attachments')
    .select(EMAIL_ATTACHMENT_COLUMNS)
    .where('email_id', '=', emailId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEmailAttachment);
}

export function toEmailAttachment(
  r: Pick<Selectable<EmailAttachmentsTable>, (typeof EMAIL_ATTACHMENT_COLUMNS)[number]>,
): EmailAttachment {
  return {
    id: r.id,
    emailId: r.email_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

/** The attachments of several emails, with their bytes (the case file), grouped by email. */
export async function listAttachmentsWithContent(
  executor: Executor,
  store: DocumentStore,
  emailIds: readonly string[],
): Promise<Map<string, (EmailAttachment & { content: Buffer })[]>> {
  const byEmail = new Map<string, (EmailAttachment & { content: Buffer })[]>();
  if (emailIds.length === 0) return byEmail;
  const rows = await executor
    .selectFrom('email_attachments')
    .selectAll()
    .where('email_id', 'in', emailIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byEmail.get(r.email_id) ?? [];
    list.push({ ...toEmailAttachment(r), content: await contentOf(store, r.sha256, r.content) });
    byEmail.set(r.email_id, list);
  }
  return byEmail;
}

/** A file the customer uploaded in the portal, without its bytes. */
export interface Upload {
  id: string;
  complaintId: string;
  /** Whose complaint it is: only they may download it in the portal. */
  customerId: string;
  /** The member of staff who sent it to the customer with a reply; null when the customer uploaded it. */
  sentBy: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface NewUpload {
  id: string;
  complaintId: string;
  customerId: string;
  sentBy?: string | null | undefined;
  filename: string;
  contentType: string;
  /** The bytes, already put in the document store: the row only names them. */
  blob: StoredBlob;
  createdAt: string;
}

/** Stores an upload, inside the caller's transaction, and returns what was stored (with its sha256). */
export async function insertUpload(executor: Executor, upload: NewUpload): Promise<Upload> {
  const stored: Upload = {
    id: upload.id,
    complaintId: upload.complaintId,
    customerId: upload.customerId,
    sentBy: upload.sentBy ?? null,
    filename: upload.filename,
    contentType: upload.contentType,
    sizeBytes: upload.blob.sizeBytes,
    sha256: upload.blob.sha256,
    createdAt: upload.createdAt,
  };
  await executor
    .insertInto('uploads')
    .values({
      id: stored.id,
      complaint_id: stored.complaintId,
      customer_id: stored.customerId,
      sent_by: stored.sentBy,
      filename: stored.filename,
      content_type: stored.contentType,
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      content: IN_STORE,
      created_at: stored.createdAt,
    })
    .execute();
  return stored;
}

/** The columns an upload is read from, without its bytes (also by complaint-view.ts, as JSON). */
export const UPLOAD_COLUMNS = [
  'id',
  'complaint_id',
  'customer_id',
  'sent_by',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'created_at',
] as const satisfies readonly (keyof UploadsTable)[];

export function toUpload(r: Pick<Selectable<UploadsTable>, (typeof UPLOAD_COLUMNS)[number]>): Upload {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    customerId: r.customer_id,
    sentBy: r.sent_by,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

/** A complaint's uploads, without their bytes, oldest first. */
export async function listUploads(executor: Executor, complaintId: string): Promise<Upload[]> {
  const rows = await executor
    .selectFrom('uploads')
    .select([...UPLOAD_COLUMNS])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toUpload);
}

/** These files of a complaint, with their bytes, in the order given (a reply's, to attach to its email). */
export async function listUploadsByIds(
  executor: Executor,
  store: DocumentStore,
  complaintId: string,
  ids: readonly string[],
): Promise<(Upload & { content: Buffer })[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .selectFrom('uploads')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const files: (Upload & { content: Buffer })[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) files.push({ ...toUpload(r), content: await contentOf(store, r.sha256, r.content) });
  }
  return files;
}

/** A complaint's uploads with their bytes (the case file), oldest first. */
export async function listUploadsWithContent(
  executor: Executor,
  store: DocumentStore,
  complaintId: string,
): Promise<(Upload & { content: Buffer })[]> {
  const rows = await executor
    .selectFrom('uploads')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files: (Upload & { content: Buffer })[] = [];
  for (const r of rows) files.push({ ...toUpload(r), content: await contentOf(store, r.sha256, r.content) });
  return files;
}

/** The email attachments of a complaint's emails, without their bytes, oldest first. */
export async function listComplaintEmailAttachments(
  executor: Executor,
  complaintId: string,
): Promise<EmailAttachment[]> {
  const rows = await executor
    .selectFrom('email_attachments')
    .innerJoin('emails', 'emails.id', 'email_attachments.email_id')
    .select(EMAIL_ATTACHMENT_COLUMNS.map((c) => `email_attachments.${c}` as const))
    .where('emails.complaint_id', '=', complaintId)
    .orderBy('email_attachments.created_at')
    .orderBy('email_attachments.id')
    .execute();
  return rows.map(toEmailAttachment);
}

/** One stored file, either kind, with its bytes: what a download serves. */
export type StoredFile = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
} & ({ source: 'email'; emailId: string } | { source: 'upload'; complaintId: string; customerId: string });

/** The file with this id, an email attachment or an upload (ids are unique across both), or undefined. */
export async function findStoredFile(
  executor: Executor,
  store: DocumentStore,
  id: string,
): Promise<StoredFile | undefined> {
  const upload = await executor.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (upload) {
    const content = await contentOf(store, upload.sha256, upload.content);
    return { ...toUpload(upload), source: 'upload', content };
  }
  const attachment = await executor
    .selectFrom('email_attachments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (attachment) {
    const content = await contentOf(store, attachment.sha256, attachment.content);
    return { ...toEmailAttachment(attachment), source: 'email', content };
  }
  return undefined;
}
