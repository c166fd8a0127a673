/**
 * Subject access (UK GDPR article 15): everything Redress holds about one person as a ZIP — their customer
 * record (and the records merged into it), every complaint of theirs with its state and timeline, contacts,
 * notes, emails both ways, letters, attachments and uploads byte for byte, the satisfaction survey, portal
 * sign-ins, and the audit entries about them. The ZIP is streamed: the records are read first (text), then
 * each document is fetched from the store and written out one at a time, so memory stays flat however many
 * documents there are. The export goes on the audit trail (system chain) before the first byte leaves.
 */
import type { Readable } from 'node:stream';
import { findStoredFile, listComplaintEmailAttachments, listUploads } from '../db/attachments.ts';
import { appendAuditEvent, listAuditEvents } from '../db/audit.ts';
import { findComplaintById } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { findDocument, listDocuments } from '../db/documents.ts';
import { listEmailsForComplaint } from '../db/emails.ts';
import { listContacts, listNotes } from '../db/interaction-log.ts';
import {
  listComplaintIdsOfCustomer,
  listCustomersMergedInto,
  listEmailsOfCustomerOutsideComplaints,
  listPortalSignIns,
  listSystemAuditEventsAbout,
} from '../db/personal-data.ts';
import { findSurvey } from '../db/satisfaction.ts';
import { zipStream } from '../documents/subject-access/zip-stream.ts';
import type { Actor } from '../domain/actor.ts';
import { sha256Hex } from '../storage/document-store.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { auditActor } from './record-decision.ts';

export interface PersonalDataExport {
  filename: string;
  /** The ZIP's bytes as they are made; ends with an error if a document cannot be read. */
  stream: Readable;
  /** Complaints and documents in it (for the command line's message). */
  complaints: number;
  documents: number;
}

/** A file of the export whose bytes are fetched only when it is written. */
type Entry = { path: string; bytes: () => Promise<Buffer> };

const json = (value: unknown) => async () => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** `12-Oct bill.pdf`: an id first keeps names unique; nothing that could climb out of the folder. */
function fileName(id: string, name: string): string {
  const safe =
    name
      .split(/[/\\]/)
      .pop()
      ?.replace(/[^\p{L}\p{N} ._()-]/gu, '_')
      .replace(/^\.+/, '') || 'file';
  return `${id}-${safe}`;
}

/** Starts the export of customer `customerId`; `actor` is who asked (staff, or the system for the CLI). */
export async function exportPersonalData(
  ctx: AppContext,
  customerId: string,
  actor: Extract<Actor, { kind: 'staff' | 'system' }>,
): Promise<PersonalDataExport> {
  const db = ctx.db.kysely;
  const customer = await findCustomer(db, customerId);
  if (!customer) throw notFound(`customer ${customerId}`);
  const now = ctx.now();
  const [complaintIds, merged, looseEmails, signIns, systemEvents] = await Promise.all([
    listComplaintIdsOfCustomer(db, customerId),
    listCustomersMergedInto(db, customerId),
    listEmailsOfCustomerOutsideComplaints(db, customerId),
    listPortalSignIns(db, customerId),
    listSystemAuditEventsAbout(db, customerId),
  ]);
  const entries: Entry[] = [
    { path: 'customer.json', bytes: json({ customer, recordsMergedIntoThis: merged }) },
    { path: 'portal-sign-ins.json', bytes: json(signIns) },
    { path: 'emails.json', bytes: json(looseEmails) },
    { path: 'audit.json', bytes: json(systemEvents) },
  ];
  let documents = 0;
  for (const { id } of complaintIds) {
    const complaint = await findComplaintById(db, id);
    if (!complaint) continue;
    const [timeline, contacts, notes, emails, attachments, letters, uploads, survey] = await Promise.all([
      listAuditEvents(db, id),
      listContacts(db, id),
      listNotes(db, id),
      listEmailsForComplaint(db, id),
      listComplaintEmailAttachments(db, id),
      listDocuments(db, id),
      listUploads(db, id),
      findSurvey(db, id),
    ]);
    const folder = `complaints/${complaint.reference}`;
    entries.push(
      { path: `${folder}/complaint.json`, bytes: json(complaint) },
      { path: `${folder}/timeline.json`, bytes: json(timeline) },
      { path: `${folder}/contacts.json`, bytes: json(contacts) },
      { path: `${folder}/notes.json`, bytes: json(notes) },
      {
        path: `${folder}/emails.json`,
        bytes: json(
          emails.map((e) => ({ ...e, attachments: attachments.filter((a) => a.emailId === e.id) })),
        ),
      },
      { path: `${folder}/letters.json`, bytes: json(letters) },
      { path: `${folder}/uploads.json`, bytes: json(uploads) },
      { path: `${folder}/survey.json`, bytes: json(survey ?? null) },
    );
    for (const letter of letters) {
      // One read of the letter for its two entries (written one after the other), let go after the second.
      let loading: ReturnType<typeof findDocument> | undefined;
      const load = async () => {
        loading ??= findDocument(db, ctx.documents, id, letter.id);
        const stored = await loading;
        if (!stored) throw notFound(`letter ${letter.id}`);
        return stored;
      };
      entries.push(
        {
          path: `${folder}/letters/${fileName(letter.id, letter.filename)}`,
          bytes: async () => (await load()).content,
        },
        {
          path: `${folder}/letters/${fileName(letter.id, letter.filename.replace(/\.pdf$/i, ''))}.txt`,
          bytes: async () => {
            const { text } = await load();
            loading = undefined;
            return Buffer.from(text, 'utf8');
          },
        },
      );
    }
    for (const file of [...attachments, ...uploads]) {
      const kind = 'emailId' in file ? 'attachments' : 'uploads';
      entries.push({
        path: `${folder}/${kind}/${fileName(file.id, file.filename)}`,
        bytes: async () => {
          const stored = await findStoredFile(db, ctx.documents, file.id);
          if (!stored) throw notFound(`file ${file.id}`);
          return stored.content;
        },
      });
    }
    documents += letters.length + attachments.length + uploads.length;
  }

  await appendAuditEvent(db, {
    complaintId: null,
    type: 'personal-data-exported',
    actor: auditActor(actor),
    at: now.toISOString(),
    payload: {
      customerId,
      complaints: complaintIds.map((c) => c.reference),
      files: entries.length + 1,
      documents,
    },
  });

  const zip = zipStream(now);
  const write = async () => {
    const manifest: { path: string; sha256: string; sizeBytes: number }[] = [];
    for (const entry of entries) {
      if (zip.stream.destroyed) return;
      const bytes = await entry.bytes();
      manifest.push({ path: entry.path, sha256: sha256Hex(bytes), sizeBytes: bytes.length });
      await zip.add(entry.path, bytes);
    }
    const readme = {
      about: `Everything ${ctx.procedure.company.name} holds about customer ${customerId}, exported ${now.toISOString()} (UK GDPR subject access).`,
      files: manifest,
    };
    await zip.add('manifest.json', Buffer.from(`${JSON.stringify(readme, null, 2)}\n`, 'utf8'));
    zip.finish();
  };
  write().catch((error: unknown) => {
    ctx.logger.error({ customerId, err: error }, 'personal data export failed');
    zip.fail(error as Error);
  });
  return {
    filename: `personal-data-${customerId}.zip`,
    stream: zip.stream,
    complaints: complaintIds.length,
    documents,
  };
}
