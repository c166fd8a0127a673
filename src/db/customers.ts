/** Customers: stored, found, updated, searched. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Channel, CustomerType } from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import { phoneKey, postcodeKey } from '../domain/customer-match.ts';
import { refreshAdrWatch } from './complaints.ts';
import { dialectOf, type Executor, transaction } from './database.ts';
import { moveInsightCustomer, refreshInsightCustomerType } from './insight.ts';
import type { CustomersTable } from './schema.ts';
import { containsText } from './text-search.ts';
import { fromJsonText, fromSqlBool, toJsonText, toSqlBool } from './values.ts';

function toRow(c: Customer): Insertable<CustomersTable> {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    type: c.type,
    address_lines: toJsonText(c.addressLines),
    postcode: c.postcode,
    needs_large_print: toSqlBool(c.needs.largePrint),
    needs_braille: toSqlBool(c.needs.braille),
    needs_text_relay: toSqlBool(c.needs.textRelay),
    preferred_channel: c.preferredChannel,
    vulnerability_notes: c.vulnerabilityNotes,
    contact_opt_out: toSqlBool(c.contactOptOut),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    merged_into_id: c.merged?.intoId ?? null,
    merged_at: c.merged?.at ?? null,
    phone_key: phoneKey(c.phone),
    postcode_key: postcodeKey(c.postcode),
  };
}

/** The columns a customer is read from (also by complaint-view.ts, as JSON). */
export const CUSTOMER_COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'type',
  'address_lines',
  'postcode',
  'needs_large_print',
  'needs_braille',
  'needs_text_relay',
  'preferred_channel',
  'vulnerability_notes',
  'contact_opt_out',
  'created_at',
  'updated_at',
  'merged_into_id',
  'merged_at',
] as const satisfies readonly (keyof CustomersTable)[];

export function toCustomer(
  row: Pick<Selectable<CustomersTable>, (typeof CUSTOMER_COLUMNS)[number]>,
): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    type: row.type as CustomerType,
    addressLines: fromJsonText(row.address_lines) as string[],
    postcode: row.postcode,
    needs: {
      largePrint: fromSqlBool(row.needs_large_print),
      braille: fromSqlBool(row.needs_braille),
      textRelay: fromSqlBool(row.needs_text_relay),
    },
    preferredChannel: row.preferred_channel as Channel | null,
    vulnerabilityNotes: row.vulnerability_notes,
    contactOptOut: fromSqlBool(row.contact_opt_out),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    merged: row.merged_into_id ? { intoId: row.merged_into_id, at: row.merged_at ?? row.updated_at } : null,
  };
}

export async function insertCustomer(trx: Executor, customer: Customer): Promise<void> {
  await trx.insertInto('customers').values(toRow(customer)).execute();
}

/** Stores many new customers in one statement (an import's batch). */
export async function insertCustomers(trx: Executor, customers: readonly Customer[]): Promise<void> {
  if (customers.length) await trx.insertInto('customers').values(customers.map(toRow)).execute();
}

/**
 * Writes a customer's details. Never whether it was merged: only a merge says that (markCustomerMerged), so an
 * edit made from a read before a merge committed cannot bring the merged record back to life.
 */
export async function updateCustomerRow(executor: Executor, customer: Customer): Promise<void> {
  const { id, created_at, merged_into_id, merged_at, ...changes } = toRow(customer);
  await transaction(executor, async (trx) => {
    await trx.updateTable('customers').set(changes).where('id', '=', id).execute();
    // The type decides ADR eligibility, which the ADR queue reads from each complaint's row.
    await refreshAdrWatch(trx, id);
    // And the management figures count each complaint under its customer's type.
    await refreshInsightCustomerType(trx, id);
  });
}

