/**
 * Letters stored on the complaint (see migration 0006). A letter is inserted once per `source_key`; the
 * content never changes afterwards, only its print status (queued → posted). The bytes live in the document
 * store, named by the row's sha256 (0016); rows older than that hold them in `content` until moved out.
 */
import type { Selectable } from 'kysely';
import { contentOf, type DocumentStore, type StoredBlob } from '../storage/document-store.ts';
import type { Executor } from './database.ts';
import type { DocumentsTable } from './schema.ts';
import { fromSqlBool, toSqlBool } from './values.ts';

export type Delivery = DocumentsTable['delivery'];
export type PrintStatus = NonNullable<DocumentsTable['print_status']>;

/** A stored letter, without its bytes. */
export interface DocumentSummary {
  id: string;
  complaintId: string;
  kind: string;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  largePrint: boolean;
  pages: number;
  issuedOn: string;
  delivery: Delivery;
  printStatus: PrintStatus | null;
  postedAt: string | null;
  postedBy: string | null;
  createdAt: string;
}

export interface StoredDocument extends DocumentSummary {
  content: Buffer;
  text: string;
}

export interface NewDocument {
  id: string;
  complaintId: string;
  sourceKey: string;
  kind: string;
  title: string;
  filename: string;
  contentType: string;
  /** The PDF, already put in the document store: the row only names it. */
  blob: StoredBlob;
  text: string;
  largePrint: boolean;
  pages: number;
  issuedOn: string;
  delivery: Delivery;
  createdAt: string;
}

/** The columns a letter's summary is read from (also by complaint-view.ts, as JSON). */
export const DOCUMENT_COLUMNS = [
  'id',
  'complaint_id',
  'kind',
  'title',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'large_print',
  'pages',
  'issued_on',
  'delivery',
  'print_status',
  'posted_at',
  'posted_by',
  'created_at',
] as const satisfies readonly (keyof DocumentsTable)[];

type SummaryRow = Pick<Selectable<DocumentsTable>, (typeof DOCUMENT_COLUMNS)[number]>;

export function toDocumentSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    title: r.title,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    largePrint: fromSqlBool(r.large_print),
    pages: Number(r.pages),
    issuedOn: r.issued_on,
    delivery: r.delivery,
    printStatus: r.print_status,
    postedAt: r.posted_at,
    postedBy: r.posted_by,
    createdAt: r.created_at,
  };
}

/** What `content` holds once the bytes are in the document store (the column predates the store). */
export const IN_STORE = Buffer.alloc(0);

/**
 * Stores a letter unless one with its `sourceKey` is stored already (a retried job, or two workers racing);
 * either way returns the stored one, so the caller always sends the letter that was kept.
 */
export async function insertDocumentOnce(executor: Executor, doc: NewDocument): Promise<DocumentSummary> {
  await executor
    .insertInto('documents')
    .values({
      id: doc.id,
      complaint_id: doc.complaintId,
      source_key: doc.sourceKey,
      kind: doc.kind,
      title: doc.title,
      filename: doc.filename,
      content_type: doc.contentType,
      size_bytes: doc.blob.sizeBytes,
      sha256: doc.blob.sha256,
      content: IN_STORE,
      text_content: doc.text,
      large_print: toSqlBool(doc.largePrint),
      pages: doc.pages,
      issued_on: doc.issuedOn,
      delivery: doc.delivery,
      print_status: doc.delivery === 'post' ? 'queued' : null,
      posted_at: null,
      posted_by: null,
      created_at: doc.createdAt,
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .execute();
  const stored = await findDocumentBySource(executor, doc.sourceKey);
  if (!stored) throw new Error(`document ${doc.sourceKey} was not stored`);
  return stored;
}

export async function findDocumentBySource(
  executor: Executor,
  sourceKey: string,
): Promise<DocumentSummary | undefined> {
  const row = await executor
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row && toDocumentSummary(row);
}

/** A complaint's letters, oldest first. */
export async function listDocuments(executor: Executor, complaintId: string): Promise<DocumentSummary[]> {
  const rows = await executor
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toDocumentSummary);
}

/** One letter with its bytes and text; scoped to the complaint, so a guessed id never reaches another's. */
export async function findDocument(
  executor: Executor,
  store: DocumentStore,
  complaintId: string,
  id: string,
): Promise<StoredDocument | undefined> {
  const row = await executor
    .selectFrom('documents')
    .select([...DOCUMENT_COLUMNS, 'content', 'text_content'])
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      ...toDocumentSummary(row),
      content: await contentOf(store, row.sha256, row.content),
      text: row.text_content,
    }
  );
}

/** A complaint's letters with their bytes, oldest first (the case file). */
export async function listDocumentsWithContent(
  executor: Executor,
  store: DocumentStore,
  complaintId: string,
): Promise<StoredDocument[]> {
  const rows = await executor
    .selectFrom('documents')
    .select([...DOCUMENT_COLUMNS, 'content', 'text_content'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const letters: StoredDocument[] = [];
  for (const row of rows) {
    letters.push({
      ...toDocumentSummary(row),
      content: await contentOf(store, row.sha256, row.content),
      text: row.text_content,
    });
  }
  return letters;
}

export interface PrintQueueItem extends DocumentSummary {
  reference: string;
  customerName: string;
}

/** Letters waiting to be posted (or posted), oldest first, with the complaint and customer they are for. */
export async function listPrintQueue(
  executor: Executor,
  status: PrintStatus,
  limit: number,
): Promise<PrintQueueItem[]> {
  const rows = await executor
    .selectFrom('documents')
    .innerJoin('complaints', 'complaints.id', 'documents.complaint_id')
    .innerJoin('customers', 'customers.id', 'complaints.customer_id')
    .select(DOCUMENT_COLUMNS.map((c) => `documents.${c}` as const))
    .select(['complaints.reference', 'customers.name as customer_name'])
    .where('documents.print_status', '=', status)
    .orderBy('documents.created_at', status === 'queued' ? 'asc' : 'desc')
    .orderBy('documents.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...toDocumentSummary(r),
    reference: r.reference,
    customerName: r.customer_name,
  }));
}

/**
 * Sends a letter by post after all: it was to go with an email that cannot be sent (failed for good, or the
 * customer no longer takes email). False when it is already queued or posted.
 */
export async function queueDocumentForPost(executor: Executor, id: string): Promise<boolean> {
  const result = await executor
    .updateTable('documents')
    .set({ delivery: 'post', print_status: 'queued' })
    .where('id', '=', id)
    .where('print_status', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a queued letter posted; false when it was not queued (already posted, or sent by email). */
export async function markDocumentPosted(
  executor: Executor,
  id: string,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('documents')
    .set({ print_status: 'posted', posted_at: at, posted_by: by })
    .where('id', '=', id)
    .where('print_status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A letter's complaint and print status, to check a mark-posted request before writing. */
export async function findDocumentById(executor: Executor, id: string): Promise<DocumentSummary | undefined> {
  const row = await executor
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toDocumentSummary(row);
}
