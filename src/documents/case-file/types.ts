/**
 * What the case file is built from and what it is made of. The input is everything Redress holds on one
 * complaint, already loaded; building the file does no I/O, so the same input always gives the same bytes.
 */

import type { EmailAttachment, Upload } from '../../db/attachments.ts';
import type { AuditEvent } from '../../db/audit.ts';
import type { Email } from '../../db/emails.ts';
import type { Contact, Note } from '../../db/interaction-log.ts';
import type { Complaint } from '../../domain/complaint.ts';
import type { Customer } from '../../domain/customer.ts';
import type { AdrScheme, Company, Procedure } from '../../domain/procedure.ts';
import type { LocalDate } from '../../domain/time.ts';

export interface CaseFileLetter {
  id: string;
  kind: string;
  title: string;
  filename: string;
  issuedOn: LocalDate;
  createdAt: string;
  sha256: string;
  content: Buffer;
  /** The letter as plain text, written beside the PDF. */
  text: string;
  printStatus: 'queued' | 'posted' | null;
  postedAt: string | null;
}

/** A file that came with an inbound email, with its bytes. */
export interface CaseFileAttachment extends EmailAttachment {
  content: Buffer;
}

/** A file the customer uploaded on the website, with its bytes. */
export interface CaseFileUpload extends Upload {
  content: Buffer;
}

export interface CaseFileEmail extends Email {
  attachments: CaseFileAttachment[];
  /** A letter attached to an outbound email, if any. */
  letterId: string | null;
}

export interface CaseFileInput {
  procedure: Procedure;
  generatedAt: string;
  /** The member of staff who asked for the file, by name. */
  generatedBy: string;
  complaint: Complaint;
  customer: Customer;
  /** Staff user id → display name, to name handlers, owners, authors. */
  staff: Record<string, string>;
  contacts: Contact[];
  notes: Note[];
  audit: AuditEvent[];
  emails: CaseFileEmail[];
  letters: CaseFileLetter[];
  /** Files the customer uploaded on the website, oldest first. */
  uploads: CaseFileUpload[];
}

export interface CaseFile {
  zip: Buffer;
  pdf: Buffer;
  json: CaseFileJson;
  /** The ZIP's name: `MISO-000123-case-file.zip`. */
  filename: string;
}

/** One file in the ZIP, as the manifest lists it. */
export interface ManifestEntry {
  path: string;
  sha256: string;
  sizeBytes: number;
}

export interface CaseFileJsonAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  file: string;
}

export interface CaseFileJsonUpload {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  file: string;
}

export interface CaseFileJsonEmail {
  id: string;
  direction: Email['direction'];
  kind: string;
  status: Email['status'];
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: string;
  to: string;
  subject: string;
  createdAt: string;
  sentAt: string | null;
  /** Why a message was ignored or rejected, or the last sending error: part of the record. */
  note: string | null;
  lastError: string | null;
  letterId: string | null;
  file: string;
  attachments: CaseFileJsonAttachment[];
}

export interface CaseFileJsonLetter {
  id: string;
  kind: string;
  title: string;
  issuedOn: LocalDate;
  createdAt: string;
  sha256: string;
  file: string;
  textFile: string;
  printStatus: 'queued' | 'posted' | null;
  postedAt: string | null;
}

export interface CaseFileJsonAuditEvent {
  seq: number;
  id: string;
  type: string;
  actor: string | null;
  at: string;
  payload: unknown;
}

/** `complaint.json`: the complaint as data, reading back into exactly the objects it was written from. */
export interface CaseFileJson {
  format: 'redress-case-file';
  version: 1;
  generatedAt: string;
  generatedBy: string;
  company: Company;
  scheme: AdrScheme;
  complaint: Complaint;
  customer: Customer;
  /** Staff user id → name, for the ids in the complaint, the log and the audit trail. */
  staff: Record<string, string>;
  contacts: Contact[];
  notes: Note[];
  auditTrail: CaseFileJsonAuditEvent[];
  emails: CaseFileJsonEmail[];
  letters: CaseFileJsonLetter[];
  /** Files the customer uploaded on the website. */
  uploads: CaseFileJsonUpload[];
  /** Every file in the ZIP but `complaint.json` itself, with its hash. */
  files: ManifestEntry[];
}
