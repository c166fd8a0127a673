/**
 * The ombudsman case file for one complaint (REGULATORY item 13): everything Redress holds on it — the
 * complaint, the customer, every contact, note, email (with its attachments and letters), every file the
 * customer uploaded, every letter and the audit trail — built into one ZIP. Evidence left out cannot be relied on later, so nothing is filtered.
 * The export itself goes on the complaint's trail, with the hash of what was handed over.
 */

import { listAttachmentsWithContent, listUploadsWithContent } from '../db/attachments.ts';
import { appendAuditEvent, listAuditEvents } from '../db/audit.ts';
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { listDocumentsWithContent } from '../db/documents.ts';
import { listEmailsForComplaint } from '../db/emails.ts';
import { listContacts, listNotes } from '../db/interaction-log.ts';
import { findUsersByIds } from '../db/users.ts';
import { buildCaseFile, type CaseFile } from '../documents/case-file/index.ts';
import type { Actor } from '../domain/actor.ts';
import { sha256Hex } from '../storage/document-store.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

/** Builds the case file; `actor` is who asked (named in it), or the system for the command line. */
export async function exportCaseFile(
  ctx: AppContext,
  input: string,
  actor: Extract<Actor, { kind: 'staff' | 'system' }>,
): Promise<CaseFile> {
  const reference = canonicalReference(ctx.procedure, input);
  const db = ctx.db.kysely;
  const complaint = await findComplaintByReference(db, reference);
  if (!complaint) throw notFound(`complaint ${reference}`);
  const [customer, contacts, notes, audit, emails, letters, uploads] = await Promise.all([
    findCustomer(db, complaint.customerId),
    listContacts(db, complaint.id),
    listNotes(db, complaint.id),
    listAuditEvents(db, complaint.id),
    listEmailsForComplaint(db, complaint.id),
    listDocumentsWithContent(db, ctx.documents, complaint.id),
    listUploadsWithContent(db, ctx.documents, complaint.id),
  ]);
  if (!customer) throw notFound(`customer of complaint ${reference}`);
  const attachments = await listAttachmentsWithContent(
    db,
    ctx.documents,
    emails.map((e) => e.id),
  );
  const staff = await findUsersByIds(db, [
    actor.kind === 'staff' ? actor.id : null,
    complaint.ownerId,
    ...complaint.attempts.flatMap((a) => [
      a.handlerId,
      a.review?.recordedBy ?? null,
      a.proposal?.proposedBy ?? null,
      ...(a.proposal?.steps.flatMap((s) => [s.ownerId, s.completedBy]) ?? []),
    ]),
    ...contacts.map((c) => c.recordedBy),
    ...notes.map((n) => n.authorId),
    ...audit.map((e) => e.actor),
    ...letters.map((l) => l.postedBy),
  ]);
  const by = actor.kind === 'staff' ? (staff.get(actor.id)?.name ?? actor.id) : 'Redress command line';
  const now = ctx.now();
  const file = await buildCaseFile({
    procedure: ctx.procedure,
    generatedAt: now.toISOString(),
    generatedBy: by,
    complaint,
    customer,
    staff: Object.fromEntries([...staff].map(([id, user]) => [id, user.name])),
    contacts,
    notes,
    audit,
    emails: emails.map((e) => ({ ...e, attachments: attachments.get(e.id) ?? [], letterId: e.documentId })),
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      filename: l.filename,
      issuedOn: l.issuedOn,
      createdAt: l.createdAt,
      sha256: l.sha256,
      content: l.content,
      text: l.text,
      printStatus: l.printStatus,
      postedAt: l.postedAt,
    })),
    uploads,
  });
  await appendAuditEvent(db, {
    complaintId: complaint.id,
    type: 'case-file-exported',
    actor: actor.kind === 'staff' ? actor.id : 'system',
    at: now.toISOString(),
    payload: { filename: file.filename, sha256: sha256Hex(file.zip), sizeBytes: file.zip.length },
  });
  return file;
}
