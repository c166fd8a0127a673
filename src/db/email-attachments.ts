/** The files that came with an inbound email, stored in the database so every process can serve them. */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Executor } from './database.ts';
import type { EmailAttachmentsTable } from './schema.ts';

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
  content: Buffer;
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
      size_bytes: attachment.content.length,
      sha256: createHash('sha256').update(attachment.content).digest('hex'),
      content: attachment.content,
      created_at: attachment.createdAt,
    })
    .execute();
}

/** An email's attachments, without their content, in the order they were stored. */
export async function listEmailAttachments(executor: Executor, emailId: string): Promise<EmailAttachment[]> {
  const rows = await executor
    .selectFrom('email_attachments')
    .select(['id', 'email_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'created_at'])
    .where('email_id', '=', emailId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

function toAttachment(
  r: Pick<
    Selectable<EmailAttachmentsTable>,
    'id' | 'email_id' | 'filename' | 'content_type' | 'size_bytes' | 'sha256' | 'created_at'
  >,
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
    list.push({ ...toAttachment(r), content: Buffer.from(r.content) });
    byEmail.set(r.email_id, list);
  }
  return byEmail;
}
