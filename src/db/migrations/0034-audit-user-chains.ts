/**
 * A member of staff's sign-ins and sessions get an audit chain of their own (`user:<id>`) instead of the one
 * shared "system" chain: on PostgreSQL every sign-in in the company locked that chain's head until commit, and
 * the system chain's rows (which erasure and subject access scan for a customer's id) grew with every
 * sign-in. Measured (embedded PostgreSQL, 400 concurrent sign-in transactions of 100 people, each holding
 * 5 ms after its audit append): 4.0–4.2 s on the system chain, 1.0 s on a chain per person.
 *
 * - `audit_events.chain_id`: the chain a row was put on by name. NULL for every row written before, and for
 *   the chains that follow from `complaint_id` (a complaint's, or the system chain when it is null), so
 *   existing rows stay on the chain they were hashed on and verify as before; no row is rewritten.
 * - `audit_events_chain_idx` (chain_id, seq), partial: a named chain's rows in order, for `audit verify`.
 * - `audit_events_system_idx`, partial: the system chain's rows alone, in `seq` order, so reading it (verify,
 *   and the search of its payloads for a customer) skips the staff chains' rows rather than filtering them.
 *   EXPLAIN on both dialects picks it for the customer search (PostgreSQL scans a table of a few hundred
 *   rows instead, as it should at that size).
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  // Bytewise order like audit_chains.chain_id (0015), so both sort chains alike on any server locale.
  const chainId = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.alterTable('audit_events').addColumn('chain_id', chainId).execute();
  await db.schema
    .createIndex('audit_events_chain_idx')
    .on('audit_events')
    .columns(['chain_id', 'seq'])
    .where(sql<SqlBool>`chain_id is not null`)
    .execute();
  // On SQLite the index leads with its two constant columns: on (seq) alone SQLite's planner took
  // audit_events_complaint_idx (complaint_id is null: the staff chains' rows too) for having an equality to
  // match. PostgreSQL takes the partial index on (seq) and reads it in order; led by the constants, it sorts.
  await db.schema
    .createIndex('audit_events_system_idx')
    .on('audit_events')
    .columns(dialect === 'postgres' ? ['seq'] : ['complaint_id', 'chain_id', 'seq'])
    .where(sql<SqlBool>`complaint_id is null and chain_id is null`)
    .execute();
}
