/**
 * Work that finds the person who can act on it. `users.last_routed_at` lets round-robin routing give the next
 * complaint to whoever has waited longest for one. `complaints.customer_words` keeps what the customer said in
 * their own words beside staff's description, so letters quote the customer, never a note about them.
 * The workload view and the routing count open complaints per stage and owner through
 * `complaints_stage_owner_idx`, which reaches the open stages without reading the closed history.
 */
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_routed_at', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('customer_words', 'text').execute();
  await db.schema
    .createIndex('complaints_stage_owner_idx')
    .on('complaints')
    .columns(['stage', 'owner_id', 'adr_due_on'])
    .execute();
}
