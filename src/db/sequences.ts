/** Named counters (CRN sequences), atomic under concurrency in both dialects. */
import type { Executor } from './database.ts';

/**
 * The next value of the named sequence, starting at 1. One upsert statement: concurrent callers on
 * PostgreSQL queue on the row lock and each gets its own value; SQLite writers are serialised anyway. Called
 * inside the caller's transaction, a rollback gives the number back, so committed CRNs have no gaps.
 */
export async function nextSequence(executor: Executor, name: string): Promise<number> {
  const row = await executor
    .insertInto('sequences')
    .values({ name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('sequences.value'), '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * The next `count` values of the named sequence at once (an import's batch of CRNs): the first of them; the
 * others follow it. One statement, atomic as `nextSequence`.
 */
export async function nextSequences(executor: Executor, name: string, count: number): Promise<number> {
  const row = await executor
    .insertInto('sequences')
    .values({ name, value: count })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('sequences.value'), '+', count) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
