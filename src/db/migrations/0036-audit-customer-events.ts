/**
 * The system chain's events about a customer, found by index: `audit_customer_events` (customer_id, seq), a
 * row for each customer an event of that chain names. Erasure, subject access and the retention purge read a
 * customer's rows of the chain through it; they matched `%"<id>"%` against every payload of the chain, inside
 * the purge's and the erasure's write transactions, and the chain gains a row for every customer the purge
 * clears, so each purge would have read further than the last.
 *
 * Filled from the chain's rows already written, a page at a time, by the rule audit.ts `customersNamedIn`
 * applies to new ones, frozen here: the string values of a payload's top-level `customerId` and `…CustomerId`.
 */
import { type SqlBool, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { AnyDb } from './sql-helpers.ts';

const PAGE = 1000;

function customersNamedIn(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(payload))
    if ((key === 'customerId' || key.endsWith('CustomerId')) && typeof value === 'string') ids.add(value);
  return [...ids];
}

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('audit_customer_events')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_customer_events_pk', ['customer_id', 'seq'])
    .execute();
  let after = 0;
  for (;;) {
    // Along audit_events_system_idx (0034): the system chain's rows alone, in order.
    const rows: { seq: number | string; payload: string }[] = await db
      .selectFrom('audit_events')
      .select(['seq', 'payload'])
      .where(sql<SqlBool>`complaint_id is null and chain_id is null`)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const named = rows.flatMap((row) =>
      customersNamedIn(JSON.parse(row.payload)).map((customerId) => ({
        customer_id: customerId,
        seq: Number(row.seq),
      })),
    );
    if (named.length) await db.insertInto('audit_customer_events').values(named).execute();
    after = Number(rows.at(-1)?.seq);
  }
}
