/** Customers: stored, found, updated, searched. */
import type { Selectable } from 'kysely';
import type { Channel, CustomerType } from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import type { Executor } from './database.ts';
import type { CustomersTable } from './schema.ts';
import { containsText } from './text-search.ts';
import { fromJsonText, fromSqlBool, toJsonText, toSqlBool } from './values.ts';

function toRow(c: Customer): CustomersTable {
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
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function toCustomer(row: Selectable<CustomersTable>): Customer {
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertCustomer(trx: Executor, customer: Customer): Promise<void> {
  await trx.insertInto('customers').values(toRow(customer)).execute();
}

export async function updateCustomerRow(trx: Executor, customer: Customer): Promise<void> {
  const { id, created_at, ...changes } = toRow(customer);
  await trx.updateTable('customers').set(changes).where('id', '=', id).execute();
}

export async function findCustomer(trx: Executor, id: string): Promise<Customer | undefined> {
  const row = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCustomer(row);
}

/** Customers whose name, email, phone or postcode contains the text (case-insensitive), newest first. */
export async function searchCustomers(trx: Executor, text: string, limit: number): Promise<Customer[]> {
  const digits = text.replace(/\D/g, '');
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
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

/** Customers with exactly this email address (stored lower-case), oldest first. */
export async function findCustomersByEmail(trx: Executor, email: string, limit = 10): Promise<Customer[]> {
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toCustomer);
}
