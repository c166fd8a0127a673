/**
 * The seeder's letters after its first batch: each due acknowledgement or customer notification gets the
 * letter and email the first batch's real run produced for the same kind, stored through the app's own
 * repositories (`insertDocumentOnce`, `insertEmail`, `appendAuditEvent`) under the source key the job uses.
 * See bench/seed.ts for why the bytes are reused rather than rendered.
 */
import type { AppContext } from '../src/app/context.ts';
import { appendAuditEvent } from '../src/db/audit.ts';
import type { Executor } from '../src/db/database.ts';
import { findDocument, insertDocumentOnce } from '../src/db/documents.ts';
import { insertEmail } from '../src/db/emails.ts';
import { newId } from '../src/db/ids.ts';
import { londonDate } from '../src/domain/time.ts';
import type { DocumentStore, StoredBlob } from '../src/storage/document-store.ts';

interface Template {
  /** The letter's bytes are already in the document store: copies name the same file. */
  letter?: { kind: string; title: string; filename: string; blob: StoredBlob; text: string; pages: number };
  email?: { subject: string; text: string; html: string | null; from: string };
}

/** By the job's email kind (`acknowledgement`, `adr-letter`, `closed`, …). */
export type LetterTemplates = Map<string, Template>;

/** What the first batch produced, one of each kind. */
export async function readTemplates(db: Executor, store: DocumentStore): Promise<LetterTemplates> {
  const templates: LetterTemplates = new Map();
  const emails = await db
    .selectFrom('emails')
    .select(['kind', 'subject', 'text_body', 'html_body', 'from_address', 'document_id', 'complaint_id'])
    .where('direction', '=', 'out')
    .execute();
  for (const e of emails) {
    if (templates.has(e.kind)) continue;
    const doc =
      e.document_id && e.complaint_id
        ? await findDocument(db, store, e.complaint_id, e.document_id)
        : undefined;
    templates.set(e.kind, {
      email: { subject: e.subject, text: e.text_body, html: e.html_body, from: e.from_address },
      ...(doc && {
        letter: {
          kind: doc.kind,
          title: doc.title,
          filename: doc.filename,
          blob: { sha256: doc.sha256, sizeBytes: doc.sizeBytes },
          text: doc.text,
          pages: doc.pages,
        },
      }),
    });
  }
  return templates;
}

/** Produces the letters and emails of every due acknowledgement and notification job from the templates. */
export async function reuseLetters(ctx: AppContext, templates: LetterTemplates, now: Date): Promise<void> {
  const db = ctx.db.kysely;
  const jobs = await db
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'run_at', 'created_at'])
    .where('status', '=', 'pending')
    .where('kind', 'in', ['acknowledgement', 'notify-customer'])
    .where('run_at', '<=', now.toISOString())
    .execute();
  for (const job of jobs) {
    const payload = JSON.parse(job.payload) as {
      complaintId: string;
      email?: { kind: string; trigger?: string; issuedOn?: string };
    };
    const kind = job.kind === 'acknowledgement' ? 'acknowledgement' : (payload.email?.kind ?? 'unknown');
    const template = templates.get(kind);
    if (!template) continue;
    const at = [job.run_at, job.created_at].sort()[1] ?? job.run_at;
    const complaint = await db
      .selectFrom('complaints')
      .innerJoin('customers', 'customers.id', 'complaints.customer_id')
      .select(['complaints.id', 'complaints.reference', 'customers.id as customerId', 'customers.email'])
      .where('complaints.id', '=', payload.complaintId)
      .executeTakeFirstOrThrow();
    let documentId: string | null = null;
    if (template.letter) {
      const sourceKey = await sourceKeyOf(db, job, kind, payload);
      const stored = await insertDocumentOnce(db, {
        id: newId(Date.parse(at)),
        complaintId: complaint.id,
        sourceKey,
        kind: template.letter.kind,
        title: template.letter.title,
        filename: template.letter.filename.replace(/[A-Z]+-\d+-\d+-[A-Z]/, complaint.reference),
        contentType: 'application/pdf',
        blob: template.letter.blob,
        text: template.letter.text,
        largePrint: false,
        pages: template.letter.pages,
        issuedOn: payload.email?.issuedOn ?? londonDate(new Date(at)),
        delivery: complaint.email ? 'email' : 'post',
        createdAt: at,
      });
      documentId = stored.id;
      await appendAuditEvent(db, {
        complaintId: complaint.id,
        type: 'letter-issued',
        actor: 'system',
        at,
        payload: {
          documentId,
          kind: stored.kind,
          title: stored.title,
          delivery: stored.delivery,
          sha256: stored.sha256,
        },
      });
    }
    if (template.email && complaint.email) {
      await insertEmail(db, {
        id: newId(Date.parse(at)),
        complaintId: complaint.id,
        customerId: complaint.customerId,
        direction: 'out',
        kind,
        status: 'sent',
        messageId: `<${job.id}@seed.redress>`,
        inReplyTo: null,
        references: [],
        from: template.email.from,
        to: complaint.email,
        subject: template.email.subject.replace(/[A-Z]+-\d+-\d+-[A-Z]/, complaint.reference),
        text: template.email.text,
        html: template.email.html,
        note: null,
        sizeBytes: template.email.text.length,
        createdAt: at,
        sentAt: at,
        documentId,
      });
    }
  }
}

/** The key the job would store its letter under: an ADR letter's by the letter (what the ADR audit reads). */
async function sourceKeyOf(
  db: Executor,
  job: { id: string },
  kind: string,
  payload: { complaintId: string; email?: { trigger?: string; issuedOn?: string } },
): Promise<string> {
  if (kind === 'acknowledgement') return `acknowledgement:${payload.complaintId}`;
  if (kind !== 'adr-letter') return `job:${job.id}`;
  const letter = await db
    .selectFrom('adr_letters')
    .select('id')
    .where('complaint_id', '=', payload.complaintId)
    .where('trigger', '=', payload.email?.trigger ?? '')
    .where('issued_on', '=', payload.email?.issuedOn ?? '')
    .executeTakeFirst();
  return letter ? `adr-letter:${letter.id}` : `job:${job.id}`;
}
