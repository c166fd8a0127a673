/**
 * `complaint.json`: the machine-readable half of the case file. Its schema validates the complaint and the
 * customer in full, so what a reader parses back is exactly the complaint data it was written from.
 */
import { z } from 'zod';
import { describeIssues } from '../../config/load.ts';
import { procedureSchema } from '../../config/schema.ts';
import type { EmailStatus } from '../../db/emails.ts';
import {
  complaintSchema,
  contactSchema,
  customerSchema,
  enumOf,
  instant,
  localDate,
  noteSchema,
} from './domain-schema.ts';
import type { Placement } from './paths.ts';
import type { CaseFileInput, CaseFileJson, ManifestEntry } from './types.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const file = z.string().min(1);

export const caseFileJsonSchema = z.strictObject({
  format: z.literal('redress-case-file'),
  version: z.literal(1),
  generatedAt: instant,
  generatedBy: z.string(),
  company: procedureSchema.shape.company,
  scheme: procedureSchema.shape.adrScheme,
  complaint: complaintSchema,
  customer: customerSchema,
  staff: z.record(z.string(), z.string()),
  contacts: z.array(contactSchema),
  notes: z.array(noteSchema),
  auditTrail: z.array(
    z.strictObject({
      seq: z.number().int(),
      id: z.string(),
      type: z.string(),
      actor: z.string().nullable(),
      at: instant,
      payload: z.unknown(),
    }),
  ),
  emails: z.array(
    z.strictObject({
      id: z.string(),
      direction: enumOf<'in' | 'out'>({ in: 'in', out: 'out' }),
      kind: z.string(),
      status: enumOf<EmailStatus>({
        queued: 'queued',
        sent: 'sent',
        failed: 'failed',
        received: 'received',
        ignored: 'ignored',
        rejected: 'rejected',
      }),
      messageId: z.string(),
      inReplyTo: z.string().nullable(),
      references: z.array(z.string()),
      from: z.string(),
      to: z.string(),
      subject: z.string(),
      createdAt: instant,
      sentAt: instant.nullable(),
      note: z.string().nullable(),
      lastError: z.string().nullable(),
      letterId: z.string().nullable(),
      file,
      attachments: z.array(
        z.strictObject({
          filename: z.string(),
          contentType: z.string(),
          sizeBytes: z.number().int().nonnegative(),
          sha256,
          file,
        }),
      ),
    }),
  ),
  letters: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      issuedOn: localDate,
      createdAt: instant,
      sha256,
      file,
      textFile: file,
      printStatus: z.enum(['queued', 'posted']).nullable(),
      postedAt: instant.nullable(),
    }),
  ),
  uploads: z.array(
    z.strictObject({
      id: z.string(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      sha256,
      uploadedAt: instant,
      /** The member of staff who sent it with a reply; null: the customer uploaded it. */
      sentBy: z.string().nullable(),
      file,
    }),
  ),
  files: z.array(z.strictObject({ path: file, sha256, sizeBytes: z.number().int().nonnegative() })),
}) satisfies z.ZodType<CaseFileJson>;

/** A `complaint.json` that does not read back: every problem with the path where it is. */
export class CaseFileJsonError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`not a valid Redress case file: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'CaseFileJsonError';
  }
}

/** Reads a parsed `complaint.json` back into the case file's data; throws CaseFileJsonError when it is not one. */
export function parseCaseFileJson(value: unknown): CaseFileJson {
  const parsed = caseFileJsonSchema.safeParse(value);
  if (!parsed.success) throw new CaseFileJsonError(describeIssues(parsed.error.issues));
  return parsed.data;
}

/** The JSON of a case file, given where everything was placed and the manifest of the other files. */
export function caseFileJson(
  input: CaseFileInput,
  placement: Placement,
  files: ManifestEntry[],
): CaseFileJson {
  return {
    format: 'redress-case-file',
    version: 1,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    company: input.procedure.company,
    scheme: input.procedure.adrScheme,
    complaint: input.complaint,
    customer: input.customer,
    staff: input.staff,
    contacts: input.contacts,
    notes: input.notes,
    auditTrail: input.audit.map(({ seq, id, type, actor, at, payload }) => ({
      seq,
      id,
      type,
      actor,
      at,
      payload,
    })),
    emails: placement.emails.map(({ email, path, attachments }) => ({
      id: email.id,
      direction: email.direction,
      kind: email.kind,
      status: email.status,
      messageId: email.messageId,
      inReplyTo: email.inReplyTo,
      references: email.references,
      from: email.from,
      to: email.to,
      subject: email.subject,
      createdAt: email.createdAt,
      sentAt: email.sentAt,
      note: email.note,
      lastError: email.lastError,
      letterId: email.letterId,
      file: path,
      attachments: attachments.map(({ attachment, path: attachmentPath }) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        file: attachmentPath,
      })),
    })),
    letters: placement.letters.map(({ letter, pdfPath, textPath }) => ({
      id: letter.id,
      kind: letter.kind,
      title: letter.title,
      issuedOn: letter.issuedOn,
      createdAt: letter.createdAt,
      sha256: letter.sha256,
      file: pdfPath,
      textFile: textPath,
      printStatus: letter.printStatus,
      postedAt: letter.postedAt,
    })),
    uploads: placement.uploads.map(({ upload, path }) => ({
      id: upload.id,
      filename: upload.filename,
      contentType: upload.contentType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      uploadedAt: upload.createdAt,
      sentBy: upload.sentBy,
      file: path,
    })),
    files,
  };
}
