/** The interaction log kept beside a complaint: contacts with the customer and internal notes. */

import type { Selectable } from 'kysely';
import type { Direction } from '../domain/commands.ts';
import type { Channel } from '../domain/complaint.ts';
import type { Executor } from './database.ts';
import type { ContactsTable, NotesTable } from './schema.ts';
import { fromSqlBool, toSqlBool } from './values.ts';

export interface Contact {
  id: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  occurredAt: string;
  recordedBy: string | null;
  /** Whether the portal shows the summary to the customer. */
  visibleToCustomer: boolean;
}

export interface Note {
  id: string;
  text: string;
  authorId: string | null;
  createdAt: string;
}

/** The columns a contact is read from (also by complaint-view.ts, as JSON). */
export const CONTACT_COLUMNS = [
  'id',
  'channel',
  'direction',
  'summary',
  'occurred_at',
  'recorded_by',
  'visible_to_customer',
] as const satisfies readonly (keyof ContactsTable)[];

/** The columns a note is read from (also by complaint-view.ts, as JSON). */
export const NOTE_COLUMNS = [
  'id',
  'text',
  'author_id',
  'created_at',
] as const satisfies readonly (keyof NotesTable)[];

export function toContact(r: Pick<Selectable<ContactsTable>, (typeof CONTACT_COLUMNS)[number]>): Contact {
  return {
    id: r.id,
    channel: r.channel as Channel,
    direction: r.direction as Direction,
    summary: r.summary,
    occurredAt: r.occurred_at,
    recordedBy: r.recorded_by,
    visibleToCustomer: fromSqlBool(r.visible_to_customer),
  };
}

export function toNote(r: Pick<Selectable<NotesTable>, (typeof NOTE_COLUMNS)[number]>): Note {
  return { id: r.id, text: r.text, authorId: r.author_id, createdAt: r.created_at };
}

export async function insertContact(trx: Executor, complaintId: string, contact: Contact, at: string) {
  await trx
    .insertInto('contacts')
    .values({
      id: contact.id,
      complaint_id: complaintId,
      channel: contact.channel,
      direction: contact.direction,
      summary: contact.summary,
      occurred_at: contact.occurredAt,
      recorded_by: contact.recordedBy,
      created_at: at,
      visible_to_customer: toSqlBool(contact.visibleToCustomer),
    })
    .execute();
}

export async function insertNote(trx: Executor, complaintId: string, note: Note) {
  await trx
    .insertInto('notes')
    .values({
      id: note.id,
      complaint_id: complaintId,
      text: note.text,
      author_id: note.authorId,
      created_at: note.createdAt,
    })
    .execute();
}

/** A complaint's contacts, oldest first. */
export async function listContacts(trx: Executor, complaintId: string): Promise<Contact[]> {
  const rows = await trx
    .selectFrom('contacts')
    .select(CONTACT_COLUMNS)
    .where('complaint_id', '=', complaintId)
    .orderBy('occurred_at')
    .execute();
  return rows.map(toContact);
}

export async function listNotes(trx: Executor, complaintId: string): Promise<Note[]> {
  const rows = await trx
    .selectFrom('notes')
    .select(NOTE_COLUMNS)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();
  return rows.map(toNote);
}
