/**
 * Full-text search over complaints, kept by the database itself (triggers), so every way a complaint or its
 * customer is written — a command, a merge, a restore, an import — keeps the index right in the same
 * transaction. Two kinds of match:
 * - words (description, the customer's own words, the customer's name, the reference, email and phone), by
 *   prefix and ranked: SQLite FTS5 (`unicode61`, bm25) and a PostgreSQL `tsvector` (`simple`, ts_rank);
 * - fragments of identifiers (reference, email, phone digits), anywhere in them: SQLite FTS5's `trigram`
 *   tokenizer and PostgreSQL `pg_trgm`.
 *
 * SQLite's FTS rows are keyed by `complaints.search_key`, an integer given at insert and never changed (a
 * table's rowid may change in VACUUM). PostgreSQL keeps both on the complaint's row, with GIN indexes.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sqlite(db);
  else await postgres(db);
}

const SQLITE_WORDS = (c: string, cu: string) =>
  `${c}.reference || ' ' || ${c}.description || ' ' || coalesce(${c}.customer_words, '') || ' ' || ${cu}.name || ' ' || coalesce(${cu}.email, '') || ' ' || coalesce(${cu}.phone_key, '')`;
const SQLITE_IDS = (c: string, cu: string) =>
  `lower(${c}.reference || ' ' || coalesce(${cu}.email, '') || ' ' || coalesce(${cu}.phone_key, ''))`;

async function sqlite(db: AnyDb): Promise<void> {
  await sql`alter table complaints add column search_key integer`.execute(db);
  await sql`update complaints set search_key = rowid`.execute(db);
  await sql`create unique index complaints_search_key_idx on complaints (search_key)`.execute(db);
  await sql`create virtual table complaint_words using fts5(words, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1)`.execute(
    db,
  );
  await sql`create virtual table complaint_ids using fts5(ids, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(
    db,
  );
  const index = (where: string) => `
    insert into complaint_words (rowid, words)
      select c.search_key, ${SQLITE_WORDS('c', 'cu')} from complaints c join customers cu on cu.id = c.customer_id
      where ${where};
    insert into complaint_ids (rowid, ids)
      select c.search_key, ${SQLITE_IDS('c', 'cu')} from complaints c join customers cu on cu.id = c.customer_id
      where ${where};`;
  const unindex = (where: string) => `
    delete from complaint_words where rowid in (select search_key from complaints c where ${where});
    delete from complaint_ids where rowid in (select search_key from complaints c where ${where});`;
  // One statement per call (the driver prepares one at a time): the rows already stored, then the triggers.
  for (const statement of index('1 = 1').split(';')) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
  await sql
    .raw(`
    create trigger complaints_search_insert after insert on complaints begin
      update complaints set search_key = coalesce((select max(search_key) from complaints), 0) + 1
        where id = new.id and new.search_key is null;
      ${index('c.id = new.id')}
    end`)
    .execute(db);
  await sql
    .raw(`
    create trigger complaints_search_update after update of reference, description, customer_words, customer_id
    on complaints
    when old.reference is not new.reference or old.description is not new.description
      or old.customer_words is not new.customer_words or old.customer_id is not new.customer_id
    begin
      delete from complaint_words where rowid = new.search_key;
      delete from complaint_ids where rowid = new.search_key;
      ${index('c.id = new.id')}
    end`)
    .execute(db);
  await sql
    .raw(`
    create trigger complaints_search_delete after delete on complaints begin
      delete from complaint_words where rowid = old.search_key;
      delete from complaint_ids where rowid = old.search_key;
    end`)
    .execute(db);
  await sql
    .raw(`
    create trigger customers_search_update after update of name, email, phone_key on customers
    when old.name is not new.name or old.email is not new.email or old.phone_key is not new.phone_key
    begin
      ${unindex('c.customer_id = new.id')}
      ${index('c.customer_id = new.id')}
    end`)
    .execute(db);
}

async function postgres(db: AnyDb): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`alter table complaints add column search tsvector, add column search_ids text`.execute(db);
  await sql
    .raw(`
    create function complaints_search_fields() returns trigger language plpgsql as $$
    declare cu record;
    begin
      select name, email, phone_key into cu from customers where id = new.customer_id;
      new.search := to_tsvector('simple', new.reference || ' ' || new.description || ' ' ||
        coalesce(new.customer_words, '') || ' ' || coalesce(cu.name, '') || ' ' || coalesce(cu.email, '') || ' ' ||
        coalesce(cu.phone_key, ''));
      new.search_ids := lower(new.reference || ' ' || coalesce(cu.email, '') || ' ' || coalesce(cu.phone_key, ''));
      return new;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create trigger complaints_search_insert before insert on complaints
      for each row execute function complaints_search_fields()`)
    .execute(db);
  // A command rewrites the whole row: recompute only when a searched field changed (or a customer's did, below).
  await sql
    .raw(`
    create trigger complaints_search_update
      before update of reference, description, customer_words, customer_id, search on complaints for each row
      when (old.reference is distinct from new.reference or old.description is distinct from new.description
        or old.customer_words is distinct from new.customer_words or old.customer_id is distinct from new.customer_id
        or new.search is null)
      execute function complaints_search_fields()`)
    .execute(db);
  await sql
    .raw(`
    create function customers_search_fields() returns trigger language plpgsql as $$
    begin
      if old.name is distinct from new.name or old.email is distinct from new.email
        or old.phone_key is distinct from new.phone_key then
        update complaints set search = null where customer_id = new.id;
      end if;
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create trigger customers_search_fields after update of name, email, phone_key on customers
      for each row execute function customers_search_fields()`)
    .execute(db);
  await sql`update complaints set search = null`.execute(db);
  await sql`create index complaints_search_idx on complaints using gin (search)`.execute(db);
  await sql`create index complaints_search_ids_idx on complaints using gin (search_ids gin_trgm_ops)`.execute(
    db,
  );
}
