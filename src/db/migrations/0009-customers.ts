/**
 * Customer records that can be merged, contacts the customer may or may not see, complaints taken in person,
 * and staff passwords that must be changed.
 *
 * - `customers.merged_into_id`: a record merged into another is kept as a tombstone pointing to the survivor
 *   (audit rows name it, so it is never deleted); `phone_key` (the number's digits in UK national form) and
 *   `postcode_key` (upper case, no spaces) are stored beside what was typed so finding likely duplicates is an
 *   index lookup, never a scan. They are backfilled here in id order, a batch at a time.
 * - `contacts.visible_to_customer`: whether the portal shows the contact's summary. Contacts the customer
 *   made (recorded by `customer:<id>`) stay visible; those staff logged become internal, the new default,
 *   because nobody writing them was told the customer would read them.
 * - `contacts.channel` may be `in-person`: the CHECK is replaced (a table rebuild on SQLite).
 * - `users.must_change_password`: a password someone else chose (the first admin's, an admin's) works once.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { type AnyDb, isBool, isOneOf } from './sql-helpers.ts';

const CONTACT_CHANNELS = ['phone', 'email', 'web', 'letter', 'textphone', 'in-person'];
const BATCH = 1000;

// Frozen copies of the domain's normalisation (src/domain/customer-match.ts) as it was when this ran.
function phoneKey(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  return digits.length >= 6 ? digits : null;
}
function postcodeKey(postcode: string | null): string | null {
  const key = postcode?.replace(/\s/g, '').toUpperCase();
  return key ? key : null;
}

async function backfillCustomerKeys(db: AnyDb): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; phone: string | null; postcode: string | null }[] = await db
      .selectFrom('customers')
      .select(['id', 'phone', 'postcode'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const phone = phoneKey(row.phone);
      const postcode = postcodeKey(row.postcode);
      if (phone || postcode) {
        await db
          .updateTable('customers')
          .set({ phone_key: phone, postcode_key: postcode })
          .where('id', '=', row.id)
          .execute();
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

async function contactsWithInPerson(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await db.schema
      .alterTable('contacts')
      .addColumn('visible_to_customer', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`alter table contacts drop constraint contacts_channel`.execute(db);
    await db.schema
      .alterTable('contacts')
      .addCheckConstraint('contacts_channel', isOneOf('channel', CONTACT_CHANNELS))
      .execute();
    await db.schema
      .alterTable('contacts')
      .addCheckConstraint('contacts_visible_bool', isBool('visible_to_customer'))
      .execute();
  } else {
    // SQLite cannot alter a CHECK: build the table anew and copy (nothing references contacts).
    await db.schema
      .createTable('contacts_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('visible_to_customer', 'integer', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('contacts_channel', isOneOf('channel', CONTACT_CHANNELS))
      .addCheckConstraint('contacts_direction', isOneOf('direction', ['in', 'out']))
      .addCheckConstraint('contacts_visible_bool', isBool('visible_to_customer'))
      .execute();
    await sql`insert into contacts_new (id, complaint_id, channel, direction, summary, occurred_at, recorded_by, created_at)
      select id, complaint_id, channel, direction, summary, occurred_at, recorded_by, created_at from contacts`.execute(
      db,
    );
    await db.schema.dropTable('contacts').execute();
    await db.schema.alterTable('contacts_new').renameTo('contacts').execute();
    await db.schema
      .createIndex('contacts_complaint_idx')
      .on('contacts')
      .columns(['complaint_id', 'occurred_at'])
      .execute();
  }
  await db
    .updateTable('contacts')
    .set({ visible_to_customer: 1 })
    .where('recorded_by', 'like', 'customer:%')
    .execute();
}

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('customers')
    .addColumn('merged_into_id', 'text', (c) => c.references('customers.id'))
    .execute();
  await db.schema.alterTable('customers').addColumn('merged_at', 'text').execute();
  await db.schema.alterTable('customers').addColumn('phone_key', 'text').execute();
  await db.schema.alterTable('customers').addColumn('postcode_key', 'text').execute();
  await backfillCustomerKeys(db);
  // Likely duplicates are looked for among live records only: partial indexes leave tombstones out.
  const live = (name: string, column: string) =>
    db.schema
      .createIndex(name)
      .on('customers')
      .column(column)
      .where(sql.ref('merged_into_id'), 'is', null)
      .execute();
  await live('customers_phone_key_idx', 'phone_key');
  await live('customers_postcode_key_idx', 'postcode_key');
  // Records merged into a survivor: repointed when the survivor is itself merged.
  await db.schema.createIndex('customers_merged_into_idx').on('customers').column('merged_into_id').execute();
  // A customer's other complaints, newest first.
  await db.schema
    .createIndex('complaints_customer_received_idx')
    .on('complaints')
    .columns(['customer_id', 'received_at'])
    .execute();
  // Moving a customer's emails, portal links and sessions to the survivor of a merge.
  await db.schema.createIndex('emails_customer_idx').on('emails').column('customer_id').execute();
  await db.schema.createIndex('portal_links_customer_idx').on('portal_links').column('customer_id').execute();
  await db.schema
    .createIndex('portal_sessions_customer_idx')
    .on('portal_sessions')
    .column('customer_id')
    .execute();

  await contactsWithInPerson(db, dialect);

  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) =>
      c.notNull().defaultTo(0).check(isBool('must_change_password')),
    )
    .execute();
}