/** Records that the customer was merged into another (a tombstone pointing to the survivor). */
export async function markCustomerMerged(
  trx: Executor,
  id: string,
  intoId: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ merged_into_id: intoId, merged_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findCustomer(trx: Executor, id: string): Promise<Customer | undefined> {
  const row = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCustomer(row);
}

/**
 * Live customers (not merged into another) whose name, email, phone or postcode contains the text
 * (case-insensitive), newest first.
 */
export async function searchCustomers(trx: Executor, text: string, limit: number): Promise<Customer[]> {
  const digits = text.replace(/\D/g, '');
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        containsText(eb.ref('name'), text),
        containsText(eb.ref('email'), text),
        containsText(eb.ref('postcode'), text),
        ...(digits.length >= 4
          ? [containsText(eb.fn('replace', ['phone', eb.val(' '), eb.val('')]), digits)]
          : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCustomer);
}

/** Live customers with exactly this email address (stored lower-case), oldest first. */
export async function findCustomersByEmail(trx: Executor, email: string, limit = 10): Promise<Customer[]> {
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
    // The expression the index is on (customers_email_idx), so the lookup is an index search.
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('merged_into_id', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toCustomer);
}

/** How many candidates each kind of likeness may bring: a screen's worth, never a scan. */
const CANDIDATES_PER_KEY = 50;

/**
 * Live customers other than `customer` sharing its email, phone key or postcode key: each an index lookup
 * (customers_email_idx, customers_phone_key_idx, customers_postcode_key_idx). The caller decides which are
 * likely the same person (domain/customer-match.ts).
 */
export async function findDuplicateCandidates(trx: Executor, customer: Customer): Promise<Customer[]> {
  const phone = phoneKey(customer.phone);
  const postcode = postcodeKey(customer.postcode);
  const base = () =>
    trx
      .selectFrom('customers')
      .selectAll()
      .where('merged_into_id', 'is', null)
      .where('id', '!=', customer.id)
      .orderBy('created_at')
      .limit(CANDIDATES_PER_KEY);
  const [byEmail, byPhone, byPostcode] = await Promise.all([
    customer.email ? base().where(sql`lower(email)`, '=', customer.email.toLowerCase()).execute() : [],
    phone ? base().where('phone_key', '=', phone).execute() : [],
    postcode ? base().where('postcode_key', '=', postcode).execute() : [],
  ]);
  const seen = new Map<string, Customer>();
  for (const row of [...byEmail, ...byPhone, ...byPostcode]) {
    if (!seen.has(row.id)) seen.set(row.id, toCustomer(row));
  }
  return [...seen.values()];
}

/**
 * Reads customers for a change, locking their rows on PostgreSQL (in id order, so two merges of the same
 * pair cannot deadlock); SQLite's write transaction already serialises writers.
 */
export async function lockCustomers(trx: Executor, ids: string[]): Promise<Map<string, Customer>> {
  let query = trx
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id');
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.id, toCustomer(row)]));
}

export interface MovedRecords {
  complaints: { id: string; reference: string }[];
  emails: number;
  portalLinks: number;
  portalSessions: number;
  mergedRecords: number;
  /** Files of the customer's complaints (theirs, and those staff sent them), which the portal shows by customer. */
  uploads: number;
}

/**
 * Everything that belongs to customer `fromId` now belongs to `intoId`: complaints (and with them their
 * contacts, notes and letters), emails, files, portal links and sessions, and records merged into `fromId`
 * before.
 */
export async function moveCustomerRecords(
  trx: Executor,
  fromId: string,
  intoId: string,
  at: string,
): Promise<MovedRecords> {
  const complaints = await trx
    .selectFrom('complaints')
    .select(['id', 'reference'])
    .where('customer_id', '=', fromId)
    .orderBy('received_at')
    .execute();
  await trx
    .updateTable('complaints')
    .set({ customer_id: intoId, updated_at: at })
    .where('customer_id', '=', fromId)
    .execute();
  await moveInsightCustomer(trx, fromId, intoId);
  const count = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);
  const emails = await trx
    .updateTable('emails')
    .set({ customer_id: intoId })
    .where('customer_id', '=', fromId)
    .executeTakeFirst();
  const portalLinks = await trx
    .updateTable('portal_links')
    .set({ customer_id: intoId })
    .where('customer_id', '=', fromId)
    .executeTakeFirst();
  const portalSessions = await trx
    .updateTable('portal_sessions')
    .set({ customer_id: intoId })
    .where('customer_id', '=', fromId)
    .executeTakeFirst();
  const uploads = await trx
    .updateTable('uploads')
    .set({ customer_id: intoId })
    .where('customer_id', '=', fromId)
    .executeTakeFirst();
  const mergedRecords = await trx
    .updateTable('customers')
    .set({ merged_into_id: intoId })
    .where('merged_into_id', '=', fromId)
    .executeTakeFirst();
  return {
    complaints,
    emails: count(emails),
    portalLinks: count(portalLinks),
    portalSessions: count(portalSessions),
    mergedRecords: count(mergedRecords),
    uploads: count(uploads),
  };
}
