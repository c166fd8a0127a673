/**
 * Makes a letter a document on the complaint: rendered once (PDF and plain text), stored with its hash, put
 * on the complaint's trail, and — for a customer who prefers post or has no email address — queued for print.
 * A job that runs again finds the letter it made (by `sourceKey`) and never renders a second, different one:
 * what was sent is what is stored.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import {
  type Delivery,
  type DocumentSummary,
  findDocumentBySource,
  insertDocumentOnce,
} from '../db/documents.ts';
import { newId } from '../db/ids.ts';
import { findUserByEmail, findUserById } from '../db/users.ts';
import {
  type LetterFacts,
  type LetterInput,
  type RenderedLetter,
  renderLetter,
} from '../documents/letters/index.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import { jobTitleOf } from '../domain/staff.ts';
import type { LocalDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';

export interface LetterToIssue {
  complaint: Complaint;
  customer: Customer;
  facts: LetterFacts;
  /** What the letter is for; one letter per key, ever. */
  sourceKey: string;
  /** The letter's date. */
  date: LocalDate;
  /** The staff member named as handling the complaint; null signs it from the team. */
  handlerId: string | null;
  delivery: Delivery;
}

/** The document key of an ADR letter: one document per letter the domain issued. */
export function adrLetterSourceKey(letterId: string): string {
  return `adr-letter:${letterId}`;
}

/**
 * The person named at the foot of the letter (REGULATORY item 11): the handler by name and role; for a
 * complaint nobody handles yet (a time-limit letter while it waits in a queue), the director the procedure
 * names as responsible; the complaints team only when neither exists.
 */
const active = <U extends { active: boolean }>(user: U | undefined) => (user?.active ? user : undefined);

export async function signatory(ctx: AppContext, handlerId: string | null) {
  const db = ctx.db.kysely;
  const responsible = ctx.procedure.routing.responsibleDirector;
  const user =
    (handlerId ? await findUserById(db, handlerId) : undefined) ??
    (responsible ? active((await findUserByEmail(db, responsible))?.user) : undefined);
  if (!user) return { name: 'The Complaints Team', jobTitle: ctx.procedure.company.tradingName };
  return { name: user.name, jobTitle: jobTitleOf(user.roles) };
}

/** What the renderer is given for a letter: what it is, to whom, from whom. Previews render the same. */
export async function letterInput(
  ctx: AppContext,
  letter: Pick<LetterToIssue, 'complaint' | 'customer' | 'facts' | 'date' | 'handlerId'>,
): Promise<LetterInput> {
  const { complaint, customer } = letter;
  return {
    procedure: ctx.procedure,
    reference: complaint.reference,
    date: letter.date,
    customer: { name: customer.name, addressLines: customer.addressLines, postcode: customer.postcode },
    handler: await signatory(ctx, letter.handlerId),
    largePrint: customer.needs.largePrint,
    facts: letter.facts,
  };
}

/** Renders a letter in the context's render threads when it has them, else in this thread. */
export function renderWith(ctx: AppContext, input: LetterInput): Promise<RenderedLetter> {
  return ctx.letters ? ctx.letters.render(input) : renderLetter(input);
}

/** Issues the letter, or returns the one already issued for `sourceKey`. */
export async function issueLetter(ctx: AppContext, letter: LetterToIssue): Promise<DocumentSummary> {
  const db = ctx.db.kysely;
  const existing = await findDocumentBySource(db, letter.sourceKey);
  if (existing) return existing;
  const { complaint, customer } = letter;
  const rendered = await renderWith(ctx, await letterInput(ctx, letter));
  const at = ctx.now().toISOString();
  const id = newId(ctx.now().getTime());
  // Durable in the store before the row that names it commits; a letter that lost the race below leaves
  // bytes nobody names, which is harmless (and a retry of the same letter would be the same name).
  const blob = await ctx.documents.put(rendered.pdf);
  return transaction(ctx.db, async (trx) => {
    const stored = await insertDocumentOnce(trx, {
      id,
      complaintId: complaint.id,
      sourceKey: letter.sourceKey,
      kind: rendered.kind,
      title: rendered.title,
      filename: rendered.filename,
      contentType: 'application/pdf',
      blob,
      text: rendered.text,
      largePrint: customer.needs.largePrint,
      pages: rendered.pages,
      issuedOn: letter.date,
      delivery: letter.delivery,
      createdAt: at,
    });
    // Another worker stored it first: its letter is the one, and it wrote the trail.
    if (stored.id !== id) return stored;
    await appendAuditEvent(trx, {
      complaintId: complaint.id,
      type: 'letter-issued',
      actor: 'system',
      at,
      payload: {
        documentId: stored.id,
        kind: stored.kind,
        title: stored.title,
        delivery: stored.delivery,
        largePrint: stored.largePrint,
        sha256: stored.sha256,
      },
    });
    ctx.logger.info(
      { reference: complaint.reference, letter: stored.kind, delivery: stored.delivery },
      stored.delivery === 'post' ? 'letter issued: queued for print and post' : 'letter issued',
    );
    return stored;
  });
}
